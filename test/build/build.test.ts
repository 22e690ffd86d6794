import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build/build.ts';
import { parseYaml } from '../../src/load/document.ts';
import { diagnosticFailure } from '../helpers/failure.ts';
import { hashTree, makeTempProject, minimalOverlay, type TempProject } from '../helpers/temp-project.ts';

let project: TempProject;

beforeAll(() => {
  project = makeTempProject({ providers: { acme: minimalOverlay('acme') } });
});
afterAll(() => project.remove());

const generated = () => path.join(project.root, 'generated');

const buildFailure = (options: Parameters<typeof build>[0]) => diagnosticFailure(build(options));

describe('build', () => {
  it('resolves a provider to the operations it offers, with its claims and provenance', async () => {
    const report = await build({ projectRoot: project.root, specsOnly: true });
    expect(report.profiles.map((p) => [p.id, p.state])).toEqual([['openai', 'built'], ['acme', 'built']]);
    const spec = parseYaml(readFileSync(path.join(generated(), 'acme/openapi.yaml'), 'utf8'), 'x') as any;
    expect(Object.keys(spec.paths)).toEqual(['/chat/completions']);
    expect(Object.keys(spec.paths['/chat/completions'])).toEqual(['post']);
    expect(spec['x-compat'].provider).toEqual({ id: 'acme', name: 'Test acme' });
    expect(spec.components.schemas.CreateChatCompletionRequest).toBeDefined();
    expect(spec.components.schemas.CreateEmbeddingRequest).toBeUndefined();
    const provenance = JSON.parse(readFileSync(path.join(generated(), 'acme/provenance.json'), 'utf8'));
    expect(provenance.overlay).toBe('spec/providers/acme/overlay.yaml');
    // The hand-written actions, then the one compiled from the claim `logprobs: ignored`.
    expect(provenance.actions.map((a: any) => a.description)).toEqual(['provider claims', 'chat is offered', 'POST /chat/completions: logprobs is ignored']);
    expect(provenance.actions[2]).toMatchObject({ index: 2, file: 'generated/acme/overlay.gen.yaml', extensions: { 'x-claim': '/paths/~1chat~1completions/post/x-compat/fields/request.body/logprobs' } });
    expect(provenance.actions[1].added).toContain('/paths/~1chat~1completions/post/x-compat');
    const openai = parseYaml(readFileSync(path.join(generated(), 'openai/openapi.yaml'), 'utf8'), 'x') as any;
    const operations = Object.values(openai.paths).flatMap((item: any) => Object.keys(item).filter((k) => ['get', 'post', 'put', 'delete', 'patch'].includes(k)));
    // 288 upstream operations, less the 7 `?beta=true` duplicates the normalize stage drops.
    expect(operations).toHaveLength(281);
  });

  it('writes byte-identical files when run twice on the same inputs', async () => {
    await build({ projectRoot: project.root, specsOnly: true, force: true });
    const first = hashTree(generated());
    await build({ projectRoot: project.root, specsOnly: true, force: true });
    expect(hashTree(generated())).toEqual(first);
    expect(Object.keys(first)).toContain('acme/openapi.yaml');
  });

  it('rewrites nothing when nothing changed, and only the edited profile after an overlay edit', async () => {
    await build({ projectRoot: project.root, specsOnly: true });
    const openaiTime = statSync(path.join(generated(), 'openai/openapi.yaml')).mtimeMs;
    const noop = await build({ projectRoot: project.root, specsOnly: true });
    expect(noop.profiles.map((p) => p.state)).toEqual(['up-to-date', 'up-to-date']);

    project.writeOverlay('acme', `${minimalOverlay('acme')}  - target: $.info\n    update: { x-edited: true }\n`);
    const edited = await build({ projectRoot: project.root, specsOnly: true });
    expect(edited.profiles.map((p) => [p.id, p.state])).toEqual([['openai', 'up-to-date'], ['acme', 'built']]);
    expect(statSync(path.join(generated(), 'openai/openapi.yaml')).mtimeMs).toBe(openaiTime);
    expect(readFileSync(path.join(generated(), 'acme/openapi.yaml'), 'utf8')).toContain('x-edited: true');
    project.writeOverlay('acme', minimalOverlay('acme'));
  });

  it('refuses an unknown profile id, listing the known ones', async () => {
    const err = await buildFailure({ projectRoot: project.root, profiles: ['nope'] });
    expect(err.exitCode).toBe(2);
    expect(err.diagnostics[0]).toMatchObject({ code: 'unknown-profile' });
    expect(err.diagnostics[0].hint).toContain('openai, acme');
  });

  it('refuses a base spec whose sha256 is not the pinned one', async () => {
    const wrong = path.join(project.root, 'wrong.yaml');
    writeFileSync(wrong, `${readFileSync(path.join(project.root, 'spec/base/openai.yaml'), 'utf8')}\n# changed\n`);
    const err = await buildFailure({ projectRoot: project.root, env: { OPENAI_SPEC: wrong }, force: true });
    expect(err.exitCode).toBe(3);
    expect(err.diagnostics[0]).toMatchObject({ code: 'base-spec-sha256-mismatch', location: { file: wrong } });
  });
});

