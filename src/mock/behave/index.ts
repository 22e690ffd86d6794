/**
 * Behave stage: the answer to one valid request, following what it asks. Dispatches by operation
 * to the chat, completions, Responses, audio, images and Assistants behaviours; lists, objects by
 * id and `GET /models` are made coherent; everything else keeps its prepared body. A stream asked
 * of an operation that cannot stream is a 400, never a silent non-streamed answer.
 */
import type { OpenAPIDocument } from '../../build/types.ts';
import { badRequest, type MockError } from '../errors.ts';
import { deref, type Json, type MockModel, type OperationModel, type Schema } from '../model.ts';
import { runEvents } from '../stream/assistants.ts';
import { chatChunks, textCompletionChunks } from '../stream/chunks.ts';
import { imageEvents, speechEvents, transcriptionEvents } from '../stream/events.ts';
import { responseEvents } from '../stream/responses.ts';
import type { SseEvent } from '../stream/sse.ts';
import { chatCompletion, conversationSeed, textCompletion, withMessageFields } from './chat.ts';
import { scopedMessageFields } from './scoped-fields.ts';
import { claimOf, fieldStatus, honoured } from './claims.ts';
import type { RequestScope } from '../scope.ts';
import { embeddings } from './embeddings.ts';
import { isObject } from '../../load/json.ts';
import { createdObject, isList, objectById, page, virtualItems } from './lists.ts';
import { finished, finishedStatus } from './progress.ts';
import { responseObject, type Clearable } from './responses.ts';
import { scriptChat, scriptResponse, scriptText, type ScriptedReply } from './scripted.ts';
import { hashSeed, promptTokens, sentence, tokensOf } from './text.ts';

type Obj = Record<string, unknown>;

export interface BehaveInput {
  spec: OpenAPIDocument;
  model: MockModel;
  op: OperationModel;
  /** The request body as the provider sees it (ignored fields dropped, value rules applied). */
  request: Obj;
  /** The request's model and mode, for claims scoped to them (undefined: the operation has none). */
  scope?: RequestScope;
  query: Record<string, unknown>;
  pathParams: Record<string, string>;
  /** The operation's prepared body (documented example or schema sample). */
  template: Json | undefined;
  /** Top-level template fields that may be null or absent. */
  clearable: Clearable;
  /** A fixture's scripted text and tool calls, put into the built answer. */
  script?: ScriptedReply;
}

/** A JSON body, an event stream, or undefined for "send the prepared body". */
export type Behaviour = { body: Json } | { events: SseEvent[] } | undefined;

const runKeys = new Set(['POST /threads/{thread_id}/runs', 'POST /threads/runs', 'POST /threads/{thread_id}/runs/{run_id}/submit_tool_outputs']);

/** The request field that asked for a stream, if any (`stream`, or speech's `stream_format: sse`). */
function streamAsked(op: OperationModel, request: Obj, scope: RequestScope | undefined): string | undefined {
  if (op.key === 'POST /audio/speech' && request.stream_format === 'sse') return 'stream_format';
  if (request.stream === true || request.stream === 'true') return fieldStatus(op, 'stream', scope) === 'ignored' ? undefined : 'stream';
  return undefined;
}

