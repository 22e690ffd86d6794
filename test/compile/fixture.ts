/**
 * A small spec shaped like OpenAI's: the chat request declares `top_logprobs` itself and through
 * `allOf` members shared with `POST /responses`; messages are a `oneOf` of roles.
 */
import type { JsonObject } from '../../src/load/json.ts';

const json = (ref: string) => ({ content: { 'application/json': { schema: { $ref: `#/components/schemas/${ref}` } } } });

export function chatSpec(): JsonObject {
  return {
    openapi: '3.1.0',
    info: { title: 'fixture', version: '1' },
    paths: {
      '/chat/completions': { post: { operationId: 'createChatCompletion', requestBody: json('CreateChatCompletionRequest'), responses: { '200': { description: 'ok', ...json('ChatResponse') } } } },
      '/responses': { post: { operationId: 'createResponse', requestBody: json('CreateResponse'), responses: { '200': { description: 'ok', ...json('ChatResponse') } } } },
    },
    components: {
      schemas: {
        ModelResponseProperties: { type: 'object', properties: { top_logprobs: { type: 'integer', minimum: 0, maximum: 20 }, temperature: { type: 'number', minimum: 0, maximum: 2 } } },
        CreateModelResponseProperties: { allOf: [{ $ref: '#/components/schemas/ModelResponseProperties' }, { type: 'object', properties: { top_logprobs: { type: 'integer' } } }] },
        CreateChatCompletionRequest: {
          allOf: [
            { $ref: '#/components/schemas/CreateModelResponseProperties' },
            {
              type: 'object',
              required: ['model', 'messages'],
              properties: {
                model: { type: 'string' },
                messages: { type: 'array', items: { $ref: '#/components/schemas/Message' } },
                top_logprobs: { type: 'integer' },
                n: { type: ['integer', 'null'], minimum: 1, maximum: 128 },
                response_format: { type: 'string', enum: ['json', 'text', 'srt', 'vtt'] },
              },
            },
          ],
        },
        CreateResponse: { allOf: [{ $ref: '#/components/schemas/CreateModelResponseProperties' }, { type: 'object', properties: { input: { type: 'string' } } }] },
        Message: {
          oneOf: [{ $ref: '#/components/schemas/SystemMessage' }, { $ref: '#/components/schemas/DeveloperMessage' }, { $ref: '#/components/schemas/UserMessage' }],
          discriminator: { propertyName: 'role', mapping: { system: '#/components/schemas/SystemMessage', developer: '#/components/schemas/DeveloperMessage', user: '#/components/schemas/UserMessage' } },
        },
        SystemMessage: { type: 'object', required: ['role', 'content'], properties: { role: { type: 'string', enum: ['system'] }, content: { type: 'string' }, name: { type: 'string' } } },
        DeveloperMessage: { type: 'object', required: ['role'], properties: { role: { type: 'string', enum: ['developer'] }, content: { type: 'string' }, name: { type: 'string' } } },
        UserMessage: { type: 'object', required: ['role', 'name'], properties: { role: { type: 'string', const: 'user' }, content: { type: 'string' }, name: { type: 'string' } } },
        ChatResponse: { type: 'object', properties: { id: { type: 'string' }, system_fingerprint: { type: 'string' } } },
      },
    },
  };
}
