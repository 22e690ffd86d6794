import { describe, expect, it, vi } from 'vitest';
import { renameIdentifiers, scanUnits } from '../../src/codegen/scan-units.ts';
import { minifyUnits, withNames } from '../../src/codegen/minify-units.ts';
import { pointerText, unitGraph, unitKey, type UnitSources } from '../../src/codegen/validator-units.ts';
import { collectOperations } from '../../src/codegen/operations.ts';
import type { OpenAPIDocument } from '../../src/build/types.ts';
import { resolvedFor } from '../helpers/profile.ts';
import { loadFixtureSpec } from './helpers.ts';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const sources = (components: Record<string, unknown>, inline: Record<string, unknown> = {}): UnitSources => ({ full: { components, inline } });
const idOf = (graph: ReturnType<typeof unitGraph>, name: string) => graph.ids.get(unitKey('full', `#/components/schemas/${name}`));

describe('unitGraph', () => {
  const base = {
    Request: { type: 'object', properties: { model: ref('Model'), messages: { type: 'array', items: ref('Message') } } },
    Model: { type: 'string' },
    Message: { type: 'object', properties: { role: { enum: ['user', 'system'] } } },
    Unused: { type: 'integer' },
  };
  const roots = [unitKey('full', '#/components/schemas/Request')];

  it('names a unit by its content, its name and what it reaches, so two profiles sharing a schema share its id', () => {
    const one = unitGraph(sources(base), roots);
    const other = unitGraph(sources(structuredClone(base)), roots);
    for (const name of ['Request', 'Model', 'Message']) expect(idOf(other, name)).toBe(idOf(one, name));
    // Only what the roots reach is a unit.
    expect(idOf(one, 'Unused')).toBeUndefined();
    expect(one.schemas.size).toBe(3);
  });

  it('gives a changed schema and every schema reaching it new ids, and keeps the others', () => {
    const one = unitGraph(sources(base), roots);
    const edited = unitGraph(sources({ ...base, Message: { type: 'object', properties: { role: { enum: ['user'] } } } }), roots);
    expect(idOf(edited, 'Message')).not.toBe(idOf(one, 'Message'));
    expect(idOf(edited, 'Request')).not.toBe(idOf(one, 'Request'));
    expect(idOf(edited, 'Model')).toBe(idOf(one, 'Model'));
    const renamed = unitGraph(sources({ ...base, Request: { ...base.Request, properties: { ...base.Request.properties, model: ref('ModelId') } }, ModelId: base.Model }), roots);
    expect(idOf(renamed, 'ModelId')).not.toBe(idOf(one, 'Model'));
  });

  it('rewrites $refs to ids, puts each unit after those it refers to, and turns ids back into pointers', () => {
    const graph = unitGraph(sources(base), roots);
    const request = idOf(graph, 'Request')!;
    const model = idOf(graph, 'Model')!;
    expect(JSON.stringify(graph.schemas.get(request))).toContain(`"$ref":"${model}"`);
    const position = (id: string) => graph.order.findIndex((group) => group.includes(id));
    expect(position(model)).toBeLessThan(position(request));
    expect(pointerText(`{"$ref":"${model}"}`, graph.pointers)).toBe('{"$ref":"#/components/schemas/Model"}');
    expect(() => pointerText('"oai-unit:000000000000000000000000"', graph.pointers)).toThrow(/no component/);
  });

  it('hashes schemas that refer to each other as one group, whatever order the spec lists them in', () => {
    const cyclic = { Node: { type: 'object', properties: { children: { type: 'array', items: ref('Edge') } } }, Edge: { type: 'object', properties: { to: ref('Node') } } };
    const reversed = { Edge: cyclic.Edge, Node: cyclic.Node };
    const rootsOf = [unitKey('full', '#/components/schemas/Node')];
    const one = unitGraph(sources(cyclic), rootsOf);
    const two = unitGraph(sources(reversed), [unitKey('full', '#/components/schemas/Edge')]);
    expect(idOf(two, 'Node')).toBe(idOf(one, 'Node'));
    expect(idOf(two, 'Edge')).toBe(idOf(one, 'Edge'));
    expect(one.order).toHaveLength(1);
    expect(one.order[0]).toHaveLength(2);
  });

  it('names inline schemas by content alone, and leaves $refs it cannot follow as they are', () => {
    const graph = unitGraph(sources(base, { i0: { type: 'string' }, i1: { type: 'string' }, i2: ref('Missing') }), ['i0', 'i1', 'i2'].map((i) => unitKey('full', `#/inline/${i}`)));
    expect(graph.ids.get(unitKey('full', '#/inline/i0'))).toBe(graph.ids.get(unitKey('full', '#/inline/i1')));
    expect(graph.schemas.get(graph.ids.get(unitKey('full', '#/inline/i2'))!)).toEqual(ref('Missing'));
  });
});

