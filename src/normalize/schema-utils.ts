/** Small helpers shared by the schema fixes: `$ref` lookup, keyword classes, order-keeping edits. */
import { getAtPointer } from '../load/pointer.ts';
import { isObject, type JsonObject } from './types.ts';

/** Keywords that only describe a value; they never make a schema reject anything. */
export const ANNOTATION_KEYWORDS = new Set([
  'title', 'description', 'default', 'example', 'examples', 'deprecated', 'readOnly', 'writeOnly',
  'externalDocs', 'xml', '$comment', '$id', '$anchor', '$schema', 'nullable',
]);

export function isAnnotation(key: string): boolean {
  return ANNOTATION_KEYWORDS.has(key) || key.startsWith('x-');
}

/**
 * Resolved refs per document. Safe because no fix replaces a schema object that a `$ref` can
 * point at (they edit schemas in place), so a target, once found, stays the target.
 */
const resolved = new WeakMap<object, Map<string, JsonObject | undefined>>();

/** The schema a local `$ref` points at, following chains of `$ref`s; undefined when it cannot. */
export function resolveRef(spec: unknown, ref: string): JsonObject | undefined {
  if (!isObject(spec)) return lookup(spec, ref, 0);
  let cache = resolved.get(spec);
  if (!cache) resolved.set(spec, (cache = new Map()));
  if (!cache.has(ref)) cache.set(ref, lookup(spec, ref, 0));
  return cache.get(ref);
}

function lookup(spec: unknown, ref: string, depth: number): JsonObject | undefined {
  if (!ref.startsWith('#') || depth > 32) return undefined;
  let target: unknown;
  try {
    target = getAtPointer(spec, decodeURIComponent(ref.slice(1)));
  } catch {
    return undefined;
  }
  if (!isObject(target)) return undefined;
  return typeof target.$ref === 'string' ? lookup(spec, target.$ref, depth + 1) : target;
}

/** The schema itself, or what its `$ref` points at. */
export function deref(spec: unknown, schema: unknown): JsonObject | undefined {
  if (!isObject(schema)) return undefined;
  return typeof schema.$ref === 'string' ? resolveRef(spec, schema.$ref) : schema;
}

/** Whether `null` can be valid against the schema, judged on the keywords the upstream spec uses. */
export function acceptsNull(spec: unknown, schema: unknown, seen = new Set<unknown>()): boolean {
  if (schema === true) return true;
  if (!isObject(schema) || seen.has(schema)) return false;
  seen.add(schema);
  if (schema.nullable === true) return true;
  if (typeof schema.$ref === 'string') return acceptsNull(spec, resolveRef(spec, schema.$ref), seen);
  if ('const' in schema) return schema.const === null;
  if (Array.isArray(schema.enum)) return schema.enum.includes(null);
  if (schema.type !== undefined) return schema.type === 'null' || (Array.isArray(schema.type) && schema.type.includes('null'));
  if (impliedType(spec, schema)) return false;
  for (const key of ['anyOf', 'oneOf'] as const) {
    const list = schema[key];
    if (Array.isArray(list)) return list.some((s) => acceptsNull(spec, s, seen));
  }
  if (Array.isArray(schema.allOf)) return schema.allOf.every((s) => acceptsNull(spec, s, seen));
  return true;
}

/** Rewrites `obj` in place to hold exactly `entries`, in that order. */
export function setEntries(obj: JsonObject, entries: [string, unknown][]): void {
  for (const key of Object.keys(obj)) delete obj[key];
  for (const [key, value] of entries) obj[key] = value;
}

/** Renames `from` to `to` in place, keeping the key's position. */
export function renameKey(obj: JsonObject, from: string, to: string): void {
  setEntries(obj, Object.entries(obj).map(([k, v]) => [k === from ? to : k, v]));
}

const OBJECT_KEYWORDS = ['properties', 'required', 'additionalProperties', 'patternProperties', 'propertyNames', 'minProperties', 'maxProperties', 'dependentRequired'];
const ARRAY_KEYWORDS = ['items', 'prefixItems', 'minItems', 'maxItems', 'uniqueItems', 'contains', 'minContains', 'maxContains'];
const SCALAR_KEYWORDS = ['minLength', 'maxLength', 'pattern', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf'];
const TYPE_DECIDERS = ['type', '$ref', 'enum', 'const', 'anyOf', 'oneOf', 'not'];

/**
 * The type an untyped schema evidently means: `object` when it uses only object keywords (and
 * every `allOf` member is an object), `array` when it uses only array keywords; else undefined.
 * The first keyword that implies it is returned too, to place an added `type` next to it.
 */
export function impliedType(spec: unknown, schema: JsonObject): { type: 'object' | 'array'; keyword: string } | undefined {
  if (TYPE_DECIDERS.some((key) => key in schema) || SCALAR_KEYWORDS.some((key) => key in schema)) return undefined;
  const object = OBJECT_KEYWORDS.find((key) => key in schema);
  const array = ARRAY_KEYWORDS.find((key) => key in schema);
  if ((object && array) || !(object ?? array)) return undefined;
  const type = object ? 'object' : 'array';
  if (Array.isArray(schema.allOf) && !schema.allOf.every((member) => typesOf(spec, member).includes(type))) return undefined;
  return { type, keyword: (object ?? array) as string };
}

/** The types a schema (or its `$ref` target) declares, or the one it implies; [] when unknown. */
export function typesOf(spec: unknown, schema: unknown): string[] {
  const target = deref(spec, schema);
  if (!target) return [];
  const type = target.type;
  if (typeof type === 'string') return [type];
  if (Array.isArray(type)) return type.filter((t): t is string => typeof t === 'string');
  const implied = impliedType(spec, target);
  return implied ? [implied.type] : [];
}
