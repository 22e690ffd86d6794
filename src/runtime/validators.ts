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
