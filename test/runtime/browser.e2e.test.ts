/**
 * The client and checks where clients run: a page bundled by esbuild for the browser platform
 * (createClient + checkRequest of NeosantaraAI; a Node built-in on that path fails the bundle), run
 * in headless Chromium against `oai-compat mock`: a check, a JSON call, a stream, and an ApiError.
 * The page is served at the mock's origin (intercepted by the browser), so no CORS is involved.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { bundleForBrowser, type BrowserBundle } from '../../bench/browser-bundle.ts';
import { startMock, type RunningMock } from '../../src/mock/start.ts';
import { projectRoot } from '../helpers/temp-project.ts';

const PAGE = `
import { createClient, checkRequest, ApiError } from 'oai-compat/providers/neosantara';
const client = createClient({ apiKey: 'test-key', baseUrl: new URL('/v1', location.href).href });
const body = { model: 'nusantara-base', messages: [{ role: 'user', content: 'Halo' }], logprobs: true };
const result = { check: checkRequest('POST /chat/completions', body) };
try {
  result.chat = (await client.POST('/chat/completions', { body })).data.object;
  result.chunks = [];
  for await (const event of client.stream('/chat/completions', { body })) result.chunks.push(event.object);
  try {
    await client.POST('/chat/completions', { body: { ...body, n: 2 } });
  } catch (error) {
    result.error = { apiError: error instanceof ApiError, status: error.status, param: error.error.param };
  }
} catch (error) {
  result.failed = String(error);
}
window.result = result;
`;

const work = mkdtempSync(path.join(tmpdir(), 'oai-compat-browser-'));
let context: BrowserContext;
let mock: RunningMock;
let bundle: BrowserBundle;

beforeAll(async () => {
  bundle = await bundleForBrowser(projectRoot, PAGE);
  mock = await startMock({ provider: 'neosantara' });
  context = await chromium.launchPersistentContext(path.join(work, 'profile'), {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}, 120_000);

afterAll(async () => {
  await context?.close();
  await mock?.close();
  rmSync(work, { recursive: true, force: true });
});

it('bundles without Node built-ins', () => {
  for (const code of Object.values(bundle.files)) expect(code).not.toMatch(/from\s*"node:|require\("node:/);
});

it('checks, calls, streams and throws ApiError in Chromium against the mock', { timeout: 60_000 }, async () => {
  const origin = new URL(mock.url).origin;
  const page = await context.newPage();
  await page.route(`${origin}/page.html`, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><script type="module" src="/page.js"></script>' }));
  // The entry and its chunks (the fast validators' chunk is bundled, and a browser never fetches it).
  const fetched: string[] = [];
  for (const [name, code] of Object.entries(bundle.files)) {
    await page.route(`${origin}/${name}`, (route) => {
      fetched.push(name);
      return route.fulfill({ contentType: 'text/javascript', body: code });
    });
  }
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${origin}/page.html`);
  await page.waitForFunction(() => 'result' in window, undefined, { timeout: 30_000 });
  const result = (await page.evaluate(() => (window as unknown as { result: unknown }).result)) as {
    check: { ok: boolean; warnings: { field: string; status: string }[] };
    chat?: string;
    chunks?: string[];
    error?: { apiError: boolean; status: number; param: string };
    failed?: string;
  };
  expect(errors).toEqual([]);
  expect(result.failed).toBeUndefined();
  expect(result.check.ok).toBe(true);
  expect(result.check.warnings.map((w) => [w.field, w.status])).toContainEqual(['logprobs', 'ignored']);
  expect(result.chat).toBe('chat.completion');
  expect(result.chunks!.length).toBeGreaterThan(1);
  expect(new Set(result.chunks)).toEqual(new Set(['chat.completion.chunk']));
  expect(result.error).toEqual({ apiError: true, status: 400, param: 'n' });
  expect(Object.keys(bundle.files).some((name) => name.startsWith('validators-fast'))).toBe(true);
  expect(fetched.filter((name) => name.startsWith('validators-fast'))).toEqual([]);
});
