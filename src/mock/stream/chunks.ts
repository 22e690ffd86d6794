/**
 * Chunked streams: a chat completion or a legacy text completion as the chunk objects the SDKs
 * accumulate. Content pieces (with their logprobs) join back into the answer, tool calls arrive
 * as an opening delta (`index`, id, name) then argument pieces, the finish reason comes last,
 * then the usage chunk (`choices: []`) when asked, then `[DONE]`.
 */
import { DONE, jsonEvent, splitContent, type SseEvent } from './sse.ts';

type Obj = Record<string, unknown>;

export interface ChunkOptions {
  /** Send the usage chunk (`stream_options.include_usage` asked and honoured). */
  includeUsage: boolean;
}

/** The message fields OpenAI's chunks carry themselves (any other is the provider's own). */
const MESSAGE_FIELDS = new Set(['role', 'content', 'refusal', 'tool_calls', 'annotations', 'function_call', 'audio']);

export function chatChunks(completion: Obj, options: ChunkOptions): SseEvent[] {
  const head = {
    id: completion.id,
    object: 'chat.completion.chunk',
    created: completion.created,
    model: completion.model,
    ...(typeof completion.system_fingerprint === 'string' ? { system_fingerprint: completion.system_fingerprint } : {}),
    ...(typeof completion.service_tier === 'string' ? { service_tier: completion.service_tier } : {}),
  };
  const usageField = options.includeUsage ? { usage: null } : {};
  const events: SseEvent[] = [];
  const push = (choice: Obj) => events.push(jsonEvent({ ...head, choices: [choice], ...usageField }));
  for (const [i, choice] of ((completion.choices ?? []) as Obj[]).entries()) {
    const index = typeof choice.index === 'number' ? choice.index : i;
    const message = (choice.message ?? {}) as Obj;
    const logprobs = ((choice.logprobs as Obj | null)?.content ?? null) as Obj[] | null;
    push({ index, delta: { role: 'assistant', content: message.tool_calls ? null : '', refusal: null }, logprobs: null, finish_reason: null });
    // A provider's own message fields (reasoning text) stream before the content, as they are produced first.
    for (const [field, value] of Object.entries(message)) {
      if (MESSAGE_FIELDS.has(field) || value === null || value === undefined) continue;
      const pieces = typeof value === 'string' ? splitContent(value) : [value];
      for (const piece of pieces) push({ index, delta: { [field]: piece }, logprobs: null, finish_reason: null });
    }
    if (typeof message.content === 'string') {
      // One piece per token when logprobs are sent, so each chunk carries its token's entry.
      const pieces = logprobs ? logprobs.map((l) => String(l.token)) : splitContent(message.content);
      pieces.forEach((piece, n) => push({ index, delta: { content: piece }, logprobs: logprobs ? { content: [logprobs[n]], refusal: null } : null, finish_reason: null }));
    }
    for (const [n, call] of ((message.tool_calls ?? []) as Obj[]).entries()) {
      const fn = call.function as Obj;
      push({ index, delta: { tool_calls: [{ index: n, id: call.id, type: 'function', function: { name: fn.name, arguments: '' } }] }, logprobs: null, finish_reason: null });
      for (const piece of splitContent(String(fn.arguments), 2)) push({ index, delta: { tool_calls: [{ index: n, function: { arguments: piece } }] }, logprobs: null, finish_reason: null });
    }
    push({ index, delta: {}, logprobs: null, finish_reason: choice.finish_reason ?? 'stop' });
  }
  if (options.includeUsage && completion.usage) events.push(jsonEvent({ ...head, choices: [], usage: completion.usage }));
  events.push(DONE);
  return events;
}

export function textCompletionChunks(completion: Obj, options: ChunkOptions): SseEvent[] {
  const head = { id: completion.id, object: 'text_completion', created: completion.created, model: completion.model };
  const events: SseEvent[] = [];
  for (const [i, choice] of ((completion.choices ?? []) as Obj[]).entries()) {
    const index = typeof choice.index === 'number' ? choice.index : i;
    for (const piece of splitContent(String(choice.text ?? ''))) events.push(jsonEvent({ ...head, choices: [{ text: piece, index, logprobs: null, finish_reason: null }] }));
    events.push(jsonEvent({ ...head, choices: [{ text: '', index, logprobs: null, finish_reason: choice.finish_reason ?? 'stop' }] }));
  }
  if (options.includeUsage && completion.usage) events.push(jsonEvent({ ...head, choices: [], usage: completion.usage }));
  events.push(DONE);
  return events;
}
