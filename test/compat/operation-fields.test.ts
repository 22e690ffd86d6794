import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createFieldReader, listOperations } from '../../src/compat/operation-fields.ts';
import { parseYaml } from '../../src/load/document.ts';

const base = parseYaml(readFileSync('test/fixtures/compat/mini/base.yaml', 'utf8'), 'base.yaml') as Record<string, unknown>;
const provider = parseYaml(readFileSync('test/fixtures/compat/mini/provider.yaml', 'utf8'), 'provider.yaml') as Record<string, unknown>;

function fieldsOf(doc: Record<string, unknown>, key: string) {
  const op = listOperations(doc).find((o) => o.key === key);
  if (!op) throw new Error(`no ${key}`);
  const fields = createFieldReader(doc)(op);
  return Object.fromEntries(Object.entries(fields).map(([location, map]) => [location, [...map.keys()].sort()]));
}

describe('operation fields', () => {
  it('lists operations as METHOD /path in document order', () => {
    expect(listOperations(base).map((o) => o.key)).toEqual(['POST /chat/completions', 'GET /models', 'POST /embeddings']);
  });

  it('walks the request body, success responses (stream events apart), and the auth header', () => {
    const fields = fieldsOf(base, 'POST /chat/completions');
    expect(fields['request.body']).toContain('messages[].tool_calls[].function.name');
    expect(fields['request.body']).toContain('temperature'); // from allOf
    expect(fields['response.body']).toContain('usage.completion_tokens_details.reasoning_tokens');
    expect(fields['response.stream']).toContain('choices[].delta.content'); // text/event-stream
    expect(fields['response.body']).not.toContain('choices[].delta.content');
    expect(fields['response.body']).not.toContain('error'); // 429 is not a success
    expect(fields['request.header']).toEqual(['authorization']);
    expect(fields['request.query']).toEqual([]);
  });

  it('reads query and header parameters through $ref, header names lower case', () => {
    expect(fieldsOf(base, 'GET /models')).toEqual({
      'request.body': [],
      'request.query': ['limit'],
      'request.header': ['authorization', 'x-trace'],
      'response.body': ['data', 'data[].id'],
      'response.stream': [],
      'response.header': [],
    });
  });

  it('reads apiKey security schemes and response headers of the provider spec', () => {
    const fields = fieldsOf(provider, 'POST /chat/completions');
    expect(fields['request.header']).toEqual(['authorization', 'x-api-key']);
    expect(fields['response.header']).toEqual(['x-ratelimit-limit-requests']);
    expect(fields['request.body']).toContain('min_tokens');
    expect(fields['request.body']).not.toContain('store');
  });
});
