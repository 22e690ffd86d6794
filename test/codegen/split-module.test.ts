import { describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import standalone from 'ajv/dist/standalone/index.js';
import { scanUnits } from '../../src/codegen/scan-units.ts';
import { parsedUnits, splitStandalone } from '../../src/codegen/split-module.ts';

type StandaloneCode = (ajv: Ajv2020, refs: Record<string, string>) => string;
const standaloneCode = ((standalone as unknown as { default?: StandaloneCode }).default ?? standalone) as unknown as StandaloneCode;

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

describe('scanUnits', () => {
  // Ajv's own output for schemas that bring regular expressions (error paths of maps), divisions
  // (multipleOf), patterns, `$ref`s and unions: the scanner must read it as the TypeScript parser does.
  const ajv = new Ajv2020({ strict: false, code: { source: true, esm: true, lines: false, optimize: true }, inlineRefs: false, discriminator: true });
  ajv.addSchema({
    $id: 'oas',
    components: {
      schemas: {
        Map: { type: 'object', additionalProperties: { type: 'string', pattern: '^a/b\\d+$' } },
        Step: { type: 'number', multipleOf: 0.5, maximum: 10 },
        Pet: { oneOf: [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' }], discriminator: { propertyName: 'kind' } },
        Cat: { type: 'object', required: ['kind'], properties: { kind: { const: 'cat' }, tags: { $ref: '#/components/schemas/Map' } } },
        Dog: { type: 'object', required: ['kind'], properties: { kind: { const: 'dog' }, step: { $ref: '#/components/schemas/Step' } }, unevaluatedProperties: false },
      },
    },
  });
  for (const name of ['Map', 'Step', 'Pet']) ajv.addSchema({ $id: name, $ref: `oas#/components/schemas/${name}` });
  const code = standaloneCode(ajv, { map: 'Map', step: 'Step', pet: 'Pet' });

  it('finds the statements, names and references the TypeScript parser finds in Ajv output', () => {
    expect(code).toMatch(/\.replace\(\/~\/g/);
    const scanned = scanUnits(code);
    const parsed = parsedUnits(code);
    expect(scanned?.map(({ text, names, exported }) => ({ text, names, exported }))).toEqual(parsed.map(({ text, names, exported }) => ({ text, names, ...(exported === undefined ? {} : { exported }) })));
    // Its references may add keywords, never lose an identifier.
    parsed.forEach((unit, i) => expect([...unit.refs].filter((ref) => !scanned![i].refs.has(ref))).toEqual([]));
  });

  it('gives up on statements Ajv does not write, and the split falls back to the parser', () => {
    expect(scanUnits('export const a = validate1;\nlet b = `x${a}`;\nfunction validate1(){return true;}')).toBeUndefined();
    expect(scanUnits('const a = 1, b = 2;')).toBeUndefined();
    expect(scanUnits('if (x) { y(); }')).toBeUndefined();
    const { groups } = splitStandalone('export const a = validate1;\nconst t = `x`;\nfunction validate1(d){return d === t;}', { request: ['a'] }, './s.js');
    expect(groups.request).toContain('const t = `x`;');
    expect(groups.request).toContain('function validate1');
  });
});
