/**
 * End to end: the docs site, built from generated/<id>/compat.json, opened in headless Chromium
 * (Debian's `chromium`, driven by playwright-core). The matrix must show the providers' documented
 * statuses and filter by endpoint and status; screenshots go to generated/e2e/site-{index,matrix}.png.
 * One API reference is built with the same redocly command as `npm run docs` and opened offline.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replaceDirectory } from '../../src/build/files.ts';
import type { CompatReport } from '../../src/compat/types.ts';
import { referenceCommand } from '../../src/site/reference.ts';
import { buildSite } from '../../src/site/site.ts';

const profiles = ['openai', 'compactifai', 'kluster', 'neosantara', 'oxlo'];
const work = mkdtempSync(path.join(tmpdir(), 'oai-compat-site-'));
const siteDir = path.join(work, 'site');
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  const reports = profiles.map((id) => JSON.parse(readFileSync(`generated/${id}/compat.json`, 'utf8')) as CompatReport);
  await replaceDirectory(siteDir, buildSite(reports));
  context = await chromium.launchPersistentContext(path.join(work, 'profile'), {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    offline: true,
  });
  page = await context.newPage();
  await page.goto(pathToFileURL(path.join(siteDir, 'index.html')).href);
});

afterAll(async () => {
  await context?.close();
  rmSync(work, { recursive: true, force: true });
});

/** The status the matrix shows for a provider and a field. */
async function cell(operation: string, location: string, field: string, provider: string): Promise<string | null> {
  const td = page.locator(`#matrix tr[data-operation="${operation}"][data-location="${location}"][data-field="${field}"] td[data-provider="${provider}"]`);
  return td.getAttribute('data-status');
}

describe('docs site in Chromium', () => {
  it.each([
    ['POST /chat/completions', 'request.body', 'n', 'kluster', 'unsupported'],
    ['POST /chat/completions', 'request.body', 'n', 'compactifai', 'partial'],
    ['POST /chat/completions', 'request.body', 'n', 'neosantara', 'partial'],
    ['POST /chat/completions', 'request.body', 'n', 'openai', 'supported'],
    ['POST /chat/completions', 'request.body', 'logprobs', 'neosantara', 'ignored'],
    ['POST /chat/completions', 'request.body', 'max_tokens', 'kluster', 'deprecated'],
    ['POST /chat/completions', 'request.body', 'min_tokens', 'compactifai', 'extension'],
    ['POST /chat/completions', 'response.body', 'usage.completion_tokens_details', 'kluster', 'unsupported'],
    ['POST /chat/completions', 'request.body', 'stream', 'oxlo', 'partial'],
  ])('%s %s %s: %s is %s', async (operation, location, field, provider, status) => {
    expect(await cell(operation, location, field, provider)).toBe(status);
  });

  it('tells a field the endpoint lacks (–) from an endpoint not offered (empty)', async () => {
    const text = (operation: string, location: string, field: string, provider: string) =>
      page.locator(`#matrix tr[data-operation="${operation}"][data-location="${location}"][data-field="${field}"] td[data-provider="${provider}"]`).textContent();
    expect(await text('POST /chat/completions', 'request.body', 'data_sources', 'openai')).toBe('–');
    expect(await text('GET /models', 'request.header', 'authorization', 'kluster')).toBe('');
    expect(await text('GET /models', 'request.header', 'authorization', 'compactifai')).not.toBe('');
  });

  it('filters the matrix by status and by endpoint', async () => {
    const visible = page.locator('#matrix tbody tr:not([hidden])');
    const all = await visible.count();
    await page.selectOption('#status', 'deprecated');
    const deprecated = await visible.count();
    expect(deprecated).toBeGreaterThan(0);
    expect(deprecated).toBeLessThan(all);
    for (const row of await visible.all()) {
      expect(await row.locator('td[data-provider]:not([data-base])[data-status="deprecated"]').count()).toBeGreaterThan(0);
    }
    await expect.poll(() => page.textContent('#count')).toBe(`${deprecated} rows`);
    await page.selectOption('#status', '');
    await page.selectOption('#endpoint', 'GET /models');
    const operations = await visible.evaluateAll((rows) => [...new Set(rows.map((r) => (r as HTMLElement).dataset.operation))]);
    expect(operations).toEqual(['GET /models']);
    await page.selectOption('#endpoint', '');
    expect(await visible.count()).toBe(all);
  });

  it('links each profile to its page, whose tables show the claims', async () => {
    await page.click('#scores a[href="kluster/index.html"]');
    await expect.poll(() => page.textContent('h1')).toBe('kluster.ai');
    const n = page.locator('table.fields tr', { has: page.locator('code', { hasText: /^n$/ }) }).first();
    expect(await n.locator('td[data-status]').getAttribute('data-status')).toBe('unsupported');
    await page.goBack();
  });

  it('renders a provider\'s API reference offline, with no request but the Redocly logo', async () => {
    const output = path.join(siteDir, 'kluster', 'reference.html');
    const { command, args, env } = referenceCommand({ projectRoot: process.cwd(), spec: 'generated/kluster/openapi.yaml', output, name: 'kluster.ai' });
    await promisify(execFile)(command, args, { env: { ...process.env, ...env }, timeout: 120_000 });
    const reference = await context.newPage();
    const hosts = new Set<string>();
    reference.on('request', (r) => {
      if (/^https?:/.test(r.url())) hosts.add(new URL(r.url()).host);
    });
    await reference.goto(pathToFileURL(output).href);
    expect(await reference.title()).toBe('kluster.ai API reference');
    await expect.poll(() => reference.locator('h2').allTextContents()).toContain('Chat');
    expect(await reference.getByText('/chat/completions').count()).toBeGreaterThan(0);
    // The only host the page reaches for: the "API docs by Redocly" logo, hidden when it fails.
    expect([...hosts].filter((h) => h !== 'cdn.redoc.ly')).toEqual([]);
    await reference.close();
  }, 60_000);

  it('saves screenshots of the index: its top, and the matrix filtered to one endpoint', async () => {
    const file = path.resolve('generated/e2e/site-index.png');
    mkdirSync(path.dirname(file), { recursive: true });
    await page.screenshot({ path: file, fullPage: false });
    expect(readFileSync(file).subarray(1, 4).toString()).toBe('PNG');
    await page.selectOption('#endpoint', 'POST /chat/completions');
    await page.locator('.filters').evaluate((e) => e.scrollIntoView());
    const matrixFile = path.resolve('generated/e2e/site-matrix.png');
    await page.screenshot({ path: matrixFile, fullPage: false });
    expect(readFileSync(matrixFile).subarray(1, 4).toString()).toBe('PNG');
    await page.selectOption('#endpoint', '');
  });
});
