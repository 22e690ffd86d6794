/** Shared set-up for the mock tests: the fixture spec, and raw HTTP calls on loopback. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import OpenAI from 'openai';
import { afterAll, beforeAll } from 'vitest';
import type { OpenAPIDocument } from '../../src/build/types.ts';
import { startMock, type RunningMock, type StartMockOptions } from '../../src/mock/start.ts';
import { parseYaml } from '../../src/load/document.ts';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export function fixtureSpec(name = 'acme.yaml'): OpenAPIDocument {
  const file = path.join(projectRoot, 'test/fixtures/mock', name);
  return parseYaml(readFileSync(file, 'utf8'), file) as OpenAPIDocument;
}

/**
 * Every profile `npm run build` writes (built by the test suite's global set-up): the base
 * profile, then each folder of spec/providers/ holding an overlay, so a new provider is covered
 * without editing this list.
 */
export const PROFILES: readonly string[] = [
  'openai',
  ...readdirSync(path.join(projectRoot, 'spec/providers'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(projectRoot, 'spec/providers', entry.name, 'overlay.yaml')))
    .map((entry) => entry.name)
    .sort(),
];

export function generatedSpec(profile: string): OpenAPIDocument {
  const file = path.join(projectRoot, 'generated', profile, 'openapi.yaml');
  return parseYaml(readFileSync(file, 'utf8'), file) as OpenAPIDocument;
}

export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  json(): any;
}

export async function call(base: string, method: string, route: string, options: { body?: unknown; raw?: string | FormData; headers?: Record<string, string> } = {}): Promise<Reply> {
  const headers: Record<string, string> = { ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}), ...options.headers };
  const response = await fetch(`${base}${route}`, {
    method,
    headers,
    body: options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: () => JSON.parse(text) };
}

/** `data:` payloads of an SSE body, in order. */
export function sseData(text: string): string[] {
  return text
    .split('\n\n')
    .filter((block) => block.trim().length > 0)
    .map((block) => block.split('\n').find((line) => line.startsWith('data: '))?.slice(6) ?? '');
}

/** A native mock (of `openai` unless `options` name another provider) for the enclosing suite, and an SDK client on it. */
export function openaiMock(options: Partial<StartMockOptions> = {}): { mock: RunningMock; client: OpenAI } {
  const handle = {} as { mock: RunningMock; client: OpenAI };
  beforeAll(async () => {
    handle.mock = await startMock({ provider: 'openai', ...options });
    handle.client = new OpenAI({ apiKey: 'test-key', baseURL: handle.mock.url, maxRetries: 0 });
  });
  afterAll(() => handle.mock?.close());
  return handle;
}
