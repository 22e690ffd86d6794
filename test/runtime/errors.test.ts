import { describe, expect, it } from 'vitest';
import { parseErrorBody, type ErrorDetail } from '../../src/runtime/errors.ts';

describe('parseErrorBody', () => {
  const cases: { name: string; body: string; want: ErrorDetail }[] = [
    {
      name: "OpenAI's envelope",
      body: '{"error":{"message":"bad n","type":"invalid_request_error","param":"n","code":"invalid_value"}}',
      want: { message: 'bad n', type: 'invalid_request_error', param: 'n', code: 'invalid_value' },
    },
    { name: 'envelope with missing fields', body: '{"error":{"message":"nope"}}', want: { message: 'nope', type: null, param: null, code: null } },
    { name: 'numeric code', body: '{"error":{"message":"x","code":429}}', want: { message: 'x', type: null, param: null, code: '429' } },
    { name: 'error as a string', body: '{"error":"Validation failed"}', want: { message: 'Validation failed', type: null, param: null, code: null } },
    { name: 'flat message object', body: '{"message":"Unauthorized","code":"401"}', want: { message: 'Unauthorized', type: null, param: null, code: '401' } },
    { name: 'FastAPI detail', body: '{"detail":"Not Found"}', want: { message: 'Not Found', type: null, param: null, code: null } },
    { name: 'FastAPI detail list', body: '{"detail":[{"loc":["body","n"]}]}', want: { message: '[{"loc":["body","n"]}]', type: null, param: null, code: null } },
    { name: 'plain text', body: 'Bad Gateway\n', want: { message: 'Bad Gateway', type: null, param: null, code: null } },
    { name: 'empty body', body: '', want: { message: 'HTTP 503', type: null, param: null, code: null } },
    { name: 'JSON null', body: 'null', want: { message: 'HTTP 503', type: null, param: null, code: null } },
    { name: 'envelope with a non-string message', body: '{"error":{"message":{"text":"x"}}}', want: { message: '{"text":"x"}', type: null, param: null, code: null } },
  ];
  for (const { name, body, want } of cases) {
    it(name, () => expect(parseErrorBody(body, 503)).toEqual(want));
  }
});
