import { describe, expect, it } from 'vitest';
import { createSchemaWalker, schemaFields } from '../../src/compat/schema-fields.ts';

const doc = {
  components: {
    schemas: {
      Msg: { oneOf: [{ $ref: '#/components/schemas/A' }, { $ref: '#/components/schemas/B' }] },
      A: { type: 'object', required: ['role'], properties: { role: { type: 'string' }, name: { type: 'string' } } },
      B: { type: 'object', properties: { role: { type: 'string' }, calls: { type: 'array', items: { $ref: '#/components/schemas/Call' } } } },
      Call: { type: 'object', properties: { id: { type: 'string' }, fn: { type: 'object', properties: { name: { type: 'string' } } } } },
      Node: { type: 'object', properties: { value: { type: 'string' }, children: { type: 'array', items: { $ref: '#/components/schemas/Node' } } } },
      Ping: { type: 'object', properties: { pong: { $ref: '#/components/schemas/Pong' } } },
      Pong: { type: 'object', properties: { ping: { $ref: '#/components/schemas/Ping' }, n: { type: 'integer' } } },
      Old: { type: 'object', properties: { legacy: { type: 'string', deprecated: true } } },
    },
  },
};

const cases: { name: string; schema: unknown; maxDepth?: number; want: string[] }[] = [
  { name: 'plain properties', schema: { properties: { a: {}, b: {} } }, want: ['a', 'b'] },
  { name: 'array items add [] but no field', schema: { properties: { list: { type: 'array', items: { properties: { x: {} } } } } }, want: ['list', 'list[].x'] },
  { name: 'oneOf variants merge', schema: { properties: { messages: { type: 'array', items: { $ref: '#/components/schemas/Msg' } } } }, want: ['messages', 'messages[].calls', 'messages[].calls[].fn', 'messages[].calls[].fn.name', 'messages[].calls[].id', 'messages[].name', 'messages[].role'] },
  { name: 'allOf and anyOf', schema: { allOf: [{ properties: { a: {} } }, { anyOf: [{ properties: { b: {} } }, { properties: { c: {} } }] }] }, want: ['a', 'b', 'c'] },
  { name: 'a recursive schema stops where it re-enters itself', schema: { $ref: '#/components/schemas/Node' }, want: ['children', 'value'] },
  { name: 'mutual recursion', schema: { $ref: '#/components/schemas/Ping' }, want: ['pong', 'pong.n', 'pong.ping'] },
  { name: 'depth limit', schema: { properties: { a: { properties: { b: { properties: { c: {} } } } } } }, maxDepth: 2, want: ['a', 'a.b'] },
  { name: 'free-form maps are not walked', schema: { properties: { metadata: { type: 'object', additionalProperties: { properties: { k: {} } } } } }, want: ['metadata'] },
  { name: 'a root array', schema: { type: 'array', items: { properties: { id: {} } } }, want: ['[].id'] },
  { name: 'a property name with a slash', schema: { properties: { 'a/b': {} } }, want: ['a/b'] },
  { name: 'not an object', schema: true, want: [] },
];

describe('schemaFields', () => {
  it.each(cases)('$name', ({ schema, maxDepth, want }) => {
    const fields = schemaFields(doc, schema, '/x', maxDepth ? { maxDepth } : undefined);
    expect([...fields.keys()].sort()).toEqual(want);
  });

  it('records where each variant defines a field, required and deprecated flags', () => {
    const fields = schemaFields(doc, { $ref: '#/components/schemas/Msg' }, '/x');
    expect(fields.get('role')).toEqual({
      path: 'role',
      pointers: ['/components/schemas/A/properties/role', '/components/schemas/B/properties/role'],
      required: true,
      deprecated: false,
    });
    expect(schemaFields(doc, { $ref: '#/components/schemas/Old' }, '/x').get('legacy')?.deprecated).toBe(true);
    expect(schemaFields(doc, { properties: { 'a/b': {} } }, '/s').get('a/b')?.pointers).toEqual(['/s/properties/a~1b']);
  });

  it('gives the same fields whatever was walked before (the memo never leaks a cut cycle)', () => {
    const fresh = schemaFields(doc, { $ref: '#/components/schemas/Pong' }, '/x');
    const walker = createSchemaWalker(doc);
    walker({ $ref: '#/components/schemas/Ping' }, '/y');
    const afterPing = walker({ $ref: '#/components/schemas/Pong' }, '/x');
    expect([...afterPing.entries()]).toEqual([...fresh.entries()]);
    expect([...fresh.keys()].sort()).toEqual(['n', 'ping', 'ping.pong']);
  });
});
