/**
 * The native engine: route → authenticate → read → validate → respond, as one request handler
 * on node:http. Every stage returns either its output or a `MockError`; this file only chains
 * them and writes bytes. Per-operation work (validators, prepared bodies) is done on first use.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { OpenAPIDocument } from '../build/types.ts';
import { errorBody, injectedError, mockError, type MockError } from './errors.ts';
import { defaultLimits, parseJsonBody, parseMultipart, parseQuery, unsupportedMediaType, type BodyLimits } from './input.ts';
import { isJsonType, type Json, type MockModel, type OperationModel } from './model.ts';
import { behave } from './behave/index.ts';
import { scriptsContent } from './behave/scripted.ts';
import { effectiveRequest } from './behave/claims.ts';
import { finishBody, prepareResponse, type PreparedResponse, type ResponseCheck } from './respond.ts';
import { buildRouter, type Router } from './route.ts';
import { checkAuth, checkClaims } from './rules.ts';
import { requestScope } from './scope.ts';
import type { FixtureAnswer, FixtureSet } from './fixtures.ts';
import type { MockState } from './state.ts';
import { encodeEvent, type SseEvent } from './stream/sse.ts';
import { askedStatus, faultQueue } from './faults.ts';
import type { RequestValidator } from './validate.ts';

export interface EngineInput {
  spec: OpenAPIDocument;
  model: MockModel;
  validator: RequestValidator;
  responseCheck: ResponseCheck;
  /** Bodies computed at build time (mock.gen.json), by operation key. */
  prepared?: Record<string, PreparedResponse>;
  limits?: BodyLimits;
  /** In-memory objects for create → retrieve → list → delete (stateful mode). */
  state?: MockState;
  /** Scripted answers for matching requests (`--fixtures`). */
  fixtures?: FixtureSet;
  /** Size of the fault queue (default DEFAULT_MAX_FAULTS). */
  maxFaults?: number;
}

export interface Engine {
  handle(req: IncomingMessage, res: ServerResponse): void;
  /** Requests seen per operation key (for tests and `GET /__mock/requests`). */
  counts: Map<string, number>;
}

const isError = (value: unknown): value is MockError =>
  typeof value === 'object' && value !== null && 'status' in value && 'type' in value && 'message' in value && 'param' in value;

