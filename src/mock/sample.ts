/**
 * Deterministic sample values from JSON Schemas, for responses without a usable example (and, in
 * tests, for valid requests). Minimal by design: required properties only, the first usable
 * branch of a union, the smallest value the constraints allow, so the result validates.
 * Our own because the samplers on npm are either random (json-schema-faker) or drop 2020-12
 * keywords the upstream spec uses; a deterministic mock needs neither.
 */
import type { OpenAPIDocument } from '../build/types.ts';
import { refTarget, type Json, type Schema } from './model.ts';

export interface SampleOptions {
  /** `request` skips readOnly properties, `response` skips writeOnly ones. */
  mode: 'request' | 'response';
  /** Also fill optional properties down to this depth (0: required only). */
  optionalDepth?: number;
}

const MAX_DEPTH = 24;

export function sample(spec: OpenAPIDocument, schema: unknown, options: SampleOptions): Json {
  return walk(spec, schema as Schema, options, [], 0) ?? null;
}

function walk(spec: OpenAPIDocument, input: Schema | undefined, options: SampleOptions, refs: string[], depth: number): Json | undefined {
  let schema = input;
  if (!schema || typeof schema !== 'object') return null;
  if (typeof schema.$ref === 'string') {
    if (refs.includes(schema.$ref) || depth > MAX_DEPTH) return undefined;
    const target = refTarget(spec, schema.$ref) as Schema | undefined;
    const { $ref: _, ...siblings } = schema;
    return walk(spec, { ...target, ...siblings }, options, [...refs, schema.$ref as string], depth);
  }
  if ('const' in schema) return schema.const as Json;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return (schema.enum.find((v) => v !== null) ?? schema.enum[0]) as Json;
  if (Array.isArray(schema.allOf)) schema = mergeAllOf(spec, schema);
  const union = (schema.oneOf ?? schema.anyOf) as Schema[] | undefined;
  if (Array.isArray(union) && union.length > 0) {
    const { oneOf: _o, anyOf: _a, ...rest } = schema;
    for (const branch of orderBranches(spec, union)) {
      const value = walk(spec, mergeInto(spec, rest, branch), options, refs, depth + 1);
      if (value !== undefined) return value;
    }
    return undefined;
  }
  const type = pickType(schema);
  const scalarExample = firstScalar(schema.default, schema.example, Array.isArray(schema.examples) ? schema.examples[0] : undefined);
  switch (type) {
    case 'null':
      return null;
    case 'boolean':
      return typeof scalarExample === 'boolean' ? scalarExample : false;
    case 'integer':
    case 'number':
      return numberFor(schema, type, scalarExample);
    case 'string':
      return stringFor(schema, scalarExample);
    case 'array':
      return arrayFor(spec, schema, options, refs, depth);
    case 'object':
      return objectFor(spec, schema, options, refs, depth);
    default:
      return scalarExample ?? null;
  }
}

/** Non-null branches first: a nullable union should still show its shape. */
function orderBranches(spec: OpenAPIDocument, branches: Schema[]): Schema[] {
  const isNull = (b: Schema) => {
    const s = (typeof b.$ref === 'string' ? refTarget(spec, b.$ref) : b) as Schema | undefined;
    return s?.type === 'null';
  };
  return [...branches.filter((b) => !isNull(b)), ...branches.filter(isNull)];
}

function mergeInto(spec: OpenAPIDocument, base: Schema, branch: Schema): Schema {
  if (Object.keys(base).every((k) => k === 'description' || k === 'title' || k === 'discriminator')) return branch;
  return mergeAllOf(spec, { ...base, allOf: [branch] });
}

/** Flattens `allOf` (recursively, following `$ref`s) into one schema: properties and required add up. */
function mergeAllOf(spec: OpenAPIDocument, schema: Schema, seen: string[] = []): Schema {
  const { allOf, ...rest } = schema;
  let merged: Schema = { ...rest };
  for (const part of (allOf as Schema[]) ?? []) {
    let s = part;
    if (typeof part.$ref === 'string') {
      if (seen.includes(part.$ref)) continue;
      s = { ...(refTarget(spec, part.$ref) as Schema) };
      seen = [...seen, part.$ref];
    }
    if (Array.isArray(s.allOf)) s = mergeAllOf(spec, s, seen);
    merged = {
      ...s,
      ...merged,
      properties: { ...(s.properties as object), ...(merged.properties as object) },
      required: [...new Set([...((s.required as string[]) ?? []), ...((merged.required as string[]) ?? [])])],
    };
    if (merged.type === undefined && s.type !== undefined) merged.type = s.type;
  }
  return merged;
}

function pickType(schema: Schema): string | undefined {
  const t = schema.type;
  if (typeof t === 'string') return t;
  if (Array.isArray(t)) return (t.find((x) => x !== 'null') ?? t[0]) as string;
  if (schema.properties || schema.additionalProperties || schema.required) return 'object';
  if (schema.items || schema.prefixItems) return 'array';
  if (schema.format === 'binary') return 'string';
  return undefined;
}

