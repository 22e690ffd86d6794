import { describe, expect, it } from 'vitest';
import { combineValidators, equal, joinTables, ucs2length, withLazyFastVariant } from '../../src/runtime/validators.ts';
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

describe('withLazyFastVariant', () => {
  it('loads the fast variant on the first check, and the full validator decides until it is there', async () => {
    let loads = 0;
    const validate = full(() => false);
    const check = withLazyFastVariant(validate, async () => {
      loads++;
      return () => true;
    });
    expect(loads).toBe(0);
    expect(check({ role: 'user' })).toBe(false);
    expect(check.errors).toEqual([error]);
    await Promise.resolve();
    await Promise.resolve();
    expect(check({ role: 'user' })).toBe(true);
    expect(check.errors).toBeNull();
    expect(loads).toBe(1);
  });

  it('never loads the fast variant where it is not wanted (a browser page)', async () => {
    let loads = 0;
    const validate = full(() => true);
    const check = withLazyFastVariant(validate, async () => (loads++, () => true), false);
    expect(check).toBe(validate);
    expect(check({ role: 'user' })).toBe(true);
    await Promise.resolve();
    expect(loads).toBe(0);
  });

  it('keeps the full validator when the fast module fails to load', async () => {
    const check = withLazyFastVariant(
      full(() => false),
      () => Promise.reject(new Error('offline')),
    );
    expect(check(1)).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(check(1)).toBe(false);
    expect(check.errors).toEqual([error]);
  });
});

describe('joinTables', () => {
  it('puts each operation\'s request and answer parts side by side', () => {
    const request = full(() => true);
    const ok = full(() => true);
    const table = joinTables({ 'POST /x': { method: 'post', path: '/x', request } }, { 'POST /x': { responses: { '200': ok } } });
    expect(table).toEqual({ 'POST /x': { method: 'post', path: '/x', request, responses: { '200': ok } } });
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

describe('equal', () => {
  it.each([
    [1, 1, true],
    [1, '1', false],
    [NaN, NaN, true],
    [null, null, true],
    [null, {}, false],
    [[1, { a: [2] }], [1, { a: [2] }], true],
    [[1, 2], [2, 1], false],
    [{ a: 1, b: 2 }, { b: 2, a: 1 }, true],
    [{ a: 1 }, { a: 1, b: undefined }, false],
    [[], {}, false],
  ])('%j vs %j → %s', (a, b, want) => expect(equal(a, b)).toBe(want));
});
