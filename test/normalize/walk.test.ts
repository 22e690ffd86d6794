/** The schema walker reaches every Schema Object of an OpenAPI 3.1 document, and nothing else. */
import { describe, expect, it } from 'vitest';
import { toPointer } from '../../src/load/pointer.ts';
import { forEachSchema } from '../../src/normalize/walk.ts';

const doc = {
  openapi: '3.1.0',
  paths: {
    '/a/{id}': {
      parameters: [{ name: 'id', in: 'path', schema: { title: 'path-level param' } }],
      post: {
        parameters: [{ name: 'q', in: 'query', content: { 'application/json': { schema: { title: 'param content' } } } }],
        requestBody: { content: { 'application/json': { schema: { title: 'body', example: { title: 'not a schema' } } } } },
        responses: {
          '200': {
            headers: { 'x-h': { schema: { title: 'header' } } },
            content: { 'text/event-stream': { schema: { title: 'response' } } },
          },
        },
        callbacks: { cb: { '{$request.body#/url}': { post: { requestBody: { content: { 'a/b': { schema: { title: 'callback body' } } } } } } } },
      },
    },
  },
  webhooks: { hook: { post: { requestBody: { content: { 'a/b': { schema: { title: 'webhook body' } } } } } } },
  components: {
    schemas: {
      S: {
        title: 'component',
        properties: { p: { title: 'property' } },
        items: [{ title: 'tuple item' }],
        allOf: [{ title: 'allOf member' }],
        not: { title: 'not' },
        default: { title: 'not a schema either' },
        'x-ext': { title: 'extension data' },
      },
    },
    parameters: { P: { name: 'p', in: 'query', schema: { title: 'component parameter' } } },
    headers: { H: { schema: { title: 'component header' } } },
    requestBodies: { B: { content: { 'a/b': { schema: { title: 'component body' } } } } },
    responses: { R: { content: { 'a/b': { schema: { title: 'component response' } } } } },
  },
};

describe('forEachSchema', () => {
  it('visits every schema with its pointer, pre-order, and never examples, defaults or extensions', () => {
    const seen: string[] = [];
    forEachSchema(structuredClone(doc), (schema, path) => seen.push(`${String(schema.title)} ${toPointer(path)}`));
    expect(seen).toEqual([
      'path-level param /paths/~1a~1{id}/parameters/0/schema',
      'param content /paths/~1a~1{id}/post/parameters/0/content/application~1json/schema',
      'body /paths/~1a~1{id}/post/requestBody/content/application~1json/schema',
      'header /paths/~1a~1{id}/post/responses/200/headers/x-h/schema',
      'response /paths/~1a~1{id}/post/responses/200/content/text~1event-stream/schema',
      'callback body /paths/~1a~1{id}/post/callbacks/cb/{$request.body#~1url}/post/requestBody/content/a~1b/schema',
      'webhook body /webhooks/hook/post/requestBody/content/a~1b/schema',
      'component /components/schemas/S',
      'property /components/schemas/S/properties/p',
      'tuple item /components/schemas/S/items/0',
      'allOf member /components/schemas/S/allOf/0',
      'not /components/schemas/S/not',
      'component response /components/responses/R/content/a~1b/schema',
      'component parameter /components/parameters/P/schema',
      'component body /components/requestBodies/B/content/a~1b/schema',
      'component header /components/headers/H/schema',
    ]);
  });

  it('follows edits made by the visitor before descending', () => {
    const d = { components: { schemas: { S: { nullable: true, $ref: '#/x' } } } };
    const seen: string[] = [];
    forEachSchema(d, (schema, path) => {
      if (schema.nullable) {
        schema.anyOf = [{ $ref: schema.$ref }, { type: 'null' }];
        delete schema.$ref;
        delete schema.nullable;
      }
      seen.push(toPointer(path));
    });
    expect(seen).toEqual(['/components/schemas/S', '/components/schemas/S/anyOf/0', '/components/schemas/S/anyOf/1']);
  });
});
