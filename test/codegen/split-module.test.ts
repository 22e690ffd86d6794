import { describe, expect, it } from 'vitest';
import { splitStandalone } from '../../src/codegen/split-module.ts';

/** Ajv's standalone shape, reduced: exports, schema constants, functions and their `.evaluated`. */
const CODE = [
  '"use strict";',
  'export const req = validate1;',
  'export const res = validate2;',
  'export const both = validate4;',
  'const schema1 = {"type":"string"};',
  'const func0 = equal;',
  'function validate3(data){return typeof data === "string" && func0(data, data);}',
  'function validate1(data){return validate3(data) && schema1.type === "string";}',
  'validate1.evaluated = {props: true};',
  'function validate2(data){return validate3(data) || data === null;}',
  'function validate4(data){return data === 1;}',
].join('\n');

describe('splitStandalone', () => {
  const { groups, shared } = splitStandalone(CODE, { request: ['req', 'both'], response: ['res', 'both'] }, './shared.js');

  it('gives each group what only it reaches, and imports the rest from the shared module', () => {
    expect(groups.request).toContain('function validate1');
    expect(groups.request).toContain('validate1.evaluated');
    expect(groups.request).toContain('const schema1');
    expect(groups.request).not.toContain('validate2');
    expect(groups.response).toContain('function validate2');
    expect(groups.response).not.toMatch(/validate1|schema1/);
    expect(groups.request).toContain('import { validate3 } from "./shared.js";');
    expect(groups.response).toContain('import { validate3 } from "./shared.js";');
  });

  it('keeps what both reach once, in the shared module, re-exported by each group', () => {
    expect(shared).toContain('function validate3');
    expect(shared).toContain('const func0 = equal;');
    expect(shared).toContain('export const both = validate4;');
    expect(shared).toContain('export { validate3 };');
    expect(shared).not.toContain('use strict');
    for (const group of [groups.request, groups.response]) expect(group).toContain('export { both } from "./shared.js";');
  });

  it('runs: the split modules answer as the single one', async () => {
    const load = (code: string) => import(`data:text/javascript,${encodeURIComponent(code)}`) as Promise<Record<string, (data: unknown) => boolean>>;
    const prelude = 'const equal = (a, b) => a === b;\n';
    const sharedUrl = `data:text/javascript,${encodeURIComponent(prelude + shared!)}`;
    const request = await load(groups.request!.replaceAll('./shared.js', sharedUrl));
    const response = await load(groups.response!.replaceAll('./shared.js', sharedUrl));
    expect([request.req('a'), request.req(1), request.both(1)]).toEqual([true, false, true]);
    expect([response.res(null), response.res(1), response.both(2)]).toEqual([true, false, false]);
  });
});
