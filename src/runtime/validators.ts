/**
 * The build-time validators of a generated profile, one CommonJS module each under
 * generated/<id>/validators/, required on the first check that needs them: importing a profile
 * costs the same whatever its size. Kept apart from index.ts so the mock can load it alone.
 */
import type { ValidateFunction } from './types.ts';

/** What each validators/<name>.gen.cjs exports. */
export interface ValidatorModule {
  /** Every keyword as written; reports the errors. */
  validate: ValidateFunction;
  /** Same verdict, discriminators as lookups instead of trying each `oneOf` branch (when any is reached). */
  fast?: (data: unknown) => boolean;
}

/** `load(name)` requires the module; the returned functions behave as the `validate` export. */
export function validatorLoader(load: (name: string) => ValidatorModule): (name: string) => ValidateFunction {
  return (name) => {
    let loaded: ValidatorModule | undefined;
    const check: ValidateFunction = (data) => {
      const module = (loaded ??= load(name));
      // The fast verdict when it accepts; otherwise the full validator decides and gives the errors.
      if (module.fast?.(data) || module.validate(data)) {
        check.errors = null;
        return true;
      }
      check.errors = module.validate.errors;
      return false;
    };
    return check;
  };
}
