/**
 * Validate stage, schema part: checks path, query and body values against the operation's
 * schemas. Behind `RequestValidator` so that the codegen issue's precompiled (Ajv standalone)
 * validators can replace the lazily compiled ones here without touching the other stages.
 */
import { createRequire } from 'node:module';
import type { Ajv2020, ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import type { OpenAPIDocument } from '../build/types.ts';
import type { OperationModel } from './model.ts';

/** What a failed check reports: the field (OpenAI's `param`) and why. */
export interface ValidationIssue {
  param: string | null;
  message: string;
  code: string;
}

/** `body` is a JSON body; `form` a multipart body (scalars arrive as strings, coerced by schema). */
export type RequestPart = 'path' | 'query' | 'body' | 'form';

export interface RequestValidator {
  /** `contentType` picks the body schema; returns undefined when the value is valid. */
  check(op: OperationModel, part: RequestPart, value: unknown, contentType?: string): ValidationIssue | undefined;
}

type AddFormats = (ajv: Ajv2020) => Ajv2020;
// Ajv is required on the first schema compiled, not at import: a mock whose first requests use
// the build-time validators starts without loading it (about 100 ms).
const require = createRequire(import.meta.url);
function loadAjv(): { Ajv: typeof Ajv2020; addFormats: AddFormats } {
  const formats = require('ajv-formats') as AddFormats & { default?: AddFormats };
  return { Ajv: (require('ajv/dist/2020.js') as { Ajv2020: typeof Ajv2020 }).Ajv2020, addFormats: formats.default ?? formats };
}

/** The mock's Ajv 2020: formats checked, no meta-schema check, no optimizer. */
export function mockAjv(options: { coerce: boolean }): Ajv2020 {
  const { Ajv, addFormats } = loadAjv();
  const ajv = new Ajv({
    strict: false,
    allErrors: false,
    validateSchema: false,
    logger: false,
    coerceTypes: options.coerce ? 'array' : false,
    // Without it, Ajv would strip nothing but still walk `discriminator` as an unknown keyword.
    discriminator: false,
    // Compiled lazily, by the build's check of every mock sample or on a mock's first request:
    // compile time counts more there than the optimizer's leaner code (it halves the check's cost).
    code: { optimize: false },
  });
  addFormats(ajv);
  ajv.addFormat('unixtime', { type: 'number', validate: (n: number) => Number.isInteger(n) });
  ajv.addFormat('binary', true);
  return ajv;
}

/** An Ajv 2020 instance with the whole spec registered as `spec`, so `$ref`s resolve in place. */
export function specAjv(spec: OpenAPIDocument, options: { coerce: boolean }): Ajv2020 {
  const ajv = mockAjv(options);
  ajv.addSchema(spec as object, 'spec');
  return ajv;
}

/** Pointer → `$ref` URI into the registered spec. */
export function specRef(pointer: string): string {
  return `spec#${pointer.replace(/[{}%?#\s"<>^`|\\[\]]/g, (c) => encodeURIComponent(c))}`;
}

/** Checks a response body (or one streamed event) against the operation's response schema. */
export interface ResponseValidator {
  body(op: OperationModel, value: unknown): boolean;
  event(op: OperationModel, value: unknown): boolean;
  /** The last failure, for test messages. */
  lastErrors(): ErrorObject[] | null | undefined;
}

/**
 * The spec with every `oneOf` judged as `anyOf`: OpenAI's unions overlap (object branches without
 * `additionalProperties: false` accept each other's fields), and the API accepts a value more than
 * one branch fits, as OpenAI's own SDK test server does. See docs/mock.md.
 */
export function relaxOneOf<T>(value: T): T {
  if (Array.isArray(value)) return value.map(relaxOneOf) as T;
  if (!value || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k === 'oneOf' && Array.isArray(v) && !('anyOf' in value) ? 'anyOf' : k] = relaxOneOf(v);
  return out as T;
}

/** An Ajv error saying a value fitted several `oneOf` branches (accepted under the relaxed rule). */
export const isAmbiguousOneOf = (e: ErrorObject): boolean => e.keyword === 'oneOf' && Array.isArray((e.params as { passingSchemas?: unknown }).passingSchemas);

/** Compiles each (operation, part) on first use and keeps it: nothing compiles twice. */
export function lazyAjvValidators(original: OpenAPIDocument): { request: RequestValidator; response: ResponseValidator } {
  let relaxed: OpenAPIDocument | undefined;
  // Relaxed once, on the first compilation (a copy of the spec: not paid by mocks that never compile).
  const specOf = () => (relaxed ??= relaxOneOf(original));
  let strict: Ajv2020 | undefined;
  let coercing: Ajv2020 | undefined;
  const cache = new Map<string, ValidateFunction | null>();
  let last: ErrorObject[] | null | undefined;

  const responseCheck = (op: OperationModel, kind: 'body' | 'event', value: unknown): boolean => {
    const key = `${op.key}\u0000response-${kind}`;
    let validate = cache.get(key);
    if (validate === undefined) {
      const type = kind === 'event' ? 'text/event-stream' : op.response.contentType;
      validate = type ? (strict ??= specAjv(specOf(), { coerce: false })).compile({ $ref: specRef(`${op.response.pointer}/content/${type.replace(/~/g, '~0').replace(/\//g, '~1')}/schema`) }) : null;
      cache.set(key, validate);
    }
    if (!validate) return true;
    const ok = validate(value) as boolean;
    last = validate.errors;
    return ok;
  };

  const compile = (op: OperationModel, part: RequestPart, contentType?: string): ValidateFunction | null => {
    if (part === 'body' || part === 'form') {
      const media = contentType ? op.body?.content[contentType] : undefined;
      if (!media) return null;
      const ajv = part === 'body' ? (strict ??= specAjv(specOf(), { coerce: false })) : (coercing ??= specAjv(specOf(), { coerce: true }));
      return ajv.compile({ $ref: specRef(media.pointer) });
    }
    const params = op.parameters.filter((p) => p.in === part);
    if (params.length === 0) return null;
    const schema = {
      type: 'object',
      properties: Object.fromEntries(params.map((p) => [p.name, { $ref: specRef(p.schemaPointer) }])),
      required: params.filter((p) => p.required).map((p) => p.name),
    };
    return (coercing ??= specAjv(specOf(), { coerce: true })).compile(schema);
  };

  const request: RequestValidator = {
    check(op, part, value, contentType) {
      const key = `${op.key}\u0000${part}\u0000${contentType ?? ''}`;
      let validate = cache.get(key);
      if (validate === undefined) cache.set(key, (validate = compile(op, part, contentType)));
      if (!validate || validate(value)) return undefined;
      return issueFromAjv(mostSpecific(validate.errors ?? []), part);
    },
  };
  return {
    request,
    response: {
      body: (op, value) => responseCheck(op, 'body', value),
      event: (op, value) => responseCheck(op, 'event', value),
      lastErrors: () => last,
    },
  };
}

