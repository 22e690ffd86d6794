/**
 * oai-compat as a user installs it (the packed tarball in an empty project, no TypeScript loader),
 * on Node 24 and Node 22: the CLI runs, every shipped profile's mock answers the shipped client,
 * `compat` prints, a mock starts from code (`oai-compat/mock`), TypeScript users' imports
 * type-check (nodenext and bundler), and a user's own provider builds in the user's folder and is
 * served from there.
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../helpers/temp-project.ts';
import { envWith, npx, packAndInstall, shippedProfiles, startMock, type Packed } from './packed.ts';

const exec = promisify(execFile);
let packed: Packed;

beforeAll(async () => {
  packed = await packAndInstall();
  writeFileSync(path.join(packed.app, 'check-client.mjs'), CLIENT_CHECK);
  writeFileSync(path.join(packed.app, 'mock-from-code.mjs'), MOCK_FROM_CODE);
  writeFileSync(path.join(packed.app, 'scenario.yaml'), 'fixtures:\n  - match: { operation: POST /chat/completions }\n    reply: { text: scripted hello }\n');
}, 1_200_000);
afterAll(() => packed && rmSync(packed.work, { recursive: true, force: true }));

/** Uses a shipped profile's client and checks against a running mock; prints what it got. */
const CLIENT_CHECK = `
const [id, url] = process.argv.slice(2);
const mod = await import(\`oai-compat/providers/\${id}\`);
const client = mod.createClient({ apiKey: 'test-key', baseUrl: url });
const offered = Object.keys(mod.operationTable);
const out = {};
if (offered.includes('GET /models')) out.models = (await client.GET('/models')).data.object;
if (offered.includes('POST /chat/completions')) {
  const body = { model: 'test-model', messages: [{ role: 'user', content: 'hi' }] };
  out.checked = mod.checkRequest('POST /chat/completions', body).ok;
  out.chat = (await client.POST('/chat/completions', { body })).data.object;
  out.chunks = 0;
  for await (const event of client.stream('/chat/completions', { body })) if (event.object === 'chat.completion.chunk') out.chunks++;
} else if (offered.includes('POST /responses')) {
  out.response = (await client.POST('/responses', { body: { model: 'test-model', input: 'hi' } })).data.object;
}
console.log(JSON.stringify(out));
`;

/** Starts a shipped profile's mock from code, with a fixtures file, and calls it once. */
const MOCK_FROM_CODE = `
import { startMock } from 'oai-compat/mock';
const mock = await startMock({ provider: 'kluster', fixtures: 'scenario.yaml' });
try {
  const answer = await fetch(\`\${mock.url}/chat/completions\`, {
    method: 'POST',
    headers: { authorization: 'Bearer k', 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'm', messages: [{ role: 'user', content: 'hi' }] }),
  });
  const body = await answer.json();
  console.log(JSON.stringify({ url: mock.url, status: answer.status, text: body.choices[0].message.content }));
} finally {
  await mock.close();
}
`;

describe('the packed tarball', () => {
  it('ships every profile of spec/providers/ and the base profile, in at most 5 MB', () => {
    const providers = readdirSync(path.join(projectRoot, 'spec/providers')).filter((id) => existsSync(path.join(projectRoot, 'spec/providers', id, 'overlay.yaml')));
    expect(shippedProfiles(packed.app).sort()).toEqual(['openai', ...providers].sort());
    const bytes = statSync(packed.tarball).size;
    console.log(`tarball: ${(bytes / 1e6).toFixed(2)} MB`);
    expect(bytes).toBeLessThanOrEqual(5_000_000);
  });
});

