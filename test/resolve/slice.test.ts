import { describe, expect, it } from 'vitest';
import { sliceSpec } from '../../src/resolve/slice.ts';

const spec = () => ({
  openapi: '3.1.0',
  info: { title: 't', version: '1' },
  security: [{ Key: [] }],
  tags: [{ name: 'Chat' }, { name: 'Audio' }],
  paths: {
    '/chat': {
      parameters: [{ $ref: '#/components/parameters/Trace' }],
      post: { tags: ['Chat'], 'x-keep': true, requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Chat' } } } } },
      get: { tags: ['Chat'], responses: { '200': { $ref: '#/components/responses/Listing' } } },
    },
    '/audio': { post: { tags: ['Audio'], 'x-keep': true, security: [{ Admin: [] }], requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Audio' } } } } } },
    '/gone': { get: { tags: ['Audio'], responses: {} } },
  },
  webhooks: { w: { post: {} } },
  'x-oaiMeta': { groups: [] },
  components: {
    schemas: {
      Chat: { properties: { message: { $ref: '#/components/schemas/Message' } } },
      Message: { properties: { self: { $ref: '#/components/schemas/Message' } } },
      'a/b': { type: 'string' },
      Audio: { properties: { x: { $ref: '#/components/schemas/a~1b' } } },
      Unused: { type: 'string' },
      ListingBody: { type: 'object' },
    },
    responses: { Listing: { content: { 'application/json': { schema: { $ref: '#/components/schemas/ListingBody' } } } } },
    parameters: { Trace: { name: 'trace', in: 'header' } },
    securitySchemes: { Key: { type: 'http', scheme: 'bearer' }, Admin: { type: 'http', scheme: 'bearer' }, Other: { type: 'apiKey', in: 'header', name: 'x' } },
  },
});

describe('sliceSpec', () => {
  const keepMarked = (_m: string, _p: string, op: Record<string, unknown>) => op['x-keep'] === true;

  it('keeps marked operations and exactly the components they reach, transitively and through cycles', () => {
    const { spec: sliced, dropped } = sliceSpec(spec(), keepMarked);
    expect(Object.keys(sliced.paths as object)).toEqual(['/chat', '/audio']);
    expect(Object.keys((sliced.paths as any)['/chat'])).toEqual(['parameters', 'post']);
    expect(Object.keys((sliced.components as any).schemas).sort()).toEqual(['Audio', 'Chat', 'Message', 'a/b']);
    expect(Object.keys((sliced.components as any).securitySchemes).sort()).toEqual(['Admin', 'Key']);
    expect((sliced.components as any).responses).toBeUndefined();
    expect((sliced.components as any).parameters).toEqual({ Trace: { name: 'trace', in: 'header' } });
    expect(dropped).toEqual({ operations: 2, paths: 1, components: 4, webhooks: 1 });
  });

  it('drops webhooks, OpenAI docs navigation and unused tags', () => {
    const { spec: sliced } = sliceSpec(spec(), (_m, p) => p === '/chat');
    expect(sliced.webhooks).toBeUndefined();
    expect(sliced['x-oaiMeta']).toBeUndefined();
    expect(sliced.tags).toEqual([{ name: 'Chat' }]);
  });

  it('leaves its input untouched', () => {
    const input = spec();
    const before = JSON.stringify(input);
    sliceSpec(input, keepMarked);
    expect(JSON.stringify(input)).toBe(before);
  });
});