describe('build with a bad overlay', () => {
  const file = 'spec/providers/acme/overlay.yaml';
  const cases: [string, string, Record<string, unknown>][] = [
    ['malformed YAML', 'overlay: 1.1.0\nactions: [\n  - target: $', { code: 'yaml-syntax', location: { file, line: 3 } }],
    ['an overlay that fails its schema', 'overlay: 1.1.0\nactions:\n  - target: $\n    update: {}\n', { code: 'overlay-schema', message: expect.stringContaining('info'), location: { file, line: 1 } }],
    ['a JSONPath syntax error', minimalOverlay('acme', "  - target: $.paths[?(@.x ==]\n    update: {}\n"), { code: 'overlay-jsonpath-syntax', message: expect.stringContaining('position 17'), location: { file, action: 2, line: 23 } }],
    ['a target that matches nothing', minimalOverlay('acme', "  - target: $.paths['/nope'].post\n    update: { summary: x }\n"), { code: 'overlay-target-no-match', message: expect.stringContaining("$.paths['/nope'].post"), location: { file, action: 2, line: 23 } }],
    ['a type conflict', minimalOverlay('acme', '  - target: $.info.title\n    update: { nested: true }\n'), { code: 'overlay-type-conflict', message: expect.stringContaining('/info/title'), location: { file, action: 2 } }],
    ['a $ref to a URL', minimalOverlay('acme', "  - target: $.components.schemas\n    update: { Remote: { $ref: 'https://example.com/s.yaml#/X' } }\n"), { code: 'ref-remote', location: { file, action: 2, pointer: '/components/schemas/Remote' } }],
    ['a $ref outside the project', minimalOverlay('acme', "  - target: $.components.schemas\n    update: { Far: { $ref: '../../../../../etc/s.yaml' } }\n"), { code: 'ref-outside-project', location: { file, action: 2 } }],
    ['claims that fail the x-compat schema', minimalOverlay('acme', "  - target: $.paths['/models'].get\n    update: { x-compat: { status: fine } }\n"), { code: 'x-compat-schema', location: { file, action: 2 } }],
  ];

  it.each(cases)('%s: a located error with a hint, and generated/ untouched', async (_name, overlay, expected) => {
    await build({ projectRoot: project.root, specsOnly: true });
    const before = hashTree(generated());
    project.writeOverlay('acme', overlay);
    try {
      const err = await buildFailure({ projectRoot: project.root, specsOnly: true });
      expect(err.diagnostics[0]).toMatchObject({ severity: 'error', ...expected });
      expect(err.diagnostics[0].hint).toBeTruthy();
      expect(hashTree(generated())).toEqual(before);
      expect(existsSync(path.join(generated(), 'acme/openapi.yaml'))).toBe(true);
    } finally {
      project.writeOverlay('acme', minimalOverlay('acme'));
    }
  });
});

describe('the base profile', () => {
  const profileFile = () => path.join(project.root, 'spec/providers/openai/profile.yaml');
  const profileYaml = (servers: string) => `x-compat:
  provider: { id: openai, name: OpenAI }
  auth: { scheme: bearer, env: OPENAI_API_KEY }
  sources: [{ id: spec, url: https://github.com/openai/openai-openapi, verified: "2026-11-21" }]
  source: spec
servers: [{ url: ${servers} }]
`;

  it('is the normalized base with the root claims of its profile.yaml', async () => {
    mkdirSync(path.dirname(profileFile()), { recursive: true });
    writeFileSync(profileFile(), profileYaml('https://api.openai.com/v1'));
    await build({ projectRoot: project.root, specsOnly: true, profiles: ['openai'] });
    const spec = parseYaml(readFileSync(path.join(generated(), 'openai/openapi.yaml'), 'utf8'), 'x') as any;
    expect(spec['x-compat'].provider).toEqual({ id: 'openai', name: 'OpenAI' });
    expect(spec.webhooks).toBeDefined();
  });

  it('refuses a profile.yaml that would change the spec', async () => {
    writeFileSync(profileFile(), profileYaml('https://elsewhere.example/v1'));
    const err = await buildFailure({ projectRoot: project.root, specsOnly: true, profiles: ['openai'] });
    expect(err.diagnostics[0]).toMatchObject({ code: 'profile-servers', location: { file: 'spec/providers/openai/profile.yaml', pointer: '/servers', line: 6 } });
  });
});
