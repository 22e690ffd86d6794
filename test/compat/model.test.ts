import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildCompatReport } from '../../src/compat/model.ts';
import type { FieldRow } from '../../src/compat/types.ts';
import { parseYaml } from '../../src/load/document.ts';
import { parseProfile } from '../../src/profile/parse.ts';

const dir = 'test/fixtures/compat/mini';
const base = parseYaml(readFileSync(`${dir}/base.yaml`, 'utf8'), 'base.yaml') as Record<string, unknown>;
const spec = parseYaml(readFileSync(`${dir}/provider.yaml`, 'utf8'), 'provider.yaml') as Record<string, unknown>;
const provenance = JSON.parse(readFileSync(`${dir}/provenance.json`, 'utf8')) as unknown[];
const baseInfo = { title: 'Mini API', version: '1.0.0', sha256: '0'.repeat(64) };

const { report, diagnostics } = buildCompatReport({ id: 'mini', spec, base, provenance, overlayFile: 'spec/providers/mini/overlay.yaml' }, baseInfo);
const chat = 'POST /chat/completions';
const compatUrl = 'https://docs.mini.example/compat';

function row(operation: string, location: FieldRow['location'], field: string): FieldRow | undefined {
  return report.fields.find((r) => r.operation === operation && r.location === location && r.field === field);
}

type Want = Partial<FieldRow> & { actionIndexes?: number[] };
const fieldCases: [string, FieldRow['location'], string, Want][] = [
  [chat, 'request.body', 'model', { status: 'partial', note: 'use MiniAI model names', source: compatUrl, verified: '2026-11-01', claimed: true }],
  [chat, 'request.body', 'n', { status: 'partial', note: 'must be 1', actionIndexes: [2, 4] }],
  [chat, 'request.body', 'store', { status: 'unsupported', inBase: true, inProvider: false, actionIndexes: [1, 4] }],
  [chat, 'request.body', 'tools', { status: 'ignored', note: 'tools are stripped' }],
  [chat, 'request.body', 'tools[].function.name', { status: 'ignored', inherited: 'tools', claimed: false, note: undefined }],
  [chat, 'request.body', 'function', { status: 'ignored', inBase: false, inProvider: false, source: 'https://docs.mini.example/api', verified: '2026-10-15' }],
  [chat, 'request.body', 'min_tokens', { status: 'extension', inBase: false, inProvider: true, actionIndexes: [3, 4] }],
  [chat, 'request.body', 'max_tokens', { status: 'deprecated', replacement: 'max_completion_tokens', verified: '2026-11-20' }],
  [chat, 'request.body', 'messages[].name', { status: 'unsupported' }],
  [chat, 'request.body', 'messages[].tool_calls', { status: 'undocumented', claimed: false, source: undefined, actionIndexes: undefined }],
  [chat, 'request.body', 'temperature', { status: 'undocumented' }],
  [chat, 'request.body', 'stream_options', { status: 'undocumented', unverified: 'Stream options' }],
  [chat, 'request.header', 'authorization', { status: 'supported', claimed: true }],
  [chat, 'request.header', 'x-api-key', { status: 'extension', inBase: false, inProvider: true }],
  [chat, 'response.body', 'usage.completion_tokens_details', { status: 'unsupported' }],
  [chat, 'response.body', 'usage.completion_tokens_details.reasoning_tokens', { status: 'unsupported', inherited: 'usage.completion_tokens_details' }],
  [chat, 'response.stream', 'choices[].delta.content', { status: 'undocumented' }],
  [chat, 'response.header', 'x-ratelimit-limit-requests', { status: 'supported', inBase: false, inProvider: true }],
  [chat, 'response.header', 'openai-version', { status: 'unsupported', inProvider: false }],
  ['GET /models', 'request.query', 'limit', { status: 'undocumented' }],
  ['GET /models', 'request.header', 'x-api-key', { status: 'extension', claimed: false }],
  ['POST /reasoning', 'request.body', 'prompt', { status: 'extension', inBase: false }],
];

