import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fetchBaseSpec, sha256 } from '../../src/resolve/base-spec.ts';
import { diagnosticFailure } from '../helpers/failure.ts';

/** A project with a pin of its own, far from any ../shared folder. */
let root: string;
const content = 'openapi: 3.1.0\ninfo: { title: pinned, version: "1" }\npaths: {}\n';
const pinUrl = 'https://example.com/pinned/openapi.yaml';

beforeEach(() => {
  root = path.join(mkdtempSync(path.join(tmpdir(), 'oai-compat-pin-')), 'project');
  mkdirSync(path.join(root, 'spec/base'), { recursive: true });
  writeFileSync(path.join(root, 'spec/base/pin.json'), JSON.stringify({ url: pinUrl, commit: 'abc', sha256: sha256(content), path: 'openapi.yaml', bytes: content.length, title: 'pinned', version: '1', repository: 'r' }));
});
afterEach(() => rmSync(path.dirname(root), { recursive: true, force: true }));

const fakeFetch = (status: number, body: string) => (async (url: string | URL | Request) => {
  expect(String(url)).toBe(pinUrl);
  return new Response(body, { status });
}) as typeof fetch;
const noFetch = (async () => {
  throw new Error('no network in this test');
}) as typeof fetch;


describe('fetchBaseSpec', () => {
  it('takes OPENAI_SPEC first and verifies it', async () => {
    const file = path.join(root, 'local.yaml');
    writeFileSync(file, content);
    const result = await fetchBaseSpec(root, { env: { OPENAI_SPEC: file }, fetch: noFetch });
    expect(result.source).toEqual({ kind: 'env', location: file });
    expect(readFileSync(path.join(root, 'spec/base/openai.yaml'), 'utf8')).toBe(content);
  });

  it('downloads the pinned URL when no local copy exists', async () => {
    const result = await fetchBaseSpec(root, { env: {}, fetch: fakeFetch(200, content) });
    expect(result.source.kind).toBe('url');
    expect(readFileSync(path.join(root, 'spec/base/openai.yaml'), 'utf8')).toBe(content);
    const again = await fetchBaseSpec(root, { env: {}, fetch: noFetch });
    expect(again.reused).toBe(true);
  });

  it.each([
    ['different content from OPENAI_SPEC', { env: 'changed' }, 'base-spec-sha256-mismatch'],
    ['a missing OPENAI_SPEC file', { env: 'missing' }, 'base-spec-missing'],
    ['different content from the URL', { url: [200, 'tampered'] }, 'base-spec-sha256-mismatch'],
    ['a failed download', { url: [404, 'not found'] }, 'base-spec-download'],
  ] as const)('refuses %s, leaving no spec behind', async (_name, given, code) => {
    const env: NodeJS.ProcessEnv = {};
    if ('env' in given) {
      env.OPENAI_SPEC = path.join(root, 'local.yaml');
      if (given.env === 'changed') writeFileSync(env.OPENAI_SPEC, `${content}# edited\n`);
    }
    const fetchImpl = 'url' in given ? fakeFetch(given.url[0], given.url[1]) : noFetch;
    const err = await diagnosticFailure(fetchBaseSpec(root, { env, fetch: fetchImpl }));
    expect(err.exitCode).toBe(3);
    expect(err.diagnostics[0]).toMatchObject({ code });
    expect(err.diagnostics[0].location?.file).toBeTruthy();
    expect(err.diagnostics[0].hint).toBeTruthy();
    expect(existsSync(path.join(root, 'spec/base/openai.yaml'))).toBe(false);
  });
});
