/**
 * Designs for `POST /chat/completions`: for each field, a control and treatments whose answers
 * differ visibly when the field is honoured (docs/probe.md lists what each sends).
 */
import { choices, completionTokens, finish, ok, quote, text, toolCalls } from './read.ts';
import type { Body, DesignContext, DesignFactory, Judgement, Observed } from './types.ts';
import { isObject } from '../../load/json.ts';

/** A long, countable answer: limits and stop sequences have something to cut. */
export const COUNTING = 'Count from 1 to 40, separated by spaces. Answer with the numbers only.';
const OPEN = 'Invent a name for a cat. Answer with the name only.';
const COLOUR = 'Name one colour. If you are asked for JSON, answer with a JSON object with the key "colour".';
const WEATHER = 'What is the weather in Paris? Use the get_weather tool.';
const BOTH = 'What are the weather and the local time in Paris? Call get_weather and get_time, both at once.';

const tool = (name: string, property: string) => ({
  type: 'function',
  function: { name, description: `Returns the ${property} of a city`, parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } },
});
export const TOOLS = [tool('get_weather', 'weather'), tool('get_time', 'local time')];

export const chatBody = (ctx: DesignContext, prompt: string, extra: Body = {}): Body => ({ model: ctx.model, messages: [{ role: 'user', content: prompt }], ...extra });
const fixed = (body: Body) => () => body;

/** `max_tokens`-like limits: the treatment stops at the limit ("length") where the control ran longer. */
export function limitDesign(build: (ctx: DesignContext, extra: Body) => Body, field: string, limit = 3): DesignFactory {
  return (ctx) => ({
    steps: [
      { role: 'control', body: fixed(build(ctx, {})) },
      { role: 'treatment', body: fixed(build(ctx, { [field]: limit })) },
    ],
    judge: ([control, treatment]) => {
      const before = completionTokens(control) ?? words(text(control));
      const after = completionTokens(treatment) ?? words(text(treatment));
      const line = `control ${finish(control)} (${before} tokens), ${field}: ${limit} → ${finish(treatment)} (${after} tokens)`;
      if (before <= limit) return { verdict: 'inconclusive', reason: `the control answer was not longer than ${limit} tokens: ${line}` };
      if (finish(treatment) === 'length' && after <= limit) return { verdict: 'honoured', reason: line, excerpt: `finish_reason: ${finish(treatment)}` };
      if (finish(treatment) === 'length' || after < before) return { verdict: 'transformed', reason: `cut, but not at ${limit}: ${line}`, excerpt: `completion_tokens: ${after}` };
      return { verdict: 'ignored', reason: line, excerpt: `finish_reason: ${finish(treatment)}` };
    },
  });
}

const words = (s: string | undefined): number => (s ? s.split(/\s+/).filter(Boolean).length : 0);

/** `stop`: the fourth word of the control's answer becomes the stop sequence; honoured when it no longer appears. */
export function stopDesign(build: (ctx: DesignContext, extra: Body) => Body): DesignFactory {
  const stopWord = (control: Observed | undefined) => text(control)?.split(/\s+/).filter(Boolean)[3];
  return (ctx) => ({
    steps: [
      { role: 'control', body: fixed(build(ctx, {})) },
      { role: 'treatment', body: ([control]) => (stopWord(control) ? build(ctx, { stop: [stopWord(control)] }) : undefined) },
    ],
    judge: ([control, treatment]) => {
      const word = stopWord(control);
      if (!word || !treatment) return { verdict: 'inconclusive', reason: `the control answer is too short to pick a stop sequence: ${quote(text(control))}` };
      const after = text(treatment) ?? '';
      const excerpt = quote(after);
      if (after.includes(word)) return { verdict: 'ignored', reason: `stop ${quote(word)} still appears in the answer`, excerpt };
      return { verdict: 'honoured', reason: `the answer ends before stop ${quote(word)} (control: ${quote(text(control), 40)})`, excerpt };
    },
  });
}

/** `n`: 2 and 3 choices asked; equal counts tell ignored (1) from clamped (the same other number). */
export function nDesign(build: (ctx: DesignContext, extra: Body) => Body): DesignFactory {
  return (ctx) => ({
    steps: [
      { role: 'control', body: fixed(build(ctx, {})) },
      { role: 'treatment', body: fixed(build(ctx, { n: 2 })) },
      { role: 'treatment-2', body: fixed(build(ctx, { n: 3 })) },
    ],
    judge: ([control, two, three]) => {
      const counts = [control, two, three].map((o) => choices(o).length);
      const line = `choices: control ${counts[0]}, n=2 → ${counts[1]}, n=3 → ${counts[2]}`;
      if (counts[0] !== 1) return { verdict: 'inconclusive', reason: `the control did not answer one choice: ${line}` };
      if (counts[1] === 2 && counts[2] === 3) return { verdict: 'honoured', reason: line, excerpt: `${counts[2]} choices` };
      if (counts[1] === 1 && counts[2] === 1) return { verdict: 'ignored', reason: line, excerpt: '1 choice' };
      return { verdict: 'transformed', reason: `the count differs from what was asked: ${line}`, excerpt: `${counts[2]} choices` };
    },
  });
}