describe('compat model on the mini fixtures', () => {
  it.each(fieldCases)('%s %s %s', (operation, location, field, want) => {
    const got = row(operation, location, field);
    expect(got).toBeDefined();
    const { actionIndexes, ...rest } = want;
    for (const [key, value] of Object.entries(rest)) expect(got?.[key as keyof FieldRow], key).toEqual(value);
    if ('actionIndexes' in want) expect(got?.actions?.map((a) => a.index)).toEqual(actionIndexes);
  });

  it('gives every operation a status: claimed, not offered, or the provider\'s own', () => {
    expect(report.operations.map((o) => [o.operation, o.status, o.offered, o.note])).toEqual([
      [chat, 'supported', true, undefined],
      ['POST /embeddings', 'unsupported', false, 'not offered'],
      ['GET /models', 'supported', true, 'lists MiniAI models'],
      ['POST /reasoning', 'extension', true, undefined],
    ]);
    expect(report.operations.find((o) => o.operation === 'POST /reasoning')?.actions).toEqual([{ index: 5, description: 'reasoning endpoint' }]);
    expect(report.operations.find((o) => o.operation === 'POST /embeddings')?.unverified).toBe('Embeddings');
    expect(report.provider.unverified?.map((u) => u.capability)).toEqual(['Embeddings', 'Stream options', 'Error semantics']);
  });

  it('counts the fields of each offered operation by status, and sums them for the provider', () => {
    const fieldsOf = (operation: string) => report.fields.filter((r) => r.operation === operation);
    for (const op of report.operations.filter((o) => o.offered)) {
      const rows = fieldsOf(op.operation);
      expect(op.counts?.undocumented, op.operation).toBe(rows.filter((r) => r.status === 'undocumented').length);
      for (const status of ['supported', 'partial', 'ignored', 'unsupported', 'deprecated', 'extension'] as const) {
        expect(op.counts?.byStatus[status], `${op.operation} ${status}`).toBe(rows.filter((r) => r.status === status).length);
      }
    }
    expect(report.operations.find((o) => !o.offered)?.counts).toBeUndefined();
    const offered = report.operations.filter((o) => o.offered).map((o) => o.counts!);
    expect(report.counts.undocumented).toBe(offered.reduce((sum, c) => sum + c.undocumented, 0));
    expect(report.counts.byStatus.supported).toBe(offered.reduce((sum, c) => sum + c.byStatus.supported, 0));
  });

  it('keeps an operation\'s counts when another endpoint is offered', () => {
    // The same provider without POST /reasoning: the chat counts are unchanged.
    const withoutReasoning = structuredClone(spec) as { paths: Record<string, unknown> };
    delete withoutReasoning.paths['/reasoning'];
    const { report: fewer } = buildCompatReport({ id: 'mini', spec: withoutReasoning, base, provenance, overlayFile: 'spec/providers/mini/overlay.yaml' }, baseInfo);
    const counts = (r: typeof report) => r.operations.find((o) => o.operation === chat)?.counts;
    expect(counts(fewer)).toEqual(counts(report));
    expect(fewer.counts.byStatus.extension).toBeLessThan(report.counts.byStatus.extension);
  });

  it('describes the provider from the root claims and the base from the pin', () => {
    expect(report.provider).toMatchObject({ id: 'mini', name: 'MiniAI', baseUrl: 'https://api.mini.example/v1', sources: [compatUrl, 'https://docs.mini.example/api'], models: ['mini-1'] });
    expect(report.base).toEqual({ title: 'Mini API', version: '1.0.0', sha256: '0'.repeat(64) });
  });

  it('sorts rows by path, method, location and field', () => {
    const keys = report.fields.map((r) => `${r.operation}|${r.location}|${r.field}`);
    expect(keys.indexOf(`${chat}|request.body|function`)).toBeLessThan(keys.indexOf(`${chat}|request.body|model`));
    expect(keys.indexOf(`${chat}|response.header|x-ratelimit-limit-requests`)).toBeLessThan(keys.indexOf('GET /models|request.query|limit'));
  });

  it('warns about claims that name no field, and about fields removed without a claim', () => {
    const withTypo = structuredClone(spec) as any;
    withTypo.paths['/chat/completions'].post['x-compat'].fields['request.body'].temprature = { status: 'supported' };
    delete withTypo.paths['/chat/completions'].post['x-compat'].fields['request.body'].store;
    const { diagnostics: found } = buildCompatReport({ id: 'mini', spec: withTypo, base, provenance, overlayFile: 'o.yaml' }, baseInfo);
    expect(found.map((d) => [d.code, d.severity, d.location?.pointer])).toEqual([
      ['compat-removed-without-claim', 'warning', '/paths/~1chat~1completions/post'],
      ['compat-claim-unknown-field', 'warning', '/paths/~1chat~1completions/post/x-compat/fields/request.body/temprature'],
    ]);
    expect(diagnostics).toEqual([]);
  });
});

