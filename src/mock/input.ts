/**
 * Input stage: raw bytes, query strings and form data → plain values the validate stage checks.
 * Bracket keys (`ids[]=a`, `metadata[key]=v`, `items[0][id]=x`, the form the official SDKs send)
 * become arrays and objects; scalars stay strings here and are coerced by the validator's schema.
 */
import { badRequest, mockError, type MockError } from './errors.ts';
import type { Json } from './model.ts';

export interface BodyLimits {
  /** Bytes accepted for any body. */
  maxBytes: number;
  /** Nesting depth accepted in a JSON body. */
  maxDepth: number;
}

export const defaultLimits: BodyLimits = { maxBytes: 32 * 1024 * 1024, maxDepth: 64 };

/** Parses a JSON body, refusing excessive nesting before `JSON.parse` or a validator can recurse into it. */
export function parseJsonBody(text: string, limits: BodyLimits): Json | MockError {
  const depth = jsonDepth(text, limits.maxDepth);
  if (depth > limits.maxDepth) {
    return badRequest(`The request body is nested more than ${limits.maxDepth} levels deep.`, null, 'nesting_too_deep');
  }
  try {
    return JSON.parse(text) as Json;
  } catch (err) {
    return badRequest(
      `We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly. The OpenAI API expects a JSON payload, but what was sent was not valid JSON. ${(err as Error).message})`,
      null,
      'invalid_json',
    );
  }
}

/** Maximum bracket depth outside strings; stops counting once `stopAbove` is exceeded. */
export function jsonDepth(text: string, stopAbove: number): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91 /* { [ */) {
      if (++depth > max && (max = depth) > stopAbove) return max;
    } else if (c === 125 || c === 93) depth--;
  }
  return max;
}

/**
 * Names a request may not use as a key segment: assigning them would reach Object.prototype (or a
 * constructor) of the mock's own process, so one request could change what every later one sees.
 */
const RESERVED_SEGMENTS = new Set(['__proto__', 'constructor', 'prototype']);

/** A key that cannot become a value: the error names it, so the client can fix the request. */
export class ReservedKeyError extends Error {
  readonly key: string;
  constructor(key: string) {
    super(`The key '${key}' uses a reserved name (__proto__, constructor or prototype) as one of its segments.`);
    this.key = key;
  }
}

/** Maps built from request keys have no prototype: a segment such as `toString` is an ordinary key. */
const newMap = (): Record<string, unknown> => Object.create(null) as Record<string, unknown>;

/**
 * Assigns `value` under a bracketed key: `a` → {a}, `a[]` → {a: [..]}, `a[b][c]` → {a: {b: {c}}},
 * `a[0][id]` → {a: [{id}]}. A key seen twice becomes an array, as in `ids=a&ids=b`. Throws
 * ReservedKeyError when any segment is a reserved name (see RESERVED_SEGMENTS).
 */
export function assignBracketed(target: Record<string, unknown>, key: string, value: unknown): void {
  const match = /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(key);
  const parts = match ? [match[1], ...[...match[2].matchAll(/\[([^[\]]*)\]/g)].map((m) => m[1])] : [key];
  if (parts.some((part) => RESERVED_SEGMENTS.has(part))) throw new ReservedKeyError(key);
  let node: Record<string, unknown> | unknown[] = target;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    const last = i === parts.length - 1;
    const nextPart = parts[i + 1];
    const child = () => (nextPart === '' || /^\d+$/.test(nextPart) ? [] : newMap());
    if (Array.isArray(node)) {
      if (part === '') {
        if (last) node.push(value);
        else node.push((node = child()) as never);
        continue;
      }
      const index = Number(part);
      if (!Number.isInteger(index) || index < 0 || index > 1000) return;
      if (last) node[index] = value;
      else node = (node[index] ??= child()) as Record<string, unknown> | unknown[];
      continue;
    }
    if (last) {
      append(node, part, value);
    } else {
      const existing = Object.hasOwn(node, part) ? node[part] : undefined;
      if (existing === undefined || typeof existing !== 'object' || existing === null) node[part] = child();
      node = node[part] as Record<string, unknown> | unknown[];
    }
  }
}

function append(target: Record<string, unknown>, key: string, value: unknown): void {
  if (!Object.hasOwn(target, key)) target[key] = value;
  else if (Array.isArray(target[key])) (target[key] as unknown[]).push(value);
  else target[key] = [target[key], value];
}

/** The 400 a request with a reserved key segment gets. */
export function reservedKeyError(err: ReservedKeyError): MockError {
  return badRequest(err.message, err.key, 'invalid_key');
}

/** Parses a query string; a reserved key segment is a 400 (see RESERVED_SEGMENTS). */
export function parseQuery(search: URLSearchParams): Record<string, unknown> | MockError {
  const out = newMap();
  try {
    for (const [key, value] of search) assignBracketed(out, key, value);
  } catch (err) {
    if (err instanceof ReservedKeyError) return reservedKeyError(err);
    throw err;
  }
  return out;
}

/** A file part, kept as its name for schema checks (`format: binary` is a string). */
export interface FilePart {
  name: string;
  size: number;
  type: string;
}

/** Parses `multipart/form-data` with the platform's own parser (undici's `Request.formData`). */
export async function parseMultipart(body: Buffer, contentType: string): Promise<{ fields: Record<string, unknown>; files: FilePart[] } | MockError> {
  let form: FormData;
  try {
    form = await new Request('http://mock.invalid/', { method: 'POST', headers: { 'content-type': contentType }, body: new Uint8Array(body) }).formData();
  } catch (err) {
    return badRequest(`The multipart/form-data body could not be parsed: ${(err as Error).message}`, null, 'invalid_multipart');
  }
  const fields = newMap();
  const files: FilePart[] = [];
  try {
    for (const [key, value] of form as unknown as Iterable<[string, string | File]>) {
      if (typeof value === 'string') assignBracketed(fields, key, value);
      else {
        files.push({ name: value.name, size: value.size, type: value.type });
        assignBracketed(fields, key, value.name || 'file');
      }
    }
  } catch (err) {
    if (err instanceof ReservedKeyError) return reservedKeyError(err);
    throw err;
  }
  return { fields, files };
}

export function unsupportedMediaType(got: string | undefined, expected: string[]): MockError {
  return mockError(415, `Unsupported content type${got ? ` '${got}'` : ' (none given)'}; this operation accepts ${expected.join(', ')}.`, {
    code: 'unsupported_media_type',
  });
}
