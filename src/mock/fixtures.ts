/**
 * Scripted scenarios: a fixtures file (YAML or JSON; `--fixtures <file>`, `startMock({ fixtures })`)
 * lists request matchers and what to answer them with. The first fixture whose matcher fits a
 * request answers it: a scripted reply (text/tool calls in the operation's own shape, streamed
 * when the request streams), a JSON body, a raw event stream with delays, an error, or a dropped
 * connection. Matchers are checked against the profile when loaded: an unknown operation, or a
 * body field the provider rejects or does not have, is a located error.
 */
import { readFileSync } from 'node:fs';
import type { OpenAPIDocument } from '../build/types.ts';
import { DiagnosticError, diagnosticError, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { loadDocument } from '../load/document.ts';
import { fieldStatus } from './behave/claims.ts';
import type { ScriptedReply } from './behave/scripted.ts';
import { mockError, type MockError } from './errors.ts';
import { deref, type MockModel, type OperationModel, type Schema } from './model.ts';
import type { SseEvent } from './stream/sse.ts';

type Obj = Record<string, unknown>;

export interface FixtureMatch {
  operation: string;
  body?: Obj;
  headers?: Record<string, string>;
  /** Only the n-th request(s) this matcher fits (1-based). */
  call?: number | number[];
}

export interface Fixture {
  name?: string;
  match: FixtureMatch;
  reply?: ScriptedReply;
  status?: number;
  body?: unknown;
  stream?: { chunks: unknown[]; delayMs?: number };
  error?: { status: number; message?: string; type?: string; code?: string; param?: string };
  drop?: boolean;
}

export interface FixturesFile {
  fixtures: Fixture[];
}

/** What a matched fixture answers. */
export type FixtureAnswer =
  | { kind: 'reply'; reply: ScriptedReply }
  | { kind: 'body'; status: number; body: unknown }
  | { kind: 'events'; events: SseEvent[] }
  | { kind: 'error'; error: MockError }
  | { kind: 'drop' };

export interface FixtureSet {
  /** The answer of the first fixture fitting the request (and counts the request for `call`). */
  match(op: OperationModel, body: unknown, headers: Record<string, string | string[] | undefined>): FixtureAnswer | undefined;
}

const answerKinds = ['reply', 'body', 'stream', 'error', 'drop'] as const;
const replyOperations = new Set(['POST /chat/completions', 'POST /responses', 'POST /completions']);

/** Reads a fixtures file, checking it against the profile; throws a located DiagnosticError. */
export function loadFixtures(source: string | FixturesFile, model: MockModel, spec: OpenAPIDocument): FixtureSet {
  let value: unknown = source;
  let lineOf: (pointer: string) => number | undefined = () => undefined;
  const file = typeof source === 'string' ? source : '<fixtures>';
  if (typeof source === 'string') {
    let text: string;
    try {
      text = readFileSync(source, 'utf8');
    } catch {
      throw diagnosticError({ code: 'mock-fixtures-unreadable', message: `cannot read the fixtures file ${source}`, hint: 'check the path given to --fixtures', location: { file } }, 3);
    }
    const doc = loadDocument(text, source);
    value = doc.value;
    lineOf = (p) => doc.lineOf(p);
  }
  const problems = checkFixtures(value, model, spec);
  if (problems.length > 0) {
    throw new DiagnosticError(problems.map(({ pointer, ...p }) => ({ ...p, severity: 'error' as const, location: { file, pointer, line: lineOf(pointer) } })), 1);
  }
  return fixtureSet((value as FixturesFile).fixtures, model);
}

type Problem = Omit<Diagnostic, 'severity' | 'location'> & { pointer: string };

function checkFixtures(value: unknown, model: MockModel, spec: OpenAPIDocument): Problem[] {
  const problems: Problem[] = [];
  const list = (value as FixturesFile | undefined)?.fixtures;
  if (!Array.isArray(list)) return [{ code: 'mock-fixtures-shape', message: 'a fixtures file holds a `fixtures` list', hint: 'write `fixtures: [{ match: {...}, reply: {...} }]`', pointer: '' }];
  for (const [i, f] of list.entries()) {
    const at = `/fixtures/${i}`;
    const op = model.operations.find((o) => o.key === f?.match?.operation);
    if (!op) {
      problems.push({ code: 'mock-fixture-operation', message: `match.operation "${String(f?.match?.operation)}" is not an operation of ${model.providerName}`, hint: 'use an operation key such as "POST /chat/completions" that the profile offers', pointer: `${at}/match/operation` });
      continue;
    }
    const kinds = answerKinds.filter((k) => f[k] !== undefined);
    if (kinds.length !== 1) problems.push({ code: 'mock-fixture-answer', message: `a fixture answers with exactly one of ${answerKinds.join(', ')} (found ${kinds.join(', ') || 'none'})`, hint: 'keep one answer per fixture', pointer: at });
    if (f.reply !== undefined && !replyOperations.has(op.key)) problems.push({ code: 'mock-fixture-reply', message: `reply (text/toolCalls) applies to ${[...replyOperations].join(', ')}, not ${op.key}`, hint: 'answer this operation with body, stream or error', pointer: `${at}/reply` });
    if (f.error !== undefined && !(Number.isInteger(f.error.status) && f.error.status >= 400 && f.error.status <= 599)) problems.push({ code: 'mock-fixture-error', message: 'error.status must be an HTTP error status (400-599)', hint: 'e.g. error: { status: 429, message: Slow down }', pointer: `${at}/error/status` });
    if (f.stream !== undefined && !Array.isArray(f.stream.chunks)) problems.push({ code: 'mock-fixture-stream', message: 'stream.chunks must be a list of events', hint: 'e.g. stream: { chunks: [{...}, "[DONE]"], delayMs: 20 }', pointer: `${at}/stream/chunks` });
    if (f.reply !== undefined && (typeof f.reply !== 'object' || f.reply === null || (f.reply.as !== undefined && (typeof f.reply.as !== 'object' || f.reply.as === null || Array.isArray(f.reply.as))))) {
      problems.push({ code: 'mock-fixture-reply', message: 'reply is an object { text?, toolCalls?, as? }, and reply.as an object of request fields', hint: 'e.g. reply: { as: { n: 2 } } answers as if the request had said n: 2', pointer: `${at}/reply` });
      continue;
    }
    const known = bodyFields(spec, op);
    const fields = [...Object.keys(f.match.body ?? {}).map((field) => [field, `${at}/match/body/${field}`]), ...Object.keys(f.reply?.as ?? {}).map((field) => [field, `${at}/reply/as/${field}`])];
    for (const [field, pointer] of fields) {
      if (fieldStatus(op, field) === 'unsupported') {
        problems.push({ code: 'mock-fixture-field', message: `${model.providerName} rejects '${field}' on ${op.key} (unsupported), so ${pointer.includes('/reply/') ? 'no request could carry it' : 'this fixture could never match'}`, hint: `drop '${field}' from the fixture`, pointer });
      } else if (known && !known.has(field)) problems.push({ code: 'mock-fixture-field', message: `'${field}' is not a request field of ${op.key} for ${model.providerName}`, hint: `use one of: ${[...known].slice(0, 12).join(', ')}`, pointer });
    }
  }
  return problems;
}

/** Top-level request body properties of an operation (through `$ref` and `allOf`), if declared. */
function bodyFields(spec: OpenAPIDocument, op: OperationModel): Set<string> | undefined {
  const media = op.body?.content['application/json'] ?? op.body?.content['multipart/form-data'];
  if (!media) return undefined;
  const names = new Set<string>();
  const visit = (s: Schema | undefined, depth: number): void => {
    const r = deref<Schema | undefined>(spec, s);
    if (!r || depth > 8) return;
    for (const name of Object.keys((r.properties ?? {}) as object)) names.add(name);
    for (const part of (r.allOf as Schema[]) ?? []) visit(part, depth + 1);
  };
  visit(media.schema, 0);
  return names.size > 0 ? names : undefined;
}

function fixtureSet(fixtures: Fixture[], model: MockModel): FixtureSet {
  const seen = fixtures.map(() => 0);
  return {
    match(op, body, headers) {
      for (const [i, f] of fixtures.entries()) {
        if (f.match.operation !== op.key) continue;
        if (f.match.body && !fits(body, f.match.body)) continue;
        if (f.match.headers && !Object.entries(f.match.headers).every(([k, v]) => headers[k.toLowerCase()] === v)) continue;
        seen[i] += 1;
        const calls = f.match.call === undefined ? undefined : Array.isArray(f.match.call) ? f.match.call : [f.match.call];
        if (calls && !calls.includes(seen[i])) continue;
        return answerOf(f, model);
      }
      return undefined;
    },
  };
}

function answerOf(f: Fixture, model: MockModel): FixtureAnswer {
  if (f.reply) return { kind: 'reply', reply: f.reply };
  if (f.drop) return { kind: 'drop' };
  if (f.error) {
    const { status, message, type, code, param } = f.error;
    return { kind: 'error', error: mockError(status, message ?? `Scripted ${status} error (${model.providerName} mock fixture${f.name ? ` "${f.name}"` : ''}).`, { type, code, param }) };
  }
  if (f.stream) {
    const delayMs = f.stream.delayMs;
    const events = f.stream.chunks.map((c): SseEvent => {
      const e = c && typeof c === 'object' && 'data' in (c as Obj) ? (c as { event?: string; data: unknown }) : { data: c };
      return { ...(e.event ? { event: e.event } : {}), data: typeof e.data === 'string' ? e.data : JSON.stringify(e.data), ...(delayMs ? { delayMs } : {}) };
    });
    return { kind: 'events', events };
  }
  return { kind: 'body', status: f.status ?? 200, body: f.body };
}

/**
 * Partial match: objects by their listed keys, arrays as an ordered subsequence of matching
 * items, `{ $contains: "..." }` and `{ $regex: "..." }` for strings, anything else by equality.
 */
export function fits(value: unknown, pattern: unknown): boolean {
  if (pattern && typeof pattern === 'object' && !Array.isArray(pattern)) {
    const p = pattern as Obj;
    if (typeof p.$contains === 'string') return typeof value === 'string' && value.includes(p.$contains);
    if (typeof p.$regex === 'string') return typeof value === 'string' && new RegExp(p.$regex).test(value);
    if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
    return Object.entries(p).every(([k, v]) => fits((value as Obj)[k], v));
  }
  if (Array.isArray(pattern)) {
    if (!Array.isArray(value)) return false;
    let at = 0;
    for (const item of pattern) {
      while (at < value.length && !fits(value[at], item)) at++;
      if (at === value.length) return false;
      at++;
    }
    return true;
  }
  return Object.is(value, pattern);
}
