/**
 * The probe reports what differs: a mock serving a profile with three claims flipped drifts on
 * exactly those three fields, and a scripted provider that clamps and rewrites values is judged
 * `transformed`.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { OpenAPIDocument } from '../../src/build/types.ts';
import { startMock, type RunningMock } from '../../src/mock/start.ts';
import { generatedSpec } from '../mock/helpers.ts';
import { probe, projectRoot } from './helpers.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'probe-differences-'));
const mocks: RunningMock[] = [];
afterAll(() => Promise.all(mocks.map((m) => m.close())));

/** A profile's resolved spec with some chat completions field claims replaced. */
function withClaims(profile: string, claims: Record<string, unknown>): OpenAPIDocument {
  const spec = generatedSpec(profile) as any;
  const fields = spec.paths['/chat/completions'].post['x-compat'].fields['request.body'];
  Object.assign(fields, claims);
  return spec as OpenAPIDocument;
}

describe('a mock whose profile differs from the one probed', () => {
  it('reports exactly the flipped claims as drift', async () => {
    const mock = await startMock({ provider: 'groq', spec: withClaims('groq', { stop: { status: 'ignored' }, seed: { status: 'ignored' }, parallel_tool_calls: { status: 'ignored' } }) });
    mocks.push(mock);
    const out = path.join(dir, 'flipped.json');
    const result = await probe(['groq', '--base-url', mock.url, '--model', 'probe-model', '--rate', '1000', '--out', out]);
    const drift = result.report!.results.filter((r) => !r.agrees).map((r) => [r.field, r.documented, r.verdict]);
    expect(drift).toEqual([
      ['stop', 'supported', 'ignored'],
      ['seed', 'supported', 'ignored'],
      ['parallel_tool_calls', 'supported', 'ignored'],
    ]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^POST \/chat\/completions\s+stop\s+supported\s+ignored\s+DRIFT/m);
  });

  it('sees a value rule the mock applies: n clamped to 2 is transformed, drift from a supported claim', async () => {
    const rule = { status: 'partial', note: 'At most 2', rules: [{ when: { above: 2 }, effect: 'clamp', to: 2 }] };
    // gemini documents n as supported, and its schema leaves n open (groq's compiles "must be 1" into it).
    const mock = await startMock({ provider: 'gemini', spec: withClaims('gemini', { n: rule }) });
    mocks.push(mock);
    const result = await probe(['gemini', '--base-url', mock.url, '--model', 'probe-model', '--rate', '1000', '--fields', 'n', '--out', path.join(dir, 'clamp.json')]);
    const [n] = result.report!.results;
    expect([n.verdict, n.reason]).toEqual(['transformed', 'the count differs from what was asked: choices: control 1, n=2 → 2, n=3 → 2']);
    expect([n.documented, n.agrees]).toEqual(['supported', false]);
  });
});

describe('a scripted scenario (--fixtures) that clamps and rewrites', () => {
  it('classifies both as transformed, with the answers that show it', async () => {
    const mock = await startMock({ provider: 'openai', fixtures: path.join(projectRoot, 'test/fixtures/probe/transforms.yaml') });
    mocks.push(mock);
    const out = path.join(dir, 'scripted.json');
    const result = await probe(['openai', '--base-url', mock.url, '--model', 'probe-model', '--rate', '1000', '--fields', 'n,max_tokens,max_completion_tokens', '--out', out]);
    const chat = result.report!.results.filter((r) => r.operation === 'POST /chat/completions');
    const verdicts = Object.fromEntries(chat.map((r) => [r.field, [r.verdict, r.excerpt]]));
    expect(verdicts).toEqual({
      max_tokens: ['transformed', 'completion_tokens: 5'],
      max_completion_tokens: ['honoured', 'finish_reason: length'],
      n: ['transformed', '2 choices'],
    });
    const n = chat.find((r) => r.field === 'n')!;
    expect(n.exchanges.map((e) => [e.role, (e.request.body as { n?: number }).n ?? null, e.response?.status])).toEqual([
      ['control', null, 200],
      ['treatment', 2, 200],
      ['treatment-2', 3, 200],
    ]);
    // The base profile documents nothing: transformed is drift from OpenAI's contract.
    expect(result.code).toBe(1);
    expect(JSON.parse(readFileSync(out, 'utf8')).summary.drift).toBe(2);
  });
});
