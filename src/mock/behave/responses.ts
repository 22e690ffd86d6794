/**
 * `POST /responses`: a Response object that follows the request. A message item with the text
 * (cut by `max_output_tokens`: status `incomplete`), or `function_call` items for the request's
 * function tools, ids that hang together, usage that counts the text, and the request's settings
 * echoed. The schema-sampled template only contributes provider-specific fields.
 */
import { cut, idFrom, logprobsFor, promptTokens, sentence, tokensOf } from './text.ts';
import { conversationSeed, formattedText } from './chat.ts';
import { planCalls } from './tools.ts';

type Obj = Record<string, unknown>;

/** Fields a fresh completed response holds as null unless the request set them. */
const nullUnlessAsked = ['error', 'incomplete_details', 'previous_response_id', 'conversation', 'prompt', 'max_output_tokens', 'max_tool_calls', 'instructions', 'reasoning', 'moderation', 'prompt_cache_key', 'safety_identifier', 'user', 'top_logprobs', 'completed_at'];

export interface Clearable {
  nullable?: string[];
  optional?: string[];
}

/** A template field the request did not set: null where allowed, else left out where allowed. */
export function clearUnasked(base: Obj, keys: string[], request: Obj, clearable: Clearable): void {
  for (const key of keys) {
    if (!(key in base)) continue;
    if (request[key] !== undefined) base[key] = request[key];
    else if (clearable.nullable?.includes(key)) base[key] = null;
    else if (clearable.optional?.includes(key)) delete base[key];
  }
}

export function responseObject(request: Obj, template: Obj, options: { parallelDefault: boolean; logprobs: boolean; clearable: Clearable }): Obj {
  const input = request.input;
  const seed = conversationSeed(request, input, request.instructions ?? null);
  const last = Array.isArray(input) ? (input.at(-1) as Obj | undefined) : undefined;
  const calls = planCalls({
    tools: request.tools,
    toolChoice: request.tool_choice,
    parallel: request.parallel_tool_calls === undefined ? options.parallelDefault : request.parallel_tool_calls !== false,
    afterToolResult: last?.type === 'function_call_output',
    seed,
  });
  const id = idFrom('resp_', seed).slice(0, 53);
  const output: Obj[] = [];
  let outputTokens = 0;
  let finish: 'stop' | 'length' = 'stop';
  if (calls.length > 0) {
    calls.forEach((c, i) => {
      outputTokens += tokensOf(c.arguments.replace(/[{}":,]/g, ' ')).length + 2;
      output.push({ id: idFrom('fc_', seed, `fc${i}`).slice(0, 51), type: 'function_call', status: 'completed', arguments: c.arguments, call_id: c.id, name: c.name });
    });
  } else {
    // Two sentences: at least 16 words, so the smallest `max_output_tokens` (16) can cut them.
    const full = formattedText((request.text as Obj | undefined)?.format, seed) ?? `${sentence(seed)} ${sentence(seed + 1)}`;
    const done = cut(full, { maxTokens: request.max_output_tokens });
    finish = done.finish;
    const tokens = tokensOf(done.text);
    outputTokens = tokens.length;
    const top = options.logprobs && typeof request.top_logprobs === 'number' ? request.top_logprobs : 0;
    const wantLogprobs = Array.isArray(request.include) && request.include.includes('message.output_text.logprobs');
    output.push({
      id: idFrom('msg_', seed).slice(0, 52),
      type: 'message',
      status: finish === 'length' ? 'incomplete' : 'completed',
      role: 'assistant',
      content: [{ type: 'output_text', text: done.text, annotations: [], logprobs: wantLogprobs && options.logprobs ? logprobsFor(tokens, top) : [] }],
    });
  }
  const inputTokens = promptTokens([request.instructions ?? '', input ?? '']);
  const base: Obj = { ...template };
  delete base.output_text;
  clearUnasked(base, nullUnlessAsked, request, options.clearable);
  const now = Math.floor(Date.now() / 1000);
  return {
    ...base,
    id,
    object: 'response',
    created_at: now,
    status: finish === 'length' ? 'incomplete' : 'completed',
    ...('completed_at' in base ? { completed_at: finish === 'length' ? null : now } : {}),
    incomplete_details: finish === 'length' ? { reason: 'max_output_tokens' } : null,
    model: typeof request.model === 'string' ? request.model : template.model,
    output,
    parallel_tool_calls: request.parallel_tool_calls ?? true,
    tool_choice: request.tool_choice ?? 'auto',
    tools: Array.isArray(request.tools) ? request.tools : [],
    temperature: request.temperature ?? 1,
    top_p: request.top_p ?? 1,
    metadata: request.metadata ?? {},
    text: { format: (request.text as Obj | undefined)?.format ?? { type: 'text' } },
    ...('background' in base ? { background: request.background ?? false } : {}),
    usage: {
      input_tokens: inputTokens,
      input_tokens_details: { ...((template.usage as Obj | undefined)?.input_tokens_details as Obj), cached_tokens: 0 },
      output_tokens: outputTokens,
      output_tokens_details: { reasoning_tokens: 0 },
      total_tokens: inputTokens + outputTokens,
    },
  };
}
