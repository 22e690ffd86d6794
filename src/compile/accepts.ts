/**
 * Whether a schema admits one value, judged on the keywords that constrain values (enum, const,
 * type, ranges, not, combinators) through local `$ref`s. Ajv would need the whole 3 MB spec
 * compiled per check; conflict checks ask a handful of single-value questions.
 */
import { getAtPointer } from '../load/pointer.ts';
import { isObject, type JsonObject } from '../load/json.ts';
import { refPointer } from './locate.ts';

function typeOf(value: unknown): string[] {
  if (value === null) return ['null'];
  if (Array.isArray(value)) return ['array'];
  if (typeof value === 'number') return Number.isInteger(value) ? ['integer', 'number'] : ['number'];
  return [typeof value];
}

export function accepts(spec: JsonObject, schema: unknown, value: unknown, depth = 0): boolean {
  if (!isObject(schema) || depth > 32) return true;
  const target = refPointer(schema.$ref);
  if (target !== undefined && !accepts(spec, getAtPointer(spec, target), value, depth + 1)) return false;
  if (Array.isArray(schema.enum) && !schema.enum.some((v) => JSON.stringify(v) === JSON.stringify(value))) return false;
  if ('const' in schema && JSON.stringify(schema.const) !== JSON.stringify(value)) return false;
  const types = Array.isArray(schema.type) ? schema.type : typeof schema.type === 'string' ? [schema.type] : undefined;
  if (types && !typeOf(value).some((t) => types.includes(t))) return false;
  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum) return false;
    if (typeof schema.maximum === 'number' && value > schema.maximum) return false;
    if (typeof schema.exclusiveMinimum === 'number' && value <= schema.exclusiveMinimum) return false;
    if (typeof schema.exclusiveMaximum === 'number' && value >= schema.exclusiveMaximum) return false;
  }
  if (isObject(schema.not) && accepts(spec, schema.not, value, depth + 1) && Object.keys(schema.not).some((k) => k === 'enum' || k === 'const')) return false;
  if (Array.isArray(schema.allOf) && !schema.allOf.every((s) => accepts(spec, s, value, depth + 1))) return false;
  for (const keyword of ['anyOf', 'oneOf'] as const) {
    const members = schema[keyword];
    if (Array.isArray(members) && !members.some((s) => accepts(spec, s, value, depth + 1))) return false;
  }
  return true;
}
