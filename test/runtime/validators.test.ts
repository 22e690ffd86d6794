import { describe, expect, it } from 'vitest';
import { combineValidators, ucs2length } from '../../src/runtime/validators.ts';
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

describe('combineValidators', () => {
  it('is the full validator itself when there is no fast variant', () => {
    const validate = full(() => true);
    expect(combineValidators(validate)).toBe(validate);
  });

  const cases: { name: string; validate: ValidateFunction; fast: (data: unknown) => boolean; want: boolean; errors: SchemaError[] | null }[] = [
    { name: 'fast accepts', validate: full(() => false), fast: () => true, want: true, errors: null },
    { name: 'fast rejects, full reports', validate: full(() => false), fast: () => false, want: false, errors: [error] },
    { name: 'fast rejects, full accepts: full decides', validate: full(() => true), fast: () => false, want: true, errors: null },
  ];
  it.each(cases)('$name', ({ validate, fast, want, errors }) => {
    const check = combineValidators(validate, fast);
    expect(check({ role: 'user' })).toBe(want);
    expect(check.errors).toEqual(errors);
  });
});

describe('ucs2length', () => {
  it.each([
    ['', 0],
    ['abc', 3],
    ['😀', 1],
    ['a😀b', 3],
  ])('%j has %i code points', (text, length) => expect(ucs2length(text)).toBe(length));
});
