/**
 * Round trip on every built profile: the probe, run against the native mock of a profile, recovers
 * that profile's own claims (no drift), and every field a design can observe gets a decided verdict
 * unless the field it builds on is not honoured.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type RunningMock } from '../../src/mock/start.ts';
import { PROFILES } from '../mock/helpers.ts';
import { probe, SENTINEL_KEY } from './helpers.ts';

/** Fields whose design needs another field to work: top_logprobs needs logprobs, tool_choice needs tools... */
const dependsOn: Record<string, string[]> = {
  top_logprobs: ['logprobs'],
  tool_choice: ['tools'],
  parallel_tool_calls: ['tools'],
  stream_options: ['stream'],
  'stream_options.include_usage': ['stream'],
};

const dir = mkdtempSync(path.join(tmpdir(), 'probe-round-trip-'));

describe.each(PROFILES)('probe of %s against its own mock', (profile) => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startMock({ provider: profile });
  });
  afterAll(() => mock?.close());

  it('agrees with every claim it can observe', async () => {
    const out = path.join(dir, `${profile}.json`);
    // A model no claim is scoped to: the mock applies unscoped claims only.
    const result = await probe([profile, '--base-url', mock.url, '--model', 'probe-model', '--rate', '1000', '--max-requests', '200', '--out', out]);
    const report = result.report!;
    const drift = report.results.filter((r) => !r.agrees).map((r) => `${r.operation} ${r.field}: documented ${r.documented}, observed ${r.verdict} (${r.reason})`);
    expect(drift).toEqual([]);
    // A design leaves a field undecided only when the field it builds on is not honoured.
    const honoured = new Set(report.results.filter((r) => r.verdict === 'honoured').map((r) => `${r.operation} ${r.field}`));
    const undecided = report.results.filter((r) => r.verdict === 'inconclusive' && !(dependsOn[r.field] ?? []).some((f) => !honoured.has(`${r.operation} ${f}`)));
    expect(undecided.map((r) => `${r.operation} ${r.field}: ${r.reason}`)).toEqual([]);
    expect(result.code).toBe(0);
    expect(report.complete).toBe(true);
    expect(`${result.reportText}${result.stdout}${result.stderr}`).not.toContain(SENTINEL_KEY);
  });
});