export function createEngine(input: EngineInput): Engine {
  const { spec, model, validator } = input;
  const limits = input.limits ?? defaultLimits;
  const offeredElsewhere = new Set(model.notOffered);
  const retired = new Map((model.retired ?? []).map((r) => [r.key, r]));
  const router: Router = buildRouter(model.operations, (method, path) =>
    offeredElsewhere.has(`${method} ${path}`) ? `${method} /v1${path} is an OpenAI operation that ${model.providerName} does not offer.` : undefined,
  );
  const prepared = new Map<OperationModel, PreparedResponse>();
  const counts = new Map<string, number>();
  const faults = faultQueue(input.maxFaults);

  const preparedFor = (op: OperationModel): PreparedResponse => {
    let p = prepared.get(op);
    if (!p) prepared.set(op, (p = input.prepared?.[op.key] ?? prepareResponse(spec, model, op, input.responseCheck)));
    return p;
  };

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const rawPath = q === -1 ? url : url.slice(0, q);
    const search = new URLSearchParams(q === -1 ? '' : url.slice(q + 1));
    if (rawPath.startsWith('/__mock/')) return control(req, res, rawPath.slice(8));
    if (!rawPath.startsWith('/v1/') && rawPath !== '/v1') return sendError(res, mockError(404, `Invalid URL (${req.method} ${rawPath}): the mock serves under /v1.`, { code: 'unknown_url' }));
    const method = (req.method ?? 'GET').toUpperCase();
    const gone = retired.get(`${method} ${rawPath.slice(3)}`);
    if (gone) return drainThen(req, res, mockError(gone.status, gone.message, { code: 'endpoint_retired' }));
    const match = router.match(method, rawPath.slice(3) || '/', search);
    if (isError(match)) return drainThen(req, res, match);
    const { op, pathParams } = match;
    counts.set(op.key, (counts.get(op.key) ?? 0) + 1);

    const asked = askedStatus(req.headers['x-mock-status']);
    if (isError(asked)) return drainThen(req, res, asked);
    const injected = asked ?? faults.next();
    if (injected !== undefined) return drainThen(req, res, injectedError(injected));

    const authError = checkAuth(model, op, req.headers);
    if (authError) return drainThen(req, res, authError);

    const body = await readBody(req, op);
    if (isError(body)) return sendError(res, body, body.status === 413);

    const pathIssue = validator.check(op, 'path', pathParams);
    if (pathIssue) return sendError(res, mockError(400, pathIssue.message, { param: pathIssue.param, code: pathIssue.code }));
    const query = parseQuery(search);
    if (isError(query)) return sendError(res, query);
    const queryIssue = validator.check(op, 'query', query);
    if (queryIssue) return sendError(res, mockError(400, queryIssue.message, { param: queryIssue.param, code: queryIssue.code }));
    if (body.contentType) {
      const bodyIssue = validator.check(op, body.part, body.value, body.contentType);
      if (bodyIssue) return sendError(res, mockError(400, bodyIssue.message, { param: bodyIssue.param, code: bodyIssue.code }));
    }
    const scope = requestScope(model, op, body.value);
    const claimError = checkClaims(model, op, { body: body.value, query, headers: req.headers }, scope);
    if (claimError) return sendError(res, claimError);

    const answer = preparedFor(op);
    const raw = (body.value && typeof body.value === 'object' && !Array.isArray(body.value) ? body.value : {}) as Record<string, unknown>;
    const request = effectiveRequest(op, raw, scope);
    if (isError(request)) return sendError(res, request);
    const scripted = input.fixtures?.match(op, raw, req.headers);
    if (scripted && scripted.kind !== 'reply') return sendScripted(req, res, answer, scripted);
    const reply = scripted?.reply;
    const script = reply && scriptsContent(reply) ? reply : undefined;
    const answered = reply?.as ? { ...request, ...reply.as } : request;
    const produce = () => behave({ spec, model, op, request: answered, scope, query, pathParams, template: answer.body, clearable: answer, ...(script ? { script } : {}) });
    const outcome = input.state ? input.state.serve({ spec, op, pathParams, query, request, template: answer.body }, produce) : produce();
    if (isError(outcome)) return sendError(res, outcome);
    if (!outcome) return sendPrepared(res, answer, request);
    if ('events' in outcome) return sendEvents(res, answer.headers, outcome.events);
    sendJson(res, answer, outcome.body);
  }

  async function readBody(req: IncomingMessage, op: OperationModel): Promise<{ contentType?: string; part: 'body' | 'form'; value?: unknown } | MockError> {
    const length = Number(req.headers['content-length'] ?? 0);
    if (length > limits.maxBytes) return tooLarge(req);
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > limits.maxBytes) return tooLarge(req);
      chunks.push(chunk);
    }
    const declared = op.body;
    if (!declared) return { part: 'body' };
    const raw = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
    if (raw.length === 0 && !declared.required) return { part: 'body' };
    const contentType = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    const offered = Object.keys(declared.content);
    if (!offered.includes(contentType)) {
      // The SDKs send JSON for operations without a body schema; so does curl -d with a JSON type.
      return unsupportedMediaType(contentType || undefined, offered);
    }
    if (isJsonType(contentType)) {
      const value = parseJsonBody(raw.toString('utf8'), limits);
      return isError(value) ? value : { contentType, part: 'body', value };
    }
    if (contentType === 'multipart/form-data') {
      const form = await parseMultipart(raw, req.headers['content-type'] as string);
      return isError(form) ? form : { contentType, part: 'form', value: form.fields };
    }
    return { contentType, part: 'body', value: raw.toString('utf8') };
  }

  function tooLarge(req: IncomingMessage): MockError {
    req.pause();
    return mockError(413, `Request body too large: the limit is ${limits.maxBytes} bytes.`, { code: 'request_too_large' });
  }

  function control(req: IncomingMessage, res: ServerResponse, command: string): void {
    const reply = (status: number, value: unknown) => {
      const text = JSON.stringify(value);
      res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
      res.end(text);
    };
    if (command === 'health') return reply(200, { ok: true, profile: model.profile, operations: model.operations.length });
    if (command === 'requests') return reply(200, { total: [...counts.values()].reduce((a, b) => a + b, 0), byOperation: Object.fromEntries(counts) });
    if (command === 'faults' && req.method === 'DELETE') {
      faults.clear();
      return reply(200, { queued: 0 });
    }
    if (command === 'faults' && req.method === 'POST') {
      let text = '';
      req.setEncoding('utf8');
      req.on('data', (c: string) => (text += c.length + text.length < 4096 ? c : ''));
      req.on('end', () => {
        try {
          const { status, count = 1 } = JSON.parse(text) as { status: number; count?: number };
          if (!Number.isInteger(status) || status < 400 || status > 599 || !Number.isInteger(count) || count < 1 || count > faults.capacity) throw new Error('bad');
          if (!faults.push(status, count)) {
            return sendError(res, mockError(409, `The fault queue holds at most ${faults.capacity} faults and ${faults.size} are queued; DELETE /__mock/faults empties it.`, { param: 'count', code: 'fault_queue_full' }));
          }
          reply(200, { queued: faults.size });
        } catch {
          sendError(res, mockError(400, `POST /__mock/faults expects {"status": 400-599, "count": 1-${faults.capacity}}.`, { param: 'status' }));
        }
      });
      return;
    }
    sendError(res, mockError(404, `Unknown control endpoint /__mock/${command}; see: health, requests, faults.`));
  }

  return {
    counts,
    handle(req, res) {
      serve(req, res).catch((err: unknown) => {
        if (!res.headersSent) sendError(res, mockError(500, `oai-compat mock failed: ${(err as Error)?.message ?? String(err)}`));
        else res.destroy();
      });
    },
  };
}