function firstScalar(...values: unknown[]): Json | undefined {
  return values.find((v) => v !== undefined && v !== null && typeof v !== 'object') as Json | undefined;
}

function numberFor(schema: Schema, type: string, example: Json | undefined): number {
  const min = typeof schema.minimum === 'number' ? schema.minimum : typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum + (type === 'integer' ? 1 : 0.5) : undefined;
  const max = typeof schema.maximum === 'number' ? schema.maximum : typeof schema.exclusiveMaximum === 'number' ? schema.exclusiveMaximum - (type === 'integer' ? 1 : 0.5) : undefined;
  let value = typeof example === 'number' ? example : min ?? (max !== undefined && max < 0 ? max : 0);
  if (min !== undefined && value < min) value = min;
  if (max !== undefined && value > max) value = max;
  if (type === 'integer') value = Math.ceil(value);
  const step = schema.multipleOf;
  if (typeof step === 'number' && step > 0) value = Math.ceil(value / step) * step;
  return value;
}

const formatSamples: Record<string, string> = {
  'date-time': '2024-01-01T00:00:00Z',
  date: '2024-01-01',
  time: '00:00:00Z',
  uri: 'https://example.com/mock',
  url: 'https://example.com/mock',
  'uri-reference': 'https://example.com/mock',
  email: 'mock@example.com',
  uuid: '00000000-0000-4000-8000-000000000000',
  binary: 'binary',
  byte: 'bW9jaw==',
  ipv4: '127.0.0.1',
  hostname: 'example.com',
};

function stringFor(schema: Schema, example: Json | undefined): string {
  const min = typeof schema.minLength === 'number' ? schema.minLength : 0;
  const max = typeof schema.maxLength === 'number' ? schema.maxLength : Infinity;
  const pattern = typeof schema.pattern === 'string' ? safeRegExp(schema.pattern) : undefined;
  const fits = (s: string) => s.length >= min && s.length <= max && (!pattern || pattern.test(s));
  const candidates = [
    typeof example === 'string' ? example : undefined,
    typeof schema.format === 'string' ? formatSamples[schema.format] : undefined,
    'string',
    'mock',
    'a',
    'A',
    '0',
    'abc123',
    'mock_id',
    'mock-id',
  ].filter((s): s is string => s !== undefined);
  for (const c of candidates) if (fits(c)) return c;
  const base = candidates[0] ?? 'mock';
  const padded = base.length < min ? base.padEnd(min, 'x') : base.slice(0, Math.min(base.length, max));
  return padded;
}

function safeRegExp(source: string): RegExp | undefined {
  try {
    return new RegExp(source, 'u');
  } catch {
    return undefined;
  }
}

function arrayFor(spec: OpenAPIDocument, schema: Schema, options: SampleOptions, refs: string[], depth: number): Json[] {
  const min = typeof schema.minItems === 'number' ? schema.minItems : 0;
  const max = typeof schema.maxItems === 'number' ? schema.maxItems : Infinity;
  const count = Math.min(Math.max(min, 1), max);
  const out: Json[] = [];
  const prefix = (schema.prefixItems as Schema[]) ?? [];
  for (let i = 0; i < count; i++) {
    const itemSchema = prefix[i] ?? (schema.items as Schema | undefined);
    const value = itemSchema ? walk(spec, itemSchema, options, refs, depth + 1) : 'string';
    if (value === undefined) {
      if (i < min) return out;
      break;
    }
    out.push(value);
  }
  return out;
}

function objectFor(spec: OpenAPIDocument, schema: Schema, options: SampleOptions, refs: string[], depth: number): Json | undefined {
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  const required = new Set((schema.required as string[]) ?? []);
  const out: Record<string, Json> = {};
  for (const [name, prop] of Object.entries(properties)) {
    const wanted = required.has(name) || depth < (options.optionalDepth ?? 0);
    if (!wanted || skipped(spec, prop, options)) continue;
    const value = walk(spec, prop, options, refs, depth + 1);
    if (value === undefined) {
      if (required.has(name)) return undefined;
      continue;
    }
    out[name] = value;
  }
  for (const name of required) {
    if (name in out) continue;
    // Required but not described: any value the additionalProperties schema allows.
    const extra = schema.additionalProperties;
    out[name] = extra && typeof extra === 'object' ? walk(spec, extra as Schema, options, refs, depth + 1) ?? 'string' : 'string';
  }
  return out;
}

function skipped(spec: OpenAPIDocument, prop: Schema, options: SampleOptions): boolean {
  const s = (typeof prop.$ref === 'string' ? { ...(refTarget(spec, prop.$ref) as Schema), ...prop } : prop) as Schema;
  return options.mode === 'request' ? s.readOnly === true : s.writeOnly === true;
}
