/**
 * Safe by default: a dry run sends nothing, 429s are retried after the server's retry-after, the
 * budget stops a run with a partial report, an unreachable endpoint is exit code 3, the key is never
 * written (even when a server echoes it), and Ctrl-C leaves a valid partial report.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type RunningMock } from '../../src/mock/start.ts';
import type { ProbeReport } from '../../src/probe/types.ts';
import { probe, projectRoot, SENTINEL_KEY } from './helpers.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'probe-safety-'));
let mock: RunningMock;
const received = () => [...mock.engine!.counts.values()].reduce((a, b) => a + b, 0);
const fast = ['--model', 'probe-model', '--rate', '1000'];

beforeAll(async () => {
  mock = await startMock({ provider: 'groq' });
});
afterAll(() => mock?.close());

describe('probe safety', () => {
  it('--dry-run prints the plan and its request count and sends nothing', async () => {
    const before = received();
    const result = await probe(['groq', '--base-url', mock.url, '--dry-run']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^probe plan for groq, model openai\/gpt-oss-20b: \d+ fields, at most \d+ requests/);
    expect(result.stdout).toMatch(/POST \/chat\/completions\s+max_tokens\s+deprecated\s+effect: control, treatment/);
    expect(received()).toBe(before);
  });

  it('retries a 429 after its retry-after, and records the retries', async () => {
    await fetch(`${mock.url.replace(/\/v1$/, '')}/__mock/faults`, { method: 'POST', body: JSON.stringify({ status: 429, count: 2 }) });
    const result = await probe(['groq', '--base-url', mock.url, ...fast, '--fields', 'max_completion_tokens', '--out', path.join(dir, '429.json')]);
    const [field] = result.report!.results;
    expect([field.verdict, field.exchanges[0].retries, field.exchanges[0].response?.status]).toEqual(['honoured', 2, 200]);
    expect(result.report!.requests.sent).toBe(4);
  });

  it('stops at --max-requests with a partial report and exit code 1', async () => {
    const result = await probe(['groq', '--base-url', mock.url, ...fast, '--max-requests', '5', '--out', path.join(dir, 'budget.json')]);
    expect(result.code).toBe(1);
    expect([result.report!.complete, result.report!.stoppedBecause]).toEqual([false, 'max-requests']);
    expect(result.report!.requests.sent).toBeLessThanOrEqual(5);
    // The three share one control; n (3 more requests) would overrun the budget, so it is not started.
    expect(result.report!.results.map((r) => r.field)).toEqual(['max_tokens', 'max_completion_tokens', 'stop']);
    expect(result.report!.results[1].exchanges[0]).toMatchObject({ role: 'control', reused: true });
  });

  it('answers exit code 3 when the endpoint cannot be reached', async () => {
    const result = await probe(['groq', '--base-url', 'http://127.0.0.1:9/v1', ...fast, '--out', path.join(dir, 'down.json')]);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('cannot be reached');
    expect([result.report!.complete, result.report!.stoppedBecause, result.report!.results]).toEqual([false, 'error', []]);
  });

  it('rejects bad usage with exit code 2', async () => {
    for (const args of [['groq'], ['groq', '--base-url', 'ftp://x'], ['groq', '--base-url', mock.url, '--max-requests', '0'], ['groq', '--base-url', mock.url, '--rate', 'fast']]) {
      expect((await probe(args)).code).toBe(2);
    }
  });

  it('never writes the key, even where a server echoes it', async () => {
    const echo = createServer((req, res) => {
      res.writeHead(400, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: `Incorrect API key provided: ${req.headers.authorization}`, type: 'invalid_request_error', param: null, code: 'invalid_api_key' } }));
    });
    await new Promise<void>((resolve) => echo.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(echo.address() as AddressInfo).port}/v1`;
    const out = path.join(dir, 'echo.json');
    const result = await probe(['groq', '--base-url', url, ...fast, '--fields', 'max_tokens,user', '--out', out, '--propose', path.join(dir, 'echo.yaml')]);
    echo.close();
    const written = `${result.reportText}${readFileSync(path.join(dir, 'echo.yaml'), 'utf8')}${result.stdout}${result.stderr}`;
    expect(written).not.toContain(SENTINEL_KEY);
    expect(result.reportText).toContain('Incorrect API key provided: Bearer [redacted]');
  });
});

describe('Ctrl-C', () => {
  it('writes a valid partial report (complete: false, interrupted) and exits 130', async () => {
    const out = path.join(dir, 'interrupted.json');
    const child = spawn(process.execPath, [path.join(projectRoot, 'bin/oai-compat.js'), 'probe', 'groq', '--base-url', mock.url, '--model', 'probe-model', '--rate', '4', '--out', out], {
      cwd: projectRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, GROQ_API_KEY: SENTINEL_KEY },
    });
    let stderr = '';
    let stdout = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    // Interrupted once the third field is under way (two are finished).
    await new Promise<void>((resolve) => child.stderr.on('data', (chunk) => ((stderr += chunk), (stderr.match(/^probe: /gm)?.length ?? 0) >= 3 && resolve())));
    child.kill('SIGINT');
    const [code] = await once(child, 'exit');
    expect(code).toBe(130);
    const report = JSON.parse(readFileSync(out, 'utf8')) as ProbeReport;
    expect([report.format, report.complete, report.stoppedBecause]).toEqual([1, false, 'interrupted']);
    expect(report.results.length).toBeGreaterThanOrEqual(2);
    expect(report.summary.agree + report.summary.drift).toBe(report.results.length);
    expect(`${readFileSync(out, 'utf8')}${stdout}${stderr}`).not.toContain(SENTINEL_KEY);
  });
});