const logprobsOf = (o: Observed | undefined): unknown[] | undefined => {
  const lp = choices(o)[0]?.logprobs as { content?: unknown } | null | undefined;
  return Array.isArray(lp?.content) ? lp.content : undefined;
};

const logprobs: DesignFactory = (ctx) => ({
  steps: [
    { role: 'control', body: fixed(chatBody(ctx, OPEN)) },
    { role: 'treatment', body: fixed(chatBody(ctx, OPEN, { logprobs: true })) },
  ],
  judge: ([control, treatment]) => {
    if (logprobsOf(control)) return { verdict: 'inconclusive', reason: 'the control already carries logprobs' };
    const entries = logprobsOf(treatment);
    return entries?.length
      ? { verdict: 'honoured', reason: `logprobs.content has ${entries.length} entries`, excerpt: quote(entries[0]) }
      : { verdict: 'ignored', reason: 'no logprobs.content in the answer', excerpt: `logprobs: ${quote(choices(treatment)[0]?.logprobs ?? null)}` };
  },
});

const topLogprobs: DesignFactory = (ctx) => ({
  steps: [
    { role: 'control', body: fixed(chatBody(ctx, OPEN, { logprobs: true })) },
    { role: 'treatment', body: fixed(chatBody(ctx, OPEN, { logprobs: true, top_logprobs: 2 })) },
  ],
  judge: ([, treatment]) => {
    const entries = logprobsOf(treatment) as { top_logprobs?: unknown[] }[] | undefined;
    if (!entries?.length) return { verdict: 'inconclusive', reason: 'logprobs are not returned, so top_logprobs cannot show' };
    const counts = entries.map((e) => (Array.isArray(e.top_logprobs) ? e.top_logprobs.length : 0));
    const line = `alternatives per token: ${[...new Set(counts)].join(', ')} (asked 2)`;
    if (counts.every((c) => c === 2)) return { verdict: 'honoured', reason: line, excerpt: quote(entries[0].top_logprobs) };
    if (counts.every((c) => c === 0)) return { verdict: 'ignored', reason: line };
    return { verdict: 'transformed', reason: line, excerpt: quote(entries[0].top_logprobs) };
  },
});

/** `seed`: the same seed twice and another seed, at temperature 1 where the profile takes it. */
const seed: DesignFactory = (ctx) => {
  const hot = ['unsupported', 'ignored'].includes(ctx.documented('temperature')) ? {} : { temperature: 1 };
  return {
    steps: [
      { role: 'treatment', body: fixed(chatBody(ctx, OPEN, { ...hot, seed: 11 })) },
      { role: 'treatment-2', body: fixed(chatBody(ctx, OPEN, { ...hot, seed: 11 })), repeat: true },
      { role: 'treatment-3', body: fixed(chatBody(ctx, OPEN, { ...hot, seed: 12 })) },
    ],
    judge: ([a, b, c]) => {
      const [ta, tb, tc] = [a, b, c].map((o) => text(o));
      const line = `seed 11 → ${quote(ta, 30)} twice ${ta === tb ? 'alike' : `vs ${quote(tb, 30)}`}, seed 12 → ${quote(tc, 30)}`;
      if (ta === tb && ta !== tc) return { verdict: 'honoured', reason: line, excerpt: quote(ta) };
      return { verdict: 'ignored', reason: ta === tb ? `changing the seed did not change the answer: ${line}` : `the same seed did not repeat the answer: ${line}`, excerpt: quote(tb) };
    },
  };
};

const parses = (s: string | undefined): unknown => {
  try {
    return s === undefined ? undefined : JSON.parse(s);
  } catch {
    return undefined;
  }
};

const COLOUR_SCHEMA = { type: 'object', properties: { colour: { type: 'string' } }, required: ['colour'], additionalProperties: false };


/** `response_format` `json_object`: the answer parses as a JSON object where the control's did not. */
const responseFormat: DesignFactory = (ctx) => ({
  steps: [
    { role: 'control', body: fixed(chatBody(ctx, COLOUR)) },
    { role: 'treatment', body: fixed(chatBody(ctx, COLOUR, { response_format: { type: 'json_object' } })) },
  ],
  judge: ([control, treatment]): Judgement => {
    if (isObject(parses(text(control)))) return { verdict: 'inconclusive', reason: 'the control already answered a JSON object' };
    return isObject(parses(text(treatment)))
      ? { verdict: 'honoured', reason: 'json_object → a JSON object', excerpt: quote(text(treatment)) }
      : { verdict: 'ignored', reason: 'json_object → not JSON', excerpt: quote(text(treatment)) };
  },
});