describe('claims the spec cannot show', () => {
  const warnings = (location: string, key: string, claim: Record<string, unknown>) => {
    const changed = structuredClone(spec) as any;
    const fields = changed.paths['/chat/completions'].post['x-compat'].fields;
    fields[location] = { ...fields[location], [key]: claim };
    const { diagnostics: found } = buildCompatReport({ id: 'mini', spec: changed, base, provenance, overlayFile: 'o.yaml' }, baseInfo);
    return found.filter((d) => d.message.includes(`"${key}"`)).map((d) => d.code);
  };

  it('takes a header of a 429 answer as stated, and checks one of a 200 answer', () => {
    expect(warnings('response.header', 'retry-after', { status: 'supported', statuses: [429] })).toEqual([]);
    expect(warnings('response.header', 'retry-after', { status: 'supported', statuses: [200, 429] })).toEqual(['compat-claim-unknown-field']);
  });

  it('does not judge notInApi on a variant key by the plain path other branches hold', () => {
    expect(warnings('request.body', 'messages[role=tool].name', { status: 'ignored', notInApi: true })).toEqual([]);
    expect(warnings('request.body', 'model', { status: 'supported', notInApi: true })).toEqual(['compat-not-in-api-exists']);
  });
});

describe('a field removed by an unsupported variant claim', () => {
  const removedToolCalls = (claim?: string) => {
    const changed = structuredClone(spec) as any;
    delete changed.components.schemas.AssistantMessage.properties.tool_calls;
    if (claim) changed.paths['/chat/completions'].post['x-compat'].fields['request.body'][claim] = { status: 'unsupported' };
    const { diagnostics: found } = buildCompatReport({ id: 'mini', spec: changed, base, provenance, overlayFile: 'o.yaml' }, baseInfo);
    return found.filter((d) => d.message.includes('request.body "messages[].tool_calls"')).map((d) => d.code);
  };

  it('is explained by the claim on the variant (the field itself, or the branch holding it)', () => {
    expect(removedToolCalls()).toEqual(['compat-removed-without-claim']);
    expect(removedToolCalls('messages[role=assistant].tool_calls')).toEqual([]);
    expect(removedToolCalls('messages[role=assistant]')).toEqual([]);
  });
});

describe('an operation claimed unsupported', () => {
  // The resolve stage slices such an operation away and keeps its claim in the model's `unoffered`.
  const placed = { index: 6, target: "$.paths['/embeddings'].post", kind: 'update', description: 'embeddings are not offered', extensions: {}, matched: ['/paths/~1embeddings/post'], added: ['/paths/~1embeddings/post/x-compat'], changed: [], removed: [] };
  const claimed = structuredClone(spec) as { paths: Record<string, Record<string, unknown>> };
  claimed.paths['/embeddings'] = { post: { 'x-compat': { status: 'unsupported', note: 'use the native API', replacement: 'POST /native/embed' } } };
  const model = parseProfile(claimed, { id: 'mini' }).model;

  it('keeps its note and replacement, and the action that claimed it', () => {
    const { report: withClaim, diagnostics: found } = buildCompatReport({ id: 'mini', spec, base, provenance: [...provenance, placed], overlayFile: 'o.yaml', model }, baseInfo);
    const row = withClaim.operations.find((o) => o.operation === 'POST /embeddings');
    expect(row).toMatchObject({ status: 'unsupported', note: 'use the native API', replacement: 'POST /native/embed', offered: false });
    expect(row?.source).toBeTruthy();
    expect(row?.actions?.map((a) => a.index)).toEqual([6]);
    expect(found).toEqual([]);
  });

  it('says "not offered" where no claim names it', () => {
    const { report: plain } = buildCompatReport({ id: 'mini', spec, base, provenance, overlayFile: 'o.yaml' }, baseInfo);
    expect(plain.operations.find((o) => o.operation === 'POST /embeddings')).toMatchObject({ status: 'unsupported', note: 'not offered', offered: false });
  });
});

describe('the base profile', () => {
  const { report: openai } = buildCompatReport({ id: 'openai', spec: base, base, provenance: [] }, baseInfo);

  it('calls every base field supported', () => {
    expect(new Set(openai.fields.map((r) => r.status))).toEqual(new Set(['supported']));
    expect(openai.counts.byStatus.supported).toBe(openai.fields.length);
    expect(openai.operations.every((o) => o.offered && o.status === 'supported')).toBe(true);
    expect(openai.provider).toMatchObject({ id: 'openai', name: 'OpenAI', baseUrl: 'https://api.example.com/v1' });
  });
});
