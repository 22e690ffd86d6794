/**
 * SSE stage: a streamed answer as the official SDKs read it. Chat completions become chunk
 * objects whose `delta.content` pieces join into the prepared message, a final chunk with the
 * finish reason, an optional usage chunk, then `data: [DONE]`. Other streaming operations send
 * events sampled from their event schema.
 */
import type { OpenAPIDocument } from '../build/types.ts';
import type { Json, OperationModel, Schema } from './model.ts';
import { refTarget } from './model.ts';
import { sample } from './sample.ts';

export interface SseEvent {
  event?: string;
  data: string;
}

type Obj = Record<string, Json>;

/** Splits text into at least `min` pieces (by words, else by characters) that join back exactly. */
export function splitContent(text: string, min = 3): string[] {
  const words = text.match(/\S+\s*|\s+/g) ?? [];
  if (words.length >= min) return words;
  if (text.length === 0) return [];
  const size = Math.max(1, Math.ceil(text.length / min));
  const pieces: string[] = [];
  for (let i = 0; i < text.length; i += size) pieces.push(text.slice(i, i + size));
  return pieces;
}

/** Chat completion → chunk events. `includeUsage` adds the usage chunk (`choices: []`). */
export function chatChunks(completion: Obj, includeUsage: boolean, chunkHasUsage: boolean): SseEvent[] {
  const head = {
    id: completion.id ?? 'chatcmpl-mock',
    object: 'chat.completion.chunk',
    created: completion.created ?? 0,
    model: completion.model ?? 'mock',
    ...(typeof completion.system_fingerprint === 'string' ? { system_fingerprint: completion.system_fingerprint } : {}),
  };
  const usageField = includeUsage && chunkHasUsage ? { usage: null } : {};
  const choices = (Array.isArray(completion.choices) ? completion.choices : []) as Obj[];
  const events: SseEvent[] = [];
  const push = (choice: Obj) => events.push({ data: JSON.stringify({ ...head, choices: [choice], ...usageField }) });
  for (const [i, choice] of choices.entries()) {
    const index = typeof choice.index === 'number' ? choice.index : i;
    const message = (choice.message ?? {}) as Obj;
    const content = typeof message.content === 'string' ? message.content : '';
    push({ index, delta: { role: 'assistant', content: '' }, logprobs: null, finish_reason: null });
    for (const piece of splitContent(content)) push({ index, delta: { content: piece }, logprobs: null, finish_reason: null });
    const toolCalls = Array.isArray(message.tool_calls) ? (message.tool_calls as Obj[]) : [];
    toolCalls.forEach((call, n) => push({ index, delta: { tool_calls: [{ index: n, ...call }] }, logprobs: null, finish_reason: null }));
    push({ index, delta: {}, logprobs: null, finish_reason: (choice.finish_reason as Json) ?? 'stop' });
  }
  if (includeUsage && chunkHasUsage && completion.usage) {
    events.push({ data: JSON.stringify({ ...head, choices: [], usage: completion.usage }) });
  }
  events.push({ data: '[DONE]' });
  return events;
}

/** Branches of an event union, by their `type` constant. */
function eventBranches(spec: OpenAPIDocument, schema: Schema): Map<string, Schema> {
  const out = new Map<string, Schema>();
  const visit = (s: Schema | undefined, depth: number): void => {
    if (!s || depth > 6) return;
    const resolved = typeof s.$ref === 'string' ? (refTarget(spec, s.$ref) as Schema) : s;
    const union = (resolved?.oneOf ?? resolved?.anyOf) as Schema[] | undefined;
    if (union) {
      union.forEach((b) => visit(b, depth + 1));
      return;
    }
    const typeProp = (resolved?.properties as Record<string, Schema> | undefined)?.type;
    const t = typeProp && (typeProp.const ?? (Array.isArray(typeProp.enum) && typeProp.enum.length === 1 ? typeProp.enum[0] : undefined));
    if (typeof t === 'string' && !out.has(t)) out.set(t, s);
  };
  visit(schema, 0);
  return out;
}

/**
 * Events for a non-chat streaming operation. The Responses API gets its lifecycle
 * (created → output text deltas → completed) when its event schema has those branches;
 * anything else gets one sampled event of its event schema.
 */
export function genericEvents(spec: OpenAPIDocument, op: OperationModel, body: Json | undefined): SseEvent[] {
  const schema = op.response.eventSchema ?? {};
  const branches = eventBranches(spec, schema);
  const make = (type: string, fill: Obj): SseEvent | undefined => {
    const branch = branches.get(type);
    if (!branch) return undefined;
    const value = sample(spec, branch, { mode: 'response' }) as Obj;
    for (const [k, v] of Object.entries(fill)) if (k in value) value[k] = v;
    return { event: type, data: JSON.stringify(value) };
  };
  const response = body && typeof body === 'object' && !Array.isArray(body) && body.object === 'response' ? body : undefined;
  if (response && branches.has('response.created') && branches.has('response.completed')) {
    const text = outputText(response);
    const events: (SseEvent | undefined)[] = [];
    let seq = 0;
    events.push(make('response.created', { response: { ...response, status: 'in_progress' }, sequence_number: seq++ }));
    const ids = firstMessageIds(response);
    for (const piece of splitContent(text)) {
      events.push(make('response.output_text.delta', { delta: piece, sequence_number: seq++, ...ids }));
    }
    events.push(make('response.completed', { response, sequence_number: seq++ }));
    if (events.every((e) => e)) return events as SseEvent[];
  }
  const value = sample(spec, schema, { mode: 'response' });
  const type = value && typeof value === 'object' && !Array.isArray(value) && typeof value.type === 'string' ? value.type : undefined;
  return [{ ...(type ? { event: type } : {}), data: JSON.stringify(value) }];
}

function outputText(response: Obj): string {
  for (const item of (response.output ?? []) as Obj[]) {
    for (const part of (item.content ?? []) as Obj[]) if (part.type === 'output_text' && typeof part.text === 'string') return part.text;
  }
  return '';
}

function firstMessageIds(response: Obj): Obj {
  const item = ((response.output ?? []) as Obj[]).find((o) => o.type === 'message');
  return { item_id: (item?.id as Json) ?? 'msg_mock', output_index: 0, content_index: 0 };
}

export function encodeEvent(e: SseEvent): string {
  return `${e.event ? `event: ${e.event}\n` : ''}data: ${e.data}\n\n`;
}
