import { describe, expect, it } from 'vitest';
import { validatorLoader, type ValidatorModule } from '../../src/runtime/validators.ts';
import type { SchemaError, ValidateFunction } from '../../src/runtime/types.ts';

const error: SchemaError = { instancePath: '/role', keyword: 'const', params: { allowedValue: 'user' }, message: 'must be equal to constant' };

function full(valid: (data: unknown) => boolean): ValidateFunction {
  const validate: ValidateFunction = (data) => {
    const ok = valid(data);
    validate.errors = ok ? null : [error];
    return ok;
  };
  return validate;
}

describe('validatorLoader', () => {
  it('loads a module on the first check only', () => {
    const loaded: string[] = [];
    const v = validatorLoader((name) => {
      loaded.push(name);
      return { validate: full(() => true) };
    });
    const check = v('a.request');
    expect(loaded).toEqual([]);
    check({});
    check({});
    expect(loaded).toEqual(['a.request']);
  });

  const cases: { name: string; module: ValidatorModule; want: boolean; errors: SchemaError[] | null }[] = [
    { name: 'full only, valid', module: { validate: full(() => true) }, want: true, errors: null },
    { name: 'full only, invalid', module: { validate: full(() => false) }, want: false, errors: [error] },
    { name: 'fast accepts', module: { validate: full(() => false), fast: () => true }, want: true, errors: null },
    { name: 'fast rejects, full reports', module: { validate: full(() => false), fast: () => false }, want: false, errors: [error] },
    { name: 'fast rejects, full accepts: full decides', module: { validate: full(() => true), fast: () => false }, want: true, errors: null },
  ];
  it.each(cases)('$name', ({ module, want, errors }) => {
    const check = validatorLoader(() => module)('x');
    expect(check({ role: 'user' })).toBe(want);
    expect(check.errors).toEqual(errors);
  });
});