describe('renameIdentifiers', () => {
  const rename = (code: string) => renameIdentifiers(code, /validate\d+/, (name) => name.toUpperCase());

  it('renames names in code, not in strings, regular expressions, comments or after a dot', () => {
    const code = 'const a = validate1; x.validate1 = "validate1"; y = /validate1/g; // validate1\nz = a / validate2 / 2; w = {v: validate3};';
    expect(rename(code)).toBe('const a = VALIDATE1; x.validate1 = "validate1"; y = /validate1/g; // validate1\nz = a / VALIDATE2 / 2; w = {v: VALIDATE3};');
    expect(rename('validate10x = validate1_ + validate1')).toBe('validate10x = validate1_ + VALIDATE1');
  });

  it('gives up on code it does not read', () => {
    expect(rename('const a = `validate1`;')).toBeUndefined();
    expect(rename('const a = "validate1;')).toBeUndefined();
  });
});

describe('minifyUnits', () => {
  const AJV = /(validate|schema)\d+/;
  it('minifies a statement once whatever Ajv numbered it, and writes the names back', async () => {
    const one = scanUnits('function validate12(data){const valid0 = validate3(data); return valid0 && data.kind === schema7.kind;}')!;
    const two = scanUnits('function validate99(data){const valid0 = validate5(data); return valid0 && data.kind === schema1.kind;}')!;
    const [a, b] = [(await minifyUnits(one, AJV))!.get(one[0])!, (await minifyUnits(two, AJV))!.get(two[0])!];
    expect(a.text).toBe(b.text);
    expect(a.text.length).toBeLessThan(one[0].text.length);
    expect([a.names, b.names]).toEqual([
      ['validate12', 'validate3', 'schema7'],
      ['validate99', 'validate5', 'schema1'],
    ]);
    const written = withNames(a, (name) => name.toUpperCase())!;
    expect(written).toMatch(/^function VALIDATE12\(/);
    const run = new Function('VALIDATE3', 'SCHEMA7', `${written}; return VALIDATE12;`)((d: unknown) => d !== null, { kind: 'cat' });
    expect([run({ kind: 'cat' }), run({ kind: 'dog' }), run(null)]).toEqual([true, false, false]);
  });
});

describe('validators compiled by one Ajv for many profiles', () => {
  const compile = async (spec: OpenAPIDocument) => {
    const { compileValidators } = await import('../../src/codegen/validators.ts');
    const operations = collectOperations(spec, resolvedFor('mini', spec).model);
    const { byOperation, diagnostics, ...modules } = await compileValidators(spec, operations, 'openapi.yaml');
    expect(diagnostics).toEqual([]);
    return modules;
  };

  it('writes the same modules for a profile whether or not the Ajv compiled other profiles first', async () => {
    const mini = await loadFixtureSpec('mini');
    // Another profile whose schemas are mini's under other names: nothing is shared, so Ajv's counters move on.
    const other = JSON.parse(JSON.stringify(mini).replaceAll('#/components/schemas/', '#/components/schemas/Other')) as { components: { schemas: Record<string, unknown> } };
    other.components.schemas = Object.fromEntries(Object.entries(other.components.schemas).map(([name, schema]) => [`Other${name}`, schema]));

    vi.resetModules();
    const alone = await compile(mini);
    vi.resetModules();
    await compile(other as unknown as OpenAPIDocument);
    const after = await compile(mini);
    expect(after).toEqual(alone);
    // Written statement by statement, with Ajv's names shortened (not by the whole-module fallback).
    expect(alone.module).toMatch(/export const createChatCompletion_request = \$\w+;/);
  });
});
