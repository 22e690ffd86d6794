/** Shared set-up for the mock tests: the fixture spec, and raw HTTP calls on loopback. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OpenAPIDocument } from '../../src/build/types.ts';
import { parseYaml } from '../../src/load/document.ts';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export function fixtureSpec(name = 'acme.yaml'): OpenAPIDocument {
  const file = path.join(projectRoot, 'test/fixtures/mock', name);
  return parseYaml(readFileSync(file, 'utf8'), file) as OpenAPIDocument;
}

/** The five profiles `npm run build` writes (built by the test suite's global set-up). */
export const PROFILES = ['openai', 'neosantara', 'compactifai', 'kluster', 'oxlo'] as const;

/** Every profile: the base, and each provider folder holding an overlay (as the build finds them). */
export const ALL_PROFILES: string[] = [
  'openai',
  ...readdirSync(path.join(projectRoot, 'spec/providers'))
    .filter((id) => existsSync(path.join(projectRoot, 'spec/providers', id, 'overlay.yaml')))
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
