/**
 * `--propose`: the Overlay it writes applies strictly to the provider's resolved spec (after the
 * provider's own overlay), and the profile model then carries `observed` on exactly the probed
 * claims, next to their untouched status, note and source.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseYaml } from '../../src/load/document.ts';
import { startMock, type RunningMock } from '../../src/mock/start.ts';
import { applyOverlay } from '../../src/overlay/index.ts';
import { parseProfile } from '../../src/profile/parse.ts';
import type { Claim, ProfileModel } from '../../src/profile/types.ts';
import { generatedSpec } from '../mock/helpers.ts';
import { probe } from './helpers.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'probe-propose-'));
const mocks: RunningMock[] = [];
afterAll(() => Promise.all(mocks.map((m) => m.close())));

/** Probes `profile` against `mock`, applies the proposed overlay to its resolved spec, and parses the result. */
async function proposeAndApply(profile: string, mock: RunningMock, fields: string) {
  const overlayFile = path.join(dir, `${profile}.overlay.yaml`);
  const result = await probe([profile, '--base-url', mock.url, '--model', 'probe-model', '--rate', '1000', '--fields', fields, '--out', path.join(dir, `${profile}.json`), '--propose', overlayFile]);
  const overlay = parseYaml(readFileSync(overlayFile, 'utf8'), overlayFile) as { overlay: string; actions: { target: string; update: unknown }[] };
  const before = generatedSpec(profile);
  const applied = applyOverlay(before, overlay, { strict: true, file: overlayFile });
  const model = parseProfile(applied.document as Record<string, unknown>, { id: profile }).model;
  const claims = (m: ProfileModel, field: string): Claim[] => m.operations.find((o) => o.key === 'POST /chat/completions')!.fields['request.body']![field];
  const original = parseProfile(before as Record<string, unknown>, { id: profile }).model;
  return { result, overlay, applied, claims: (field: string) => claims(model, field), originalClaims: (field: string) => claims(original, field) };
}

describe('probe --propose', () => {
  it('records observed next to the documented claims, drift included, without touching them', async () => {
    const spec = generatedSpec('groq') as any;
    spec.paths['/chat/completions'].post['x-compat'].fields['request.body'].stop = { status: 'ignored' };
    const mock = await startMock({ provider: 'groq', spec });
    mocks.push(mock);
    const { result, overlay, applied, claims, originalClaims } = await proposeAndApply('groq', mock, 'stop,max_completion_tokens,logprobs,user');
    expect(overlay.overlay).toBe('1.1.0');
    expect(applied.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const date = result.report!.date;
    expect(claims('stop')[0]).toEqual({ ...originalClaims('stop')[0], observed: expect.objectContaining({ status: 'ignored', date, model: 'probe-model', evidence: path.join(dir, 'groq.json') }) });
    expect(claims('max_completion_tokens')[0].observed?.status).toBe('honoured');
    expect(claims('logprobs')[0].observed?.status).toBe('rejected');
    expect(claims('logprobs')[0].status).toBe('unsupported');
    // user is only seen to be accepted (unobservable): nothing is proposed for it.
    expect(claims('user')[0].observed).toBeUndefined();
    expect(overlay.actions.map((a) => a.target)).toEqual([
      "$['paths']['/chat/completions']['post']['x-compat']['fields']['request.body']['max_completion_tokens']",
      "$['paths']['/chat/completions']['post']['x-compat']['fields']['request.body']['stop']",
      "$['paths']['/chat/completions']['post']['x-compat']['fields']['request.body']['logprobs']",
    ]);
  });

  it('targets the claim that holds for the requests (DeepSeek: its default thinking mode) by its index', async () => {
    const mock = await startMock({ provider: 'deepseek' });
    mocks.push(mock);
    const { result, overlay, applied, claims } = await proposeAndApply('deepseek', mock, 'max_tokens,logprobs');
    expect(applied.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.report!.mode).toBe('thinking');
    for (const [field, want] of [['max_tokens', 'honoured'], ['logprobs', 'rejected']]) {
      const list = claims(field);
      const thinking = list.findIndex((c) => c.mode === 'thinking');
      expect(list.map((c) => c.observed?.status)).toEqual(list.map((_, i) => (i === thinking ? want : undefined)));
      expect(overlay.actions.some((a) => a.target.endsWith(`['${field}'][${thinking}]`))).toBe(true);
    }
  });
});