/** Errors before the body is read: consume it first, so keep-alive connections stay usable. */
function drainThen(req: IncomingMessage, res: ServerResponse, error: MockError): void {
  if (req.readableEnded || req.headers['content-length'] === '0' || (!req.headers['content-length'] && !req.headers['transfer-encoding'])) {
    sendError(res, error);
    return;
  }
  req.resume();
  req.once('end', () => sendError(res, error));
  req.once('error', () => res.destroy());
}

function sendError(res: ServerResponse, error: MockError, close = false): void {
  const text = JSON.stringify(errorBody(error));
  res.writeHead(error.status, {
    ...error.headers,
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    ...(close ? { connection: 'close' } : {}),
  });
  res.end(text);
}

function sendPrepared(res: ServerResponse, answer: PreparedResponse, request: unknown): void {
  if (answer.body === undefined || !answer.contentType) {
    res.writeHead(answer.status, answer.headers);
    res.end();
    return;
  }
  const payload = answer.binary ? Buffer.from(answer.body as string, 'base64') : typeof answer.body === 'string' && !isJsonType(answer.contentType) ? answer.body : JSON.stringify(finishBody(answer, request));
  res.writeHead(answer.status, { ...answer.headers, 'content-type': answer.contentType, 'content-length': Buffer.byteLength(payload) });
  res.end(payload);
}

function sendJson(res: ServerResponse, answer: PreparedResponse, body: Json): void {
  const payload = JSON.stringify(body);
  res.writeHead(answer.status, { ...answer.headers, 'content-type': answer.contentType ?? 'application/json', 'content-length': Buffer.byteLength(payload) });
  res.end(payload);
}

/** Writes an event stream; events with `delayMs` (fixture streams) wait before being sent. */
async function sendEvents(res: ServerResponse, headers: Record<string, string>, events: SseEvent[]): Promise<void> {
  res.writeHead(200, { ...headers, 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' });
  if (!events.some((e) => e.delayMs)) {
    res.end(events.map(encodeEvent).join(''));
    return;
  }
  for (const e of events) {
    if (e.delayMs) await new Promise((r) => setTimeout(r, e.delayMs));
    if (res.destroyed) return;
    res.write(encodeEvent(e));
  }
  res.end();
}

/** A fixture's answer other than a scripted reply: an error, a body, raw events, or a dropped connection. */
function sendScripted(req: IncomingMessage, res: ServerResponse, answer: PreparedResponse, scripted: Exclude<FixtureAnswer, { kind: 'reply' }>): void {
  if (scripted.kind === 'drop') {
    req.socket.destroy();
    return;
  }
  if (scripted.kind === 'error') return sendError(res, scripted.error);
  if (scripted.kind === 'events') {
    void sendEvents(res, answer.headers, scripted.events);
    return;
  }
  const payload = JSON.stringify(scripted.body ?? null);
  res.writeHead(scripted.status, { ...answer.headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) });
  res.end(payload);
}