/**
 * Ajv lists the errors of every failed union branch before the union's own error. The branch
 * that got deepest into the value says most; enum errors at that spot are merged into one list.
 */
export function mostSpecific(errors: ErrorObject[]): ErrorObject | undefined {
  let best: ErrorObject | undefined;
  const union = (e: ErrorObject) => e.keyword === 'oneOf' || e.keyword === 'anyOf' || e.keyword === 'if';
  for (const e of errors) {
    if (union(e)) continue;
    if (!best || e.instancePath.length > best.instancePath.length) best = e;
  }
  // A union failing deeper than any branch error (no branch got further) is named itself:
  // `tool_resources.file_search`, not the nullable parent's "must be null".
  const deepestUnion = errors.filter(union).sort((a, b) => b.instancePath.length - a.instancePath.length)[0];
  if (deepestUnion && (!best || deepestUnion.instancePath.length > best.instancePath.length)) return deepestUnion;
  if (!best) return errors[0];
  if (best.keyword === 'required') {
    // Branches of an `anyOf` asking for different fields (`file_ids` or `files`): name them all.
    const missing = [...new Set(errors.filter((e) => e.keyword === 'required' && e.instancePath === best.instancePath).map((e) => (e.params as { missingProperty: string }).missingProperty))];
    return missing.length > 1 ? { ...best, params: { ...best.params, alternatives: missing } } : best;
  }
  const allowed = new Set<unknown>();
  for (const e of errors) {
    if (e.instancePath !== best.instancePath) continue;
    if (e.keyword === 'enum') for (const v of (e.params as { allowedValues: unknown[] }).allowedValues) allowed.add(v);
    if (e.keyword === 'const') allowed.add((e.params as { allowedValue: unknown }).allowedValue);
  }
  if (allowed.size > 0 && (best.keyword === 'enum' || best.keyword === 'const')) {
    return { ...best, keyword: 'enum', message: 'must be equal to one of the allowed values', params: { allowedValues: [...allowed] } };
  }
  return best;
}

/** `/messages/0/content` → `messages[0].content`, the way the project writes field paths. */
export function paramPath(instancePath: string, extra?: string): string | null {
  const tokens = instancePath.split('/').slice(1).map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (extra !== undefined) tokens.push(extra);
  let out = '';
  for (const token of tokens) out += /^\d+$/.test(token) ? `[${token}]` : out ? `.${token}` : token;
  return out || null;
}

export function issueFromAjv(error: ErrorObject | undefined, part: RequestPart): ValidationIssue {
  if (!error) return { param: null, message: 'The request is invalid.', code: 'invalid_request' };
  const where = part === 'query' ? 'query parameter' : part === 'path' ? 'path parameter' : 'parameter';
  if (error.keyword === 'required') {
    const { missingProperty, alternatives } = error.params as { missingProperty: string; alternatives?: string[] };
    const param = paramPath(error.instancePath, missingProperty);
    const names = (alternatives ?? [missingProperty]).map((name) => `'${paramPath(error.instancePath, name)}'`);
    const what = names.length > 1 ? `one of ${names.slice(0, -1).join(', ')} or ${names.at(-1)}` : names[0];
    return { param, message: `Missing required ${where}: ${what}.`, code: 'missing_required_parameter' };
  }
  if (error.keyword === 'additionalProperties') {
    const param = paramPath(error.instancePath, (error.params as { additionalProperty: string }).additionalProperty);
    return { param, message: `Unrecognized request argument supplied: ${param}`, code: 'unknown_parameter' };
  }
  const param = paramPath(error.instancePath);
  const allowed = error.keyword === 'enum' ? `: supported values are ${((error.params as { allowedValues: unknown[] }).allowedValues ?? []).map((v) => `'${String(v)}'`).join(', ')}` : '';
  return {
    param,
    message: param ? `Invalid value for '${param}': ${error.message ?? 'invalid'}${allowed}.` : `Invalid request body: ${error.message ?? 'invalid'}.`,
    code: error.keyword === 'type' ? 'invalid_type' : 'invalid_value',
  };
}
