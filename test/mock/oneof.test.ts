/**
 * How the mock judges `oneOf` (docs/mock.md): as `anyOf`, like OpenAI's own SDK test server, and a
 * failing union is named at its own field. The cases are openai-node's generated tests that a
 * strict reading turned into 400s naming the wrong field.
 */
import OpenAI from 'openai';
import { expect, it } from 'vitest';
import type { ErrorObject } from 'ajv';
import { openaiMock } from './helpers.ts';
import { mostSpecific, relaxOneOf } from '../../src/mock/validate.ts';

const env = openaiMock();

const both = { vector_store_ids: ['vs_1'], vector_stores: [{ file_ids: ['file-1'], chunking_strategy: { type: 'auto' as const } }] };

it('accepts a value that several oneOf branches fit (assistants and threads)', async () => {
  const assistant = await env.client.beta.assistants.create({ model: 'gpt-4o', tool_resources: { code_interpreter: { file_ids: ['f'] }, file_search: both } });
  expect(assistant.object).toBe('assistant');
  const run = await env.client.beta.threads.createAndRun({ assistant_id: 'asst_1', thread: { tool_resources: { file_search: both } } });
  expect(run.object).toBe('thread.run');
});

it('names the field inside the union when no branch fits', async () => {
  const error = await env.client.beta.assistants.create({ model: 'gpt-4o', tool_resources: { file_search: {} } }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(OpenAI.BadRequestError);
  expect((error as InstanceType<typeof OpenAI.BadRequestError>).param).toMatch(/^tool_resources\.file_search/);
});

it('relaxes oneOf to anyOf everywhere, and keeps a schema that already has anyOf', () => {
  expect(relaxOneOf({ properties: { a: { oneOf: [{ type: 'string' }] } } })).toEqual({ properties: { a: { anyOf: [{ type: 'string' }] } } });
  expect(relaxOneOf({ anyOf: [{}], oneOf: [{}] })).toEqual({ anyOf: [{}], oneOf: [{}] });
});

it('reports a union failing deeper than every branch error at the union', () => {
  const error = (instancePath: string, keyword: string): ErrorObject => ({ instancePath, keyword, schemaPath: '#', params: {}, message: keyword });
  expect(mostSpecific([error('/tool_resources', 'type'), error('/tool_resources/file_search', 'oneOf'), error('/tool_resources', 'anyOf')])?.instancePath).toBe('/tool_resources/file_search');
  expect(mostSpecific([error('/a/b', 'required'), error('/a', 'anyOf')])?.keyword).toBe('required');
});

it('names every field the branches of an anyOf ask for when none is sent', async () => {
  const error = await env.client.vectorStores.fileBatches.create('vs_1', {}).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(OpenAI.BadRequestError);
  expect([(error as InstanceType<typeof OpenAI.BadRequestError>).param, (error as Error).message]).toEqual(['file_ids', "400 Missing required parameter: one of 'file_ids' or 'files'."]);
});
