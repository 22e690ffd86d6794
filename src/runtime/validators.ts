/**
 * Support for the build-time validators of a generated profile (generated/<id>/validators.gen.js,
 * one Ajv standalone ES module per profile whose validators share their sub-schemas).
 */
import type { ValidateFunction } from './types.ts';

/**
 * One check from the full validator and its optional fast variant (discriminators as lookups
 * instead of trying each `oneOf` branch): the fast verdict when it accepts; otherwise the full
 * validator decides and gives the errors.
 */
export function combineValidators(validate: ValidateFunction, fast?: (data: unknown) => boolean): ValidateFunction {
  if (!fast) return validate;
  const check: ValidateFunction = (data) => {
    if (fast(data) || validate(data)) {
      check.errors = null;
      return true;
    }
    check.errors = validate.errors;
    return false;
  };
  return check;
}

/**
 * String length in code points, as JSON Schema counts it for minLength/maxLength. Ours because
 * Ajv's standalone ES output still `require`s its own copy, which browsers and ESM cannot load.
 */
export function ucs2length(text: string): number {
  let length = 0;
  for (const _ of text) length++;
  return length;
}

/** Deep equality of JSON values (enum/const of objects, uniqueItems); ours for the same reason as ucs2length. */
export function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return a !== a && b !== b;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((item, i) => equal(item, (b as unknown[])[i]));
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => Object.hasOwn(b, key) && equal((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}