/** `response_format` `json_schema` (its own variant key): a value valid against a strict one-property schema. */
const jsonSchema: DesignFactory = (ctx) => ({
  steps: [
    { role: 'control', body: fixed(chatBody(ctx, COLOUR)) },
    { role: 'treatment', body: fixed(chatBody(ctx, COLOUR, { response_format: { type: 'json_schema', json_schema: { name: 'colour', strict: true, schema: COLOUR_SCHEMA } } })) },
  ],
  judge: ([control, treatment]): Judgement => {
    const valid = (v: unknown) => isObject(v) && typeof v.colour === 'string' && Object.keys(v).length === 1;
    if (valid(parses(text(control)))) return { verdict: 'inconclusive', reason: 'the control already answered the JSON asked for' };
    const value = parses(text(treatment));
    if (valid(value)) return { verdict: 'honoured', reason: 'json_schema → a value valid against the schema', excerpt: quote(text(treatment)) };
    return isObject(value)
      ? { verdict: 'transformed', reason: 'json_schema → JSON, but not valid against the schema (as json_object)', excerpt: quote(text(treatment)) }
      : { verdict: 'ignored', reason: 'json_schema → not JSON', excerpt: quote(text(treatment)) };
  },
});

const tools: DesignFactory = (ctx) => ({
  steps: [
    { role: 'control', body: fixed(chatBody(ctx, WEATHER)) },
    { role: 'treatment', body: fixed(chatBody(ctx, WEATHER, { tools: [TOOLS[0]] })) },
  ],
  judge: ([control, treatment]) => {
    const calls = toolCalls(treatment);
    if (toolCalls(control).length) return { verdict: 'inconclusive', reason: 'the control (no tools) answered a tool call' };
    return calls.some((c) => c.name === 'get_weather')
      ? { verdict: 'honoured', reason: `tool call ${calls.map((c) => c.name).join(', ')}`, excerpt: `finish_reason: ${finish(treatment)}` }
      : { verdict: 'ignored', reason: 'no tool call with tools given', excerpt: quote(text(treatment)) };
  },
});

const toolChoice: DesignFactory = (ctx) => ({
  steps: [
    { role: 'control', body: fixed(chatBody(ctx, WEATHER, { tools: [TOOLS[0]] })) },
    { role: 'treatment', body: fixed(chatBody(ctx, WEATHER, { tools: TOOLS, tool_choice: { type: 'function', function: { name: 'get_time' } } })) },
    { role: 'treatment-2', body: fixed(chatBody(ctx, WEATHER, { tools: [TOOLS[0]], tool_choice: 'none' })) },
  ],
  judge: ([control, forced, none]) => {
    if (!toolCalls(control).length) return { verdict: 'inconclusive', reason: 'the control (tools, no tool_choice) answered no tool call' };
    const named = toolCalls(forced).map((c) => c.name);
    const line = `forced get_time → ${named.join(', ') || 'no call'}; none → ${toolCalls(none).length} calls`;
    if (named.length > 0 && named.every((n) => n === 'get_time') && toolCalls(none).length === 0) return { verdict: 'honoured', reason: line, excerpt: `tool call ${named[0]}` };
    if (!named.includes('get_time') && toolCalls(none).length > 0) return { verdict: 'ignored', reason: line };
    return { verdict: 'transformed', reason: `only partly: ${line}` };
  },
});

const parallelToolCalls: DesignFactory = (ctx) => ({
  steps: [
    { role: 'control', body: fixed(chatBody(ctx, BOTH, { tools: TOOLS })) },
    { role: 'treatment', body: fixed(chatBody(ctx, BOTH, { tools: TOOLS, parallel_tool_calls: false })) },
  ],
  judge: ([control, treatment]) => {
    const [before, after] = [toolCalls(control).length, toolCalls(treatment).length];
    const line = `tool calls: control ${before}, parallel_tool_calls: false → ${after}`;
    if (before < 2) return { verdict: 'inconclusive', reason: `the control did not call two tools at once: ${line}` };
    return after === 1 ? { verdict: 'honoured', reason: line } : { verdict: 'ignored', reason: line };
  },
});

export const chatDesigns: Record<string, DesignFactory> = {
  max_tokens: limitDesign((ctx, extra) => chatBody(ctx, COUNTING, extra), 'max_tokens'),
  max_completion_tokens: limitDesign((ctx, extra) => chatBody(ctx, COUNTING, extra), 'max_completion_tokens'),
  stop: stopDesign((ctx, extra) => chatBody(ctx, COUNTING, extra)),
  n: nDesign((ctx, extra) => chatBody(ctx, OPEN, extra)),
  logprobs,
  top_logprobs: topLogprobs,
  seed,
  response_format: responseFormat,
  'response_format[type=json_schema]': jsonSchema,
  tools,
  tool_choice: toolChoice,
  parallel_tool_calls: parallelToolCalls,
};

export { ok };