export function behave(input: BehaveInput): Behaviour | MockError {
  const { op, request, template } = input;
  const t = (isObject(template) ? template : {}) as Obj;
  const asked = streamAsked(op, request, input.scope);
  const streamed = asked !== undefined;
  const knobs = { parallelDefault: true, logprobs: honoured(op, 'logprobs', input.scope) };
  const includeUsage = () => {
    const o = request.stream_options as Obj | undefined;
    return o?.include_usage === true && claimOf(op, 'response.stream', 'usage', input.scope)?.status !== 'unsupported' && chunkHasUsage(input);
  };
  switch (op.key) {
    case 'POST /chat/completions': {
      const extras = scopedMessageFields(input.spec, op, input.scope, conversationSeed(request, request.messages ?? null));
      const built = withMessageFields(chatCompletion(request, t, knobs), extras);
      const body = input.script ? scriptChat(built, input.script) : built;
      return streamed ? { events: chatChunks(body, { includeUsage: includeUsage() }) } : { body: body as Json };
    }
    case 'POST /completions': {
      const built = textCompletion(request, t, knobs);
      const body = input.script ? scriptText(built, input.script) : built;
      return streamed ? { events: textCompletionChunks(body, { includeUsage: includeUsage() }) } : { body: body as Json };
    }
    case 'POST /responses': {
      const built = responseObject(request, t, { ...knobs, clearable: input.clearable });
      const body = input.script ? scriptResponse(built, input.script) : built;
      return streamed ? { events: responseEvents(body) } : { body: body as Json };
    }
    case 'POST /audio/transcriptions': {
      const text = sentence(conversationSeed(request, request.file ?? null, request.prompt ?? null));
      const usage = { type: 'tokens', input_tokens: 10, output_tokens: tokensOf(text).length, total_tokens: 10 + tokensOf(text).length };
      if (streamed) return { events: transcriptionEvents(input.spec, op, text, usage) };
      return 'text' in t ? { body: { ...t, text } as Json } : undefined;
    }
    case 'POST /audio/speech': {
      if (!streamed) return undefined;
      const input_tokens = promptTokens(request.input);
      return { events: speechEvents(input.spec, op, Buffer.from(`oai-compat mock audio ${String(request.input ?? '')}`), { input_tokens, output_tokens: 20, total_tokens: input_tokens + 20 }) };
    }
    case 'POST /embeddings':
      if (!streamed) return { body: embeddings(request, t) as Json };
      break;
    case 'POST /images/generations':
    case 'POST /images/edits':
      return streamed ? { events: imageEvents(input.spec, op, request) } : undefined;
  }
  if (op.key === 'GET /responses/{response_id}' && streamedQuery(input.query) && isObject(template)) {
    return { events: responseEvents(finished(objectById(t, op.path, input.pathParams), 'completed')) };
  }
  if (runKeys.has(op.key) && streamed) return { events: runEvents(t, request, input.pathParams, hashSeed(JSON.stringify(request))) };
  if (streamed) return badRequest(`'${asked}' is not supported by ${op.key}: this operation does not stream.`, asked, 'unsupported_parameter');
  if (op.key === 'GET /models' && isList(t)) return { body: page(t, modelItems(input, t), input.query) as Json };
  if (op.key === 'GET /models/{model}' && typeof t.id === 'string') return { body: { ...t, id: input.pathParams.model, owned_by: ownerOf(input) } as Json };
  if (isList(t)) return { body: page(t, virtualItems(t, op.path, input.pathParams), input.query) as Json };
  if (op.method === 'POST' && Object.keys(input.pathParams).length === 0 && typeof t.id === 'string' && typeof t.object === 'string') {
    return { body: createdObject(t, request, op.path, hashSeed(JSON.stringify(request))) as Json };
  }
  if (Object.keys(input.pathParams).length > 0 && isObject(template)) {
    const object = objectById(t, op.path, input.pathParams);
    return { body: (op.method === 'GET' ? finished(object, finishedStatus(input.spec, op)) : object) as Json };
  }
  return undefined;
}

/** `?stream=true`, as the SDK sends it to retrieve a response as a stream. */
export const streamedQuery = (query: Record<string, unknown>): boolean => query.stream === 'true' || query.stream === true;

const ownerOf = (input: BehaveInput) => (input.model.profile === 'openai' ? 'openai' : input.model.profile);

/** The profile's models; without any, the template's ids when they are names, else one placeholder. */
function modelItems(input: BehaveInput, t: Obj & { data: Obj[] }): Obj[] {
  const item = t.data[0] ?? { object: 'model', created: 0 };
  let names = input.model.models ?? [];
  if (names.length === 0) names = t.data.map((m) => m.id).filter((id): id is string => typeof id === 'string' && id !== 'string');
  if (names.length === 0) names = [`${input.model.profile}-model`];
  return names.map((id) => ({ ...item, id, owned_by: ownerOf(input) }));
}

const usageInChunks = new WeakMap<OperationModel, boolean>();
/** Whether the operation's chunk schema has `usage` (a provider's chunk may not). */
function chunkHasUsage(input: BehaveInput): boolean {
  let has = usageInChunks.get(input.op);
  if (has === undefined) {
    const schema = deref<Schema>(input.spec, input.op.response.eventSchema);
    usageInChunks.set(input.op, (has = !input.op.response.eventSchema || Boolean(schema?.properties && 'usage' in (schema.properties as object))));
  }
  return has;
}
