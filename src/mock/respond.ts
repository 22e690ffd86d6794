/**
 * Respond stage: the answer to a valid request. Bodies come from the operation's documented
 * example (`x-oaiMeta.examples[].response`) when it is valid against the profile's response
 * schema, else from the schema itself; they are computed once per operation and reused.
 * Only cheap per-request touches happen here: echoing the requested `model`.
 */
import type { OpenAPIDocument } from '../build/types.ts';
import { deref, isJsonType, refTarget, type Json, type MockModel, type OperationModel, type Schema } from './model.ts';
import { sample } from './sample.ts';

export interface PreparedResponse {
  status: number;
  contentType?: string;
  /** JSON value (for JSON types), text, or bytes (base64 in mock.gen.json). */
  body?: Json;
  binary?: boolean;
  headers: Record<string, string>;
  /** Where the body came from: the documented example or the schema. */
  source: 'example' | 'schema' | 'none';
  /** Top-level body fields the schema lets be null, and those it lets be left out (behaviours clear them). */
  nullable?: string[];
  optional?: string[];
}

/** Checks a response body against the operation's response schema (compiled once per operation). */
export type ResponseCheck = (op: OperationModel, body: unknown) => boolean;

export function prepareResponse(spec: OpenAPIDocument, model: MockModel, op: OperationModel, check: ResponseCheck): PreparedResponse {
  const r = op.response;
  const headers = responseHeaders(spec, op);
  if (!r.contentType) return { status: r.status, headers, source: 'none' };
  if (!isJsonType(r.contentType)) {
    const text = r.contentType.startsWith('text/') || r.contentType === 'application/sdp';
    if (text) return { status: r.status, contentType: r.contentType, body: textBody(r.contentType), headers, source: 'schema' };
    // Binary content: fixed bytes, so clients can read a body of the declared type.
    return { status: r.status, contentType: r.contentType, body: Buffer.from(binaryBody(r.contentType)).toString('base64'), binary: true, headers, source: 'schema' };
  }
  const example = documentedExample(spec, op);
  if (example !== undefined) {
    const cleaned = withoutUnsupported(example, op);
    if (check(op, cleaned)) return { status: r.status, contentType: r.contentType, body: cleaned, headers, source: 'example', ...clearable(op, cleaned, check) };
  }
  const fromSchema = sample(spec, r.schema, { mode: 'response' });
  // A second, richer try: optional fields near the top make SDK objects look complete.
  const richer = sample(spec, r.schema, { mode: 'response', optionalDepth: 1 });
  const body = check(op, richer) ? richer : fromSchema;
  return { status: r.status, contentType: r.contentType, body, headers, source: 'schema', ...clearable(op, body, check) };
}

/** Which top-level fields of a valid body may be null or absent (tried one at a time). */
function clearable(op: OperationModel, body: Json, check: ResponseCheck): Pick<PreparedResponse, 'nullable' | 'optional'> {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return {};
  const nullable: string[] = [];
  const optional: string[] = [];
  for (const key of Object.keys(body)) {
    if (body[key] !== null && check(op, { ...body, [key]: null })) nullable.push(key);
    const { [key]: _, ...without } = body;
    if (check(op, without)) optional.push(key);
  }
  return { nullable, optional };
}

function documentedExample(spec: OpenAPIDocument, op: OperationModel): Json | undefined {
  const raw = refTarget(spec, `#${op.pointer}`) as Record<string, unknown> | undefined;
  const meta = raw?.['x-oaiMeta'] as { examples?: unknown } | undefined;
  const list = Array.isArray(meta?.examples) ? meta.examples : meta?.examples ? [meta.examples] : [];
  for (const example of list as { response?: unknown }[]) {
    if (typeof example?.response !== 'string') continue;
    try {
      return JSON.parse(example.response) as Json;
    } catch {
      // Many documented responses are JSON with comments or ellipses: not usable.
    }
  }
  return undefined;
}

/** Drops fields the profile claims it does not return (`response.body` claims marked unsupported). */
function withoutUnsupported(value: Json, op: OperationModel): Json {
  const claims = op.claims['response.body'];
  if (!claims) return value;
  const copy = structuredClone(value);
  for (const [path, claim] of Object.entries(claims)) {
    if (claim.status === 'unsupported') removePath(copy, path.split('.'));
  }
  return copy;
}

function removePath(node: Json, steps: string[]): void {
  if (!node || typeof node !== 'object' || Array.isArray(node) || steps.length === 0) return;
  const [first, ...rest] = steps;
  const key = first.replace(/\[\]$/, '');
  if (rest.length === 0) {
    delete node[key];
    return;
  }
  const child = node[key];
  if (first.endsWith('[]') && Array.isArray(child)) child.forEach((item) => removePath(item, rest));
  else removePath(child, rest);
}

const framing = new Set(['transfer-encoding', 'content-length', 'content-type', 'connection', 'keep-alive']);

/** Declared response headers plus the headers the profile claims to send (rate limits). */
function responseHeaders(spec: OpenAPIDocument, op: OperationModel): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, schema] of Object.entries(op.response.headers)) {
    // Framing headers are the server's business (the upstream spec declares Transfer-Encoding).
    if (!framing.has(name)) out[name] = headerValue(name, deref<Schema>(spec, schema));
  }
  for (const [name, claim] of Object.entries(op.claims['response.header'] ?? {})) {
    const lower = name.toLowerCase();
    if (claim.status !== 'unsupported' && claim.status !== 'ignored' && !(lower in out)) out[lower] = headerValue(lower, undefined);
  }
  return out;
}

function headerValue(name: string, schema: Schema | undefined): string {
  if (/ratelimit-limit/.test(name)) return '10000';
  if (/ratelimit-remaining/.test(name)) return '9999';
  if (/ratelimit-reset/.test(name)) return '1s';
  if (name === 'retry-after') return '1';
  const value = schema ? sample({}, schema, { mode: 'response' }) : 'mock';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function textBody(contentType: string): string {
  if (contentType === 'application/sdp') return 'v=0\r\no=- 0 0 IN IP4 127.0.0.1\r\ns=oai-compat mock\r\nt=0 0\r\n';
  return 'oai-compat mock';
}

/** Small fixed payloads; the zip is a valid empty archive (an end-of-central-directory record). */
function binaryBody(contentType: string): Uint8Array {
  if (contentType === 'application/zip') return Uint8Array.from([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)]);
  return new TextEncoder().encode(`oai-compat mock ${contentType}\n`);
}

/** The body for one request: the prepared one, with the requested model echoed where it belongs. */
export function finishBody(prepared: PreparedResponse, request: unknown): Json | undefined {
  const body = prepared.body;
  const model = (request as { model?: unknown } | undefined)?.model;
  if (typeof model === 'string' && body && typeof body === 'object' && !Array.isArray(body) && typeof body.model === 'string') {
    return { ...body, model };
  }
  return body;
}
