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

type Tree = { [key: string]: Tree | Tree[] | string | string[] } | (Tree | string)[];

/**
 * Assigns `value` under a bracketed key: `a` → {a}, `a[]` → {a: [..]}, `a[b][c]` → {a: {b: {c}}},
 * `a[0][id]` → {a: [{id}]}. A key seen twice becomes an array, as in `ids=a&ids=b`.
 */
export function assignBracketed(target: Record<string, unknown>, key: string, value: unknown): void {
  const match = /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(key);
  if (!match) {
    append(target, key, value);
    return;
  }
  const parts = [match[1], ...[...match[2].matchAll(/\[([^[\]]*)\]/g)].map((m) => m[1])];
  let node: Record<string, unknown> | unknown[] = target;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    const last = i === parts.length - 1;
    const nextPart = parts[i + 1];
    if (Array.isArray(node)) {
      if (part === '') {
        if (last) node.push(value);
        else node.push((node = nextPart === '' || /^\d+$/.test(nextPart) ? [] : {}) as never);
        continue;
      }
      const index = Number(part);
      if (!Number.isInteger(index) || index < 0 || index > 1000) return;
      if (last) node[index] = value;
      else node = (node[index] ??= nextPart === '' || /^\d+$/.test(nextPart) ? [] : {}) as Record<string, unknown> | unknown[];
      continue;
    }
    if (last) {
      append(node, part, value);
    } else {
      const wantArray = nextPart === '' || /^\d+$/.test(nextPart);
      const existing = node[part];
      if (existing === undefined || typeof existing !== 'object' || existing === null) node[part] = wantArray ? [] : {};
      node = node[part] as Record<string, unknown> | unknown[];
    }
  }
}

function append(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__' || key === 'constructor' || key === 'prototype') return;
  if (!(key in target)) target[key] = value;
  else if (Array.isArray(target[key])) (target[key] as unknown[]).push(value);
  else target[key] = [target[key], value];
}

export function parseQuery(search: URLSearchParams): Record<string, unknown> {
  const out: Record<string, unknown> = Object.create(null);
  for (const [key, value] of search) assignBracketed(out, key, value);
  return { ...out };
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
  const fields: Record<string, unknown> = Object.create(null);
  const files: FilePart[] = [];
  for (const [key, value] of form as unknown as Iterable<[string, string | File]>) {
    if (typeof value === 'string') assignBracketed(fields, key, value);
    else {
      files.push({ name: value.name, size: value.size, type: value.type });
      assignBracketed(fields, key, value.name || 'file');
    }
  }
  return { fields: { ...fields }, files };
}

export function unsupportedMediaType(got: string | undefined, expected: string[]): MockError {
  return mockError(415, `Unsupported content type${got ? ` '${got}'` : ' (none given)'}; this operation accepts ${expected.join(', ')}.`, {
    code: 'unsupported_media_type',
  });
}
