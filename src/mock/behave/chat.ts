/**
 * `POST /chat/completions` and legacy `POST /completions`: answers that follow the request.
 * The model is echoed, `n` choices differ by index, `max_tokens`/`max_completion_tokens` and `stop`
 * cut the text, `response_format` shapes it, `tools` turn into calls, logprobs come when asked
 * and usage counts what was sent. Fields the profile ignores never reach here.
 */
import type { Json } from '../model.ts';
import { cut, hashSeed, idFrom, logprobsFor, promptTokens, sentence, tokensOf } from './text.ts';
import { planCalls, sampleFromRequestSchema } from './tools.ts';

type Obj = Record<string, unknown>;

/** The conversation part of a request: the seed comes from it, never from the knobs. */
export function conversationSeed(request: Obj, ...parts: unknown[]): number {
  return hashSeed(JSON.stringify([request.model ?? null, request.seed ?? null, ...parts]));
}

/** Text for a `response_format` / `text.format`: JSON for json_object, a schema sample for json_schema. */
export function formattedText(format: unknown, seed: number): string | undefined {
  const f = format as Obj | undefined;
  if (f?.type === 'json_object') return JSON.stringify({ answer: sentence(seed) });
  if (f?.type === 'json_schema') {
    const holder = (f.json_schema ?? f) as Obj;
    return JSON.stringify(sampleFromRequestSchema(holder.schema as Obj | undefined) ?? {});
  }
  return undefined;
}

function integer(...values: unknown[]): number | undefined {
  return values.find((v): v is number => typeof v === 'number' && Number.isInteger(v));
}

export function chatCompletion(request: Obj, template: Obj, options: { parallelDefault: boolean; logprobs: boolean }): Obj {
  const messages = Array.isArray(request.messages) ? (request.messages as Obj[]) : [];
  const seed = conversationSeed(request, messages);
  const n = Math.max(1, integer(request.n) ?? 1);
  const maxTokens = integer(request.max_completion_tokens, request.max_tokens);
  const afterToolResult = messages.at(-1)?.role === 'tool' || messages.at(-1)?.role === 'function';
  const calls = planCalls({
    tools: request.tools,
    toolChoice: request.tool_choice,
    parallel: request.parallel_tool_calls === undefined ? options.parallelDefault : request.parallel_tool_calls !== false,
    afterToolResult,
    seed,
  });
  const top = options.logprobs && request.logprobs === true ? (integer(request.top_logprobs) ?? 0) : -1;
  let completionTokens = 0;
  const choices = Array.from({ length: n }, (_, index) => {
    if (calls.length > 0) {
      completionTokens += calls.reduce((sum, c) => sum + tokensOf(c.arguments.replace(/[{}":,]/g, ' ')).length + 2, 0);
      const tool_calls = calls.map((c) => ({ id: c.id, type: 'function', function: { name: c.name, arguments: c.arguments } }));
      return { index, message: { role: 'assistant', content: null, refusal: null, tool_calls, annotations: [] }, logprobs: null, finish_reason: 'tool_calls' };
    }
    const choiceSeed = seed + index;
    const full = formattedText(request.response_format, choiceSeed) ?? sentence(choiceSeed);
    const { text, finish } = cut(full, { stop: request.stop, maxTokens });
    const tokens = tokensOf(text);
    completionTokens += tokens.length;
    const logprobs = top >= 0 ? { content: logprobsFor(tokens, top), refusal: null } : null;
    return { index, message: { role: 'assistant', content: text, refusal: null, annotations: [] }, logprobs, finish_reason: finish };
  });
  return completionObject(template, request, { id: idFrom('chatcmpl-', seed).slice(0, 38), object: 'chat.completion', choices, prompt: promptTokens(messages), completion: completionTokens });
}

/** Each choice's message with `fields` added (the answer fields scoped claims add). */
export function withMessageFields(completion: Obj, fields: Obj): Obj {
  if (!Object.keys(fields).length) return completion;
  const choices = (completion.choices as Obj[]).map((choice) => ({ ...choice, message: { ...(choice.message as Obj), ...fields } }));
  return { ...completion, choices };
}

/** The envelope both completion kinds share: the template's extra fields, ids, time, model, usage. */
function completionObject(template: Obj, request: Obj, parts: { id: string; object: string; choices: Obj[]; prompt: number; completion: number }): Obj {
  return {
    ...template,
    id: parts.id,
    object: parts.object,
    created: Math.floor(Date.now() / 1000),
    model: typeof request.model === 'string' ? request.model : template.model,
    choices: parts.choices,
    usage: usage(template.usage as Obj | undefined, parts.prompt, parts.completion),
  };
}

/** Legacy completions' logprobs: parallel lists, alternatives as a token → logprob map. */
function legacyLogprobs(tokens: string[], top: number): Obj {
  const entries = logprobsFor(tokens, top);
  let offset = 0;
  return {
    tokens,
    token_logprobs: entries.map((e) => e.logprob),
    top_logprobs: entries.map((e) => Object.fromEntries(e.top_logprobs.map((t) => [t.token, t.logprob]))),
    text_offset: tokens.map((t) => ((offset += t.length), offset - t.length)),
  };
}

export function textCompletion(request: Obj, template: Obj, options: { logprobs: boolean }): Obj {
  const prompt = request.prompt;
  const seed = conversationSeed(request, prompt);
  const n = Math.max(1, integer(request.n) ?? 1);
  let completionTokens = 0;
  const logprobsAsked = options.logprobs ? integer(request.logprobs) : undefined;
  const choices = Array.from({ length: n }, (_, index) => {
    const { text, finish } = cut(` ${sentence(seed + index)}`, { stop: request.stop, maxTokens: integer(request.max_tokens) ?? 16 });
    const tokens = tokensOf(text);
    completionTokens += tokens.length;
    const logprobs = logprobsAsked !== undefined ? legacyLogprobs(tokens, logprobsAsked) : null;
    return { text, index, logprobs, finish_reason: finish };
  });
  return completionObject(template, request, { id: idFrom('cmpl-', seed).slice(0, 29), object: 'text_completion', choices, prompt: promptTokens(prompt), completion: completionTokens });
}

/** Usage with the template's detail objects kept (zeroed) so provider-specific shapes stay. */
function usage(template: Obj | undefined, prompt: number, completion: number): Json {
  return { ...pickDetails(template), prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion } as Json;
}

function pickDetails(template: Obj | undefined): Obj {
  const out: Obj = {};
  for (const [k, v] of Object.entries(template ?? {})) if (k.endsWith('_details') && v && typeof v === 'object') out[k] = zeroed(v as Obj);
  return out;
}

function zeroed(v: Obj): Obj {
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, typeof x === 'number' ? 0 : x]));
}
