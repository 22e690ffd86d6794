/** Helpers on JSON values as the YAML/JSON parsers produce them. */
import { isObject } from '../load/json.ts';

export { isObject };

export function isContainer(value: unknown): value is Record<string, unknown> | unknown[] {
  return typeof value === 'object' && value !== null;
}

/** `object`, `array` or `primitive` (null included: JSON's primitives are string, number, boolean, null). */
export function shapeOf(value: unknown): 'object' | 'array' | 'primitive' {
  return Array.isArray(value) ? 'array' : isObject(value) ? 'object' : 'primitive';
}

/** Describes a value for messages: "an object", "an array", "the string \"x\"", "null". */
export function describeValue(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  return `the ${typeof value} ${JSON.stringify(value)}`;
}

/** Assigns an own property, also for the key `__proto__` (which plain assignment would treat as the prototype). */
export function setOwn(object: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  else object[key] = value;
}

/** Deep copy of a JSON tree; plain recursion is several times faster than structuredClone on parsed YAML. */
export function cloneJson<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    const copy = new Array(value.length);
    for (let i = 0; i < value.length; i++) copy[i] = cloneJson(value[i]);
    return copy as T;
  }
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) setOwn(copy, key, cloneJson((value as Record<string, unknown>)[key]));
  return copy as T;
}