describe.each(['24', '22'])('the installed package on Node %s', (version) => {
  const node = () => packed.nodes[version];

  it('runs with that Node', async () => {
    const { stdout } = await exec('node', ['--version'], { env: envWith(node()) });
    expect(stdout.startsWith(`v${version}.`)).toBe(true);
  });

  it('prints its help', async () => {
    const result = await npx(node(), packed.app, ['--help']);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^usage: oai-compat/);
    expect(result.code).toBe(0);
  });

  it('prints a shipped profile’s compatibility', async () => {
    const result = await npx(node(), packed.app, ['compat', 'kluster']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('# kluster.ai: OpenAI API compatibility');
  });

  it('starts a shipped profile’s mock from code (oai-compat/mock) with scripted fixtures', { timeout: 60_000 }, async () => {
    const { stdout } = await exec('node', ['mock-from-code.mjs'], { cwd: packed.app, env: envWith(node()) });
    const out = JSON.parse(stdout) as { url: string; status: number; text: string };
    expect(out.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
    expect([out.status, out.text]).toEqual([200, 'scripted hello']);
  });

  it('serves every shipped profile’s mock, which the shipped client calls (JSON and streaming)', { timeout: 300_000 }, async () => {
    const profiles = shippedProfiles(packed.app);
    expect(profiles).toEqual(expect.arrayContaining(['openai', 'kluster', 'neosantara']));
    for (const id of profiles) {
      const mock = await startMock(node(), packed.app, id);
      try {
        const { stdout } = await exec('node', ['check-client.mjs', id, mock.url], { cwd: packed.app, env: envWith(node()) });
        const out = JSON.parse(stdout) as { models?: string; chat?: string; checked?: boolean; chunks?: number; response?: string };
        expect(out.models ?? out.chat ?? out.response, id).toBeDefined();
        if (out.response !== undefined) expect(out.response, id).toBe('response');
        if (out.models !== undefined) expect(out.models, id).toBe('list');
        if (out.chat !== undefined) expect([out.chat, out.checked, out.chunks! > 0], id).toEqual(['chat.completion', true, true]);
      } finally {
        await mock.stop();
      }
    }
  });
});

describe('TypeScript users of the installed package', () => {
  const consumer = `import { createClient, checkRequest, prepareRequest, ApiError } from 'oai-compat/providers/kluster';
const client = createClient({ apiKey: 'k', baseUrl: 'http://127.0.0.1:9/v1' });
export async function call(): Promise<string | null | undefined> {
  const body = { model: 'm', messages: [{ role: 'user' as const, content: 'hi' }] };
  const report = checkRequest('POST /chat/completions', body);
  const prepared = prepareRequest('POST /chat/completions', body, { ignored: 'strip' });
  if (!report.ok || prepared.report.errors.length) throw new Error('invalid');
  const { data } = await client.POST('/chat/completions', { body: prepared.body });
  // @ts-expect-error kluster.ai rejects tools
  await client.POST('/chat/completions', { body: { ...body, tools: [] } });
  return data.choices[0]?.message.content;
}
export const isApiError = (e: unknown) => e instanceof ApiError;
`;

  /** The mock from code, as a Node test set-up writes it (with @types/node; the client above needs none). */
  const mockUser = `/// <reference types="node" />
import { startMock, type FixturesFile, type RunningMock, type StartMockOptions } from 'oai-compat/mock';
const fixtures: FixturesFile = { fixtures: [{ match: { operation: 'POST /chat/completions' }, reply: { text: 'hi' } }] };
const options: StartMockOptions = { provider: 'kluster', port: 0, fixtures };
export const started: Promise<RunningMock> = startMock(options);
// @ts-expect-error the profile id is required
export const wrong = startMock({ port: 0 });
`;

  it.each(['nodenext', 'bundler'])('type-check under strict with moduleResolution %s', { timeout: 300_000 }, async (resolution) => {
    const dir = path.join(packed.app, `ts-${resolution}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'consumer.ts'), consumer);
    writeFileSync(path.join(dir, 'mock-user.ts'), mockUser);
    const module = resolution === 'bundler' ? 'esnext' : 'nodenext';
    writeFileSync(
      path.join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { strict: true, module, moduleResolution: resolution, target: 'es2022', lib: ['es2023', 'dom'], noEmit: true, types: [] },
        files: ['consumer.ts', 'mock-user.ts'],
      }),
    );
    const tsc = path.join(packed.app, 'node_modules/typescript/bin/tsc');
    const result = await exec(process.execPath, [tsc, '-p', dir], { cwd: dir }).then(
      (r) => ({ code: 0, output: r.stdout + r.stderr }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, output: e.stdout + e.stderr }),
    );
    expect(result.output).toBe('');
    expect(result.code).toBe(0);
  });
});

describe('a user’s own provider', () => {
  const folder = () => path.join(packed.app, 'own');
  const acme = readFileSync(path.join(projectRoot, 'spec/providers/kluster/overlay.yaml'), 'utf8').replace('id: kluster', 'id: acme').replace('name: kluster.ai', 'name: Acme');
  const env = { OPENAI_SPEC: path.join(projectRoot, 'spec/base/openai.yaml') };

  it('is built into the user’s generated/ by `oai-compat build`', { timeout: 600_000 }, async () => {
    mkdirSync(path.join(folder(), 'spec/providers/acme'), { recursive: true });
    writeFileSync(path.join(folder(), 'spec/providers/acme/overlay.yaml'), acme);
    // run from a sub-folder: the project is found above it
    mkdirSync(path.join(folder(), 'src'), { recursive: true });
    const result = await npx(packed.nodes['24'], path.join(folder(), 'src'), ['build', '--profile', 'acme'], env);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/acme\s+built/);
    expect(result.code).toBe(0);
    for (const file of ['openapi.yaml', 'compat.json', 'mock.gen.json', 'index.gen.ts', 'validators.gen.js']) expect(existsSync(path.join(folder(), 'generated/acme', file)), file).toBe(true);
    expect(existsSync(path.join(packed.app, 'node_modules/oai-compat/dist/generated/acme'))).toBe(false);
  });

  it('type-checks for tsc users with rewriteRelativeImportExtensions (strict, nodenext)', { timeout: 300_000 }, async () => {
    writeFileSync(
      path.join(folder(), 'consumer.ts'),
      `import { createClient, checkRequest } from './generated/acme/index.gen.ts';
const client = createClient({ apiKey: 'k' });
export const ok: boolean = checkRequest('POST /chat/completions', { model: 'm', messages: [] }).ok;
// @ts-expect-error Acme rejects tools, as kluster.ai does
export const call = client.POST('/chat/completions', { body: { model: 'm', messages: [], tools: [] } });
`,
    );
    writeFileSync(
      path.join(folder(), 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { strict: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', lib: ['es2023', 'dom'], rewriteRelativeImportExtensions: true, noEmit: true, types: [] },
        files: ['consumer.ts'],
      }),
    );
    const tsc = path.join(packed.app, 'node_modules/typescript/bin/tsc');
    const result = await exec(process.execPath, [tsc, '-p', folder()], { cwd: folder() }).then(
      (r) => ({ code: 0, output: r.stdout + r.stderr }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, output: e.stdout + e.stderr }),
    );
    expect(result.output).toBe('');
    expect(result.code).toBe(0);
  });

  it('is what `compat` and `mock` use there (--cwd), while the shipped profiles still serve the others', { timeout: 120_000 }, async () => {
    const own = await npx(packed.nodes['24'], packed.app, ['--cwd', 'own', 'compat', 'acme']);
    expect(own.stdout).toContain('# Acme: OpenAI API compatibility');
    const shipped = await npx(packed.nodes['24'], folder(), ['compat', 'neosantara']);
    expect(shipped.code).toBe(0);
    const unknown = await npx(packed.nodes['24'], folder(), ['compat', 'nobody']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown profile "nobody"');
    const mock = await startMock(packed.nodes['24'], folder(), 'acme');
    try {
      const answer = await fetch(`${mock.url}/chat/completions`, {
        method: 'POST',
        headers: { authorization: 'Bearer k', 'content-type': 'application/json' },
        body: JSON.stringify({ model: 'm', messages: [{ role: 'user', content: 'hi' }], tools: [] }),
      });
      expect(answer.status).toBe(400);
      expect(((await answer.json()) as { error: { param: string } }).error.param).toBe('tools');
    } finally {
      await mock.stop();
    }
  });
});
