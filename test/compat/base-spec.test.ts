/** The walker and the base profile on the real upstream spec. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildCompatReport } from '../../src/compat/model.ts';
import { createFieldReader, listOperations } from '../../src/compat/operation-fields.ts';
import { parseYaml } from '../../src/load/document.ts';

const base = parseYaml(readFileSync('spec/base/openai.yaml', 'utf8'), 'spec/base/openai.yaml') as Record<string, unknown>;
const operations = listOperations(base);
const chat = operations.find((o) => o.key === 'POST /chat/completions')!;

describe('fields of the upstream spec', () => {
  const fields = createFieldReader(base)(chat);

  it.each([
    ['request.body', 'messages[].tool_calls'],
    ['request.body', 'messages[].tool_calls[].function.arguments'],
    ['request.body', 'messages[].content[].image_url.url'],
    ['request.body', 'messages[].name'],
    ['request.body', 'stream_options.include_usage'],
    ['request.body', 'tools[].function.parameters'],
    ['request.body', 'temperature'],
    ['request.header', 'authorization'],
    ['response.body', 'usage.completion_tokens_details'],
    ['response.body', 'usage.completion_tokens_details.reasoning_tokens'],
    ['response.body', 'choices[].message.tool_calls'],
    ['response.stream', 'choices[].delta.content'],
    ['response.body', 'system_fingerprint'],
  ] as const)('POST /chat/completions %s has %s', (location, path) => {
    expect(fields[location].has(path)).toBe(true);
  });

  it('walks all 288 operations, with query parameters and multipart bodies', () => {
    expect(operations).toHaveLength(288);
    const read = createFieldReader(base);
    const transcription = read(operations.find((o) => o.key === 'POST /audio/transcriptions')!);
    expect(transcription['request.body'].has('file')).toBe(true);
    const listFiles = read(operations.find((o) => o.key === 'GET /files')!);
    expect([...listFiles['request.query'].keys()]).toEqual(expect.arrayContaining(['purpose', 'limit', 'order', 'after']));
  });

  it('gives an operation the same fields alone as after walking every other one', () => {
    const alone = createFieldReader(base);
    const afterAll = createFieldReader(base);
    const responses = operations.find((o) => o.key === 'POST /responses')!;
    for (const op of operations) afterAll(op);
    const a = alone(responses);
    const b = afterAll(responses);
    for (const location of Object.keys(a) as (keyof typeof a)[]) expect([...b[location].entries()]).toEqual([...a[location].entries()]);
  });
});

describe('the openai profile on the upstream spec', () => {
  it('offers every operation and supports every field', () => {
    const { report } = buildCompatReport({ id: 'openai', spec: base, base, provenance: [] }, { title: 'OpenAI API', version: '2.3.0', sha256: 'x' });
    expect(report.operations).toHaveLength(288);
    expect(report.counts.byStatus.supported).toBe(report.fields.length);
    expect(report.counts.undocumented).toBe(0);
    expect(report.provider.baseUrl).toBe('https://api.openai.com/v1');
  });
});
