/**
 * Support for the build-time validators of a generated profile (generated/<id>/validators*.gen.js,
 * Ajv standalone ES modules whose validators share their sub-schemas) and its operations tables.
 */
import type { RequestTable, ResponseEntry, ValidateFunction } from './types.ts';

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
 * Where the fast variants pay for their download: servers and tests check many requests, while a
 * browser page checks a few, for which the full validator's microseconds more do not matter.
 */
const fastVariantsWanted = typeof (globalThis as { process?: { versions?: { node?: unknown } } }).process?.versions?.node === 'string';

/**
 * The full validator, switching to its fast variant once `load` has it. `load` is a dynamic
 * import of validators-fast.gen.js, started by the first check (in Node only): bundlers put that
 * module in a chunk of its own, which browsers never fetch. Until it is there (or if it fails to
 * load) the full validator alone decides: the verdicts and errors are the same, only slower.
 */
export function withLazyFastVariant(validate: ValidateFunction, load: () => Promise<(data: unknown) => boolean>, wanted = fastVariantsWanted): ValidateFunction {
  if (!wanted) return validate;
  let combined: ValidateFunction | undefined;
  let loading = false;
  const check: ValidateFunction = (data) => {
    if (!combined && !loading) {
      loading = true;
      load().then(
        (fast) => {
          combined = combineValidators(validate, fast);
        },
        () => undefined,
      );
    }
    const current = combined ?? validate;
    const ok = current(data);
    check.errors = current.errors;
    return ok;
  };
  return check;
}

/**
 * A profile's operations table: each operation's request part next to its answer part. The
 * generated modules keep the two apart so that checkRequest reaches no answer validator, and
 * call this (marked pure: unused, it is dropped by bundlers) for the whole table.
 */
export function joinTables<R extends RequestTable, S extends { readonly [K in keyof R]: ResponseEntry }>(requests: R, responses: S): { readonly [K in keyof R]: R[K] & S[K] } {
  return Object.fromEntries(Object.keys(requests).map((key) => [key, { ...requests[key], ...responses[key] }])) as { readonly [K in keyof R]: R[K] & S[K] };
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
