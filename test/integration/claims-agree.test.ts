/**
 * One truth across every output, on the real spec: Groq's `top_logprobs` is declared by the chat
 * request itself and by the `allOf` members it shares with POST /responses. Claimed unsupported on
 * POST /chat/completions, it leaves the chat request (resolved spec, types, checkRequest, mock)
 * and stays in POST /responses.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build/build.ts';
import { fieldSites } from '../../src/compile/claims.ts';
import { parseYaml } from '../../src/load/document.ts';
import type { JsonObject } from '../../src/load/json.ts';
import { startMock, type RunningMock } from '../../src/mock/start.ts';
import { makeTempProject, projectRoot, type TempProject } from '../helpers/temp-project.ts';

const overlay = `overlay: 1.1.0
info: { title: groq, version: 1.0.0 }
actions:
  - target: $
    update:
      x-compat:
        provider: { id: groq, name: Groq }
        auth: { scheme: bearer, env: GROQ_API_KEY }
        sources: [{ id: docs, url: https://console.groq.com/docs/openai, verified: "2026-11-30" }]
        source: docs
  - target: $.paths['/chat/completions'].post
    update:
      x-compat:
        status: supported
        fields:
          request.body:
            top_logprobs: { status: unsupported }
  - target: $.paths['/responses'].post
    update:
      x-compat: { status: supported }
`;

const CHAT = { pointer: '/paths/~1chat~1completions/post' };
const RESPONSES = { pointer: '/paths/~1responses/post' };
let project: TempProject;
let mock: RunningMock;

beforeAll(async () => {
  project = makeTempProject({ providers: { groq: overlay } });
  await build({ projectRoot: project.root, profiles: ['groq'] });
  mock = await startMock({ provider: 'groq', generatedDir: path.join(project.root, 'generated') });
}, 240_000);
afterAll(async () => {
  await mock?.close();
  project?.remove();
});

describe('top_logprobs claimed unsupported on POST /chat/completions (Groq)', () => {
  it('the resolved spec declares it for POST /responses only', () => {
    const spec = parseYaml(readFileSync(path.join(project.root, 'generated/groq/openapi.yaml'), 'utf8'), 'openapi.yaml') as JsonObject;
    expect(fieldSites(spec, CHAT, 'request.body', 'top_logprobs')).toEqual([]);
    expect(fieldSites(spec, RESPONSES, 'request.body', 'top_logprobs').map((s) => s.pointer)).toEqual([
      '/components/schemas/ModelResponseProperties/properties/top_logprobs',
      '/components/schemas/CreateModelResponseProperties/allOf/1/properties/top_logprobs',
    ]);
  });

  it('the types lack it in the chat request body and keep it in the responses one', { timeout: 120_000 }, () => {
    writeFileSync(path.join(project.root, 'probe.ts'), `import type { paths } from './generated/groq/types.gen.ts';
type Body<P extends '/chat/completions' | '/responses'> = NonNullable<paths[P]['post']['requestBody']>['content']['application/json'];
export const chat: 'top_logprobs' extends keyof Body<'/chat/completions'> ? 'declared' : 'absent' = 'absent';
export const responses: 'top_logprobs' extends keyof Body<'/responses'> ? 'declared' : 'absent' = 'declared';
`);
    const tsc = path.join(projectRoot, 'node_modules/typescript/bin/tsc');
    const args = ['--noEmit', '--strict', '--skipLibCheck', '--target', 'es2022', '--module', 'nodenext', '--allowImportingTsExtensions', 'probe.ts'];
    const result = spawnSync(process.execPath, [tsc, ...args], { cwd: project.root, encoding: 'utf8' });
    expect(result.stdout + result.stderr).toBe('');
  });

  it('checkRequest rejects it on the chat request only', async () => {
    const client = (await import(path.join(project.root, 'generated/groq/index.gen.ts'))) as { checkRequest(op: string, body: unknown): { errors: { field: string }[] } };
    const chat = client.checkRequest('POST /chat/completions', { model: 'm', messages: [{ role: 'user', content: 'hi' }], top_logprobs: 2 });
    expect(chat.errors.map((e) => e.field)).toContain('top_logprobs');
    const responses = client.checkRequest('POST /responses', { model: 'm', input: 'hi', top_logprobs: 2 });
    expect(responses.errors.map((e) => e.field)).not.toContain('top_logprobs');
  });

  it('the mock answers 400 naming it on the chat request only', async () => {
    const post = (route: string, body: unknown) => fetch(`${mock.url}${route}`, { method: 'POST', headers: { authorization: 'Bearer k', 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const chat = await post('/chat/completions', { model: 'm', messages: [{ role: 'user', content: 'hi' }], top_logprobs: 2 });
    expect(chat.status).toBe(400);
    expect(((await chat.json()) as { error: { param: string } }).error.param).toBe('top_logprobs');
    const responses = await post('/responses', { model: 'm', input: 'hi', top_logprobs: 2 });
    expect(responses.status).toBe(200);
  });
});
