/**
 * Deterministic text for generated answers: a seed hashed from the conversation (not from the
 * knobs such as `max_tokens` or `stop`, so those only cut the same text), words drawn from a small
 * vocabulary, and a token model of one token per word. Usage counts follow the same model.
 */

/** FNV-1a over a string: a stable 32-bit seed. */
export function hashSeed(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: a tiny seeded PRNG, enough for picking words. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const vocabulary = (
  'the mock answers every request with a short reply that stays the same for the same ' +
  'conversation so tests can rely on it while clients stream parse and count tokens as usual ' +
  'here is one more sentence about models tools and streams'
).split(' ');

/** One token per word (with its following space): what `max_tokens`, logprobs and usage count. */
export function tokensOf(text: string): string[] {
  return text.match(/\S+\s*|\s+/g) ?? [];
}

/** Roughly what a tokenizer would count for a prompt: words plus a little per message. */
export function promptTokens(value: unknown): number {
  let words = 0;
  const visit = (v: unknown): void => {
    if (typeof v === 'string') words += tokensOf(v).length;
    else if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) if (k !== 'type' && k !== 'role') visit(x);
  };
  visit(value);
  return words + 3;
}

/** A sentence of 8 to 23 words, capitalised and ended with a full stop. */
export function sentence(seed: number): string {
  const next = random(seed);
  const count = 8 + Math.floor(next() * 16);
  const words: string[] = [];
  for (let i = 0; i < count; i++) words.push(vocabulary[Math.floor(next() * vocabulary.length)]);
  const text = words.join(' ');
  return `${text[0].toUpperCase()}${text.slice(1)}.`;
}

export interface Cut {
  text: string;
  finish: 'stop' | 'length';
}

/** Applies `stop` (cut before the first stop string) and a token limit to generated text. */
export function cut(text: string, options: { stop?: unknown; maxTokens?: unknown }): Cut {
  let out = text;
  let finish: Cut['finish'] = 'stop';
  const stops = typeof options.stop === 'string' ? [options.stop] : Array.isArray(options.stop) ? options.stop.filter((s): s is string => typeof s === 'string' && s.length > 0) : [];
  for (const s of stops) {
    const at = out.indexOf(s);
    if (at !== -1) out = out.slice(0, at);
  }
  const limit = typeof options.maxTokens === 'number' && Number.isInteger(options.maxTokens) && options.maxTokens >= 0 ? options.maxTokens : undefined;
  if (limit !== undefined) {
    const tokens = tokensOf(out);
    if (tokens.length > limit) {
      out = tokens.slice(0, limit).join('');
      finish = 'length';
    }
  }
  return { text: out, finish };
}

/** Log probabilities for each token (and `top` alternatives), derived from the token text. */
export function logprobsFor(tokens: string[], top: number): { token: string; logprob: number; bytes: number[]; top_logprobs: { token: string; logprob: number; bytes: number[] }[] }[] {
  return tokens.map((token) => {
    const logprob = -((hashSeed(token) % 1000) / 1000);
    const entry = (t: string, lp: number) => ({ token: t, logprob: lp, bytes: [...Buffer.from(t, 'utf8')] });
    const alternatives = [entry(token, logprob)];
    for (let i = 1; i < top; i++) alternatives.push(entry(vocabulary[(hashSeed(token) + i) % vocabulary.length] + ' ', logprob - i));
    return { ...entry(token, logprob), top_logprobs: top > 0 ? alternatives.slice(0, top) : [] };
  });
}

/** A short stable id: `prefix` + 24 hex-ish characters from the seed. */
export function idFrom(prefix: string, seed: number, salt = ''): string {
  const a = hashSeed(`${seed}:${salt}:a`).toString(16).padStart(8, '0');
  const b = hashSeed(`${seed}:${salt}:b`).toString(16).padStart(8, '0');
  const c = hashSeed(`${seed}:${salt}:c`).toString(16).padStart(8, '0');
  return `${prefix}${a}${b}${c}`;
}
