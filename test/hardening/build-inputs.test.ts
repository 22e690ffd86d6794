/**
 * Hostile provider folders and damaged build state: each is a located error with its exit code
 * and leaves generated/ as it was, or builds correctly. Files outside the project never reach the
 * output, not even through a symlink.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, readManifest } from '../../src/build/build.ts';
import { parseYaml } from '../../src/load/document.ts';
import { startMock } from '../../src/mock/start.ts';
import { diagnosticFailure } from '../helpers/failure.ts';
import { hashTree, makeTempProject, minimalOverlay, type TempProject } from '../helpers/temp-project.ts';
import { expectShortError, runCli } from './helpers.ts';

let project: TempProject;
let outside: string;
const SECRET = 'runner-token-0123456789';
const generated = () => path.join(project.root, 'generated');
const providerDir = () => path.join(project.root, 'spec/providers/acme');
const withSchema = (ref: string) => minimalOverlay('acme', `  - target: $.components.schemas\n    update: { Injected: { $ref: '${ref}' } }\n  - target: $.paths['/chat/completions'].post\n    update: { x-injected: { $ref: '#/components/schemas/Injected' } }\n`);
const specsOnly = () => build({ projectRoot: project.root, specsOnly: true });

beforeAll(async () => {
  project = makeTempProject({ providers: { acme: minimalOverlay('acme') } });
  outside = mkdtempSync(path.join(tmpdir(), 'oai-compat-outside-'));
  writeFileSync(path.join(outside, 'token.yaml'), `secret: ${SECRET}\n`);
  await specsOnly();
});
afterAll(() => {
  project.remove();
  rmSync(outside, { recursive: true, force: true });
});

/** Builds with `overlay`, expects a DiagnosticError matching `expected`, then restores the overlay. */
async function expectBuildError(overlay: string, expected: Record<string, unknown>, exitCode: number): Promise<void> {
  const before = hashTree(generated());
  project.writeOverlay('acme', overlay);
  try {
    const err = await diagnosticFailure(specsOnly());
    expect(err.exitCode).toBe(exitCode);
    expect(err.diagnostics[0]).toMatchObject(expected);
    expect(err.diagnostics[0].hint).toBeTruthy();
    expect(hashTree(generated())).toEqual(before);
  } finally {
    project.writeOverlay('acme', minimalOverlay('acme'));
  }
}

describe('$ref safety', () => {
  it('a symlinked file or folder pointing outside the project is refused; its content is never written', async () => {
    symlinkSync(path.join(outside, 'token.yaml'), path.join(providerDir(), 'schema.yaml'));
    symlinkSync(outside, path.join(providerDir(), 'shared'));
    try {
      await expectBuildError(withSchema('schema.yaml'), { code: 'ref-outside-project', location: { file: 'spec/providers/acme/overlay.yaml', action: 2 } }, 1);
      await expectBuildError(withSchema('shared/token.yaml'), { code: 'ref-outside-project' }, 1);
      expect(JSON.stringify(hashTree(generated()))).not.toContain(SECRET);
      for (const file of Object.keys(hashTree(generated()))) expect(readFileSync(path.join(generated(), file), 'utf8')).not.toContain(SECRET);
    } finally {
      rmSync(path.join(providerDir(), 'schema.yaml'));
      rmSync(path.join(providerDir(), 'shared'));
    }
  });

  it('a missing file, a folder and a bad % escape are located errors', async () => {
    await expectBuildError(withSchema('nope.yaml'), { code: 'ref-unreadable', message: expect.stringContaining('no such file'), location: { action: 2 } }, 3);
    mkdirSync(path.join(providerDir(), 'folder.yaml'), { recursive: true });
    await expectBuildError(withSchema('folder.yaml'), { code: 'ref-unreadable', message: expect.stringContaining('folder') }, 3);
    rmSync(path.join(providerDir(), 'folder.yaml'), { recursive: true });
    await expectBuildError(withSchema('a%zz.yaml'), { code: 'ref-syntax' }, 1);
  });

  it('a changed $ref target outside the provider folder makes the profile stale; the manifest names it', async () => {
    const sharedFile = path.join(project.root, 'spec/shared-schemas.yaml');
    writeFileSync(sharedFile, 'type: string\ndescription: first\n');
    project.writeOverlay('acme', withSchema('../../shared-schemas.yaml'));
    try {
      await specsOnly();
      const manifest = await readManifest(generated());
      expect(Object.keys(manifest!.profiles.acme.refs)).toEqual(['spec/shared-schemas.yaml']);
      writeFileSync(sharedFile, 'type: string\ndescription: second\n');
      const report = await specsOnly();
      expect(report.profiles.find((p) => p.id === 'acme')?.state).toBe('built');
      expect(readFileSync(path.join(generated(), 'acme/openapi.yaml'), 'utf8')).toContain('description: second');
    } finally {
      project.writeOverlay('acme', minimalOverlay('acme'));
      rmSync(sharedFile);
      await specsOnly();
    }
  });
});

describe('claims and slicing', () => {
  it('an overlay that removes $.components is a located error naming the removing action', async () => {
    await expectBuildError(minimalOverlay('acme', '  - target: $.components\n    remove: true\n'), { location: { file: 'spec/providers/acme/overlay.yaml', action: 2, line: 23 } }, 1);
  });

  it('removing a schema the kept operations reference is a dangling-ref error naming the removing action', async () => {
    await expectBuildError(minimalOverlay('acme', "  - target: $.components.schemas['CreateChatCompletionResponse']\n    remove: true\n"), { code: 'ref-dangling', location: { file: 'spec/providers/acme/overlay.yaml', action: 2, line: 23 } }, 1);
  });

  it('x-compat that is not an object, and a provider offering nothing, are errors', async () => {
    await expectBuildError(minimalOverlay('acme', "  - target: $.paths['/models'].get\n    update: { x-compat: yes }\n"), { code: 'x-compat-not-object', location: { pointer: '/paths/~1models/get/x-compat' } }, 1);
    await expectBuildError(minimalOverlay('acme').replace('status: supported', 'status: unsupported'), { code: 'provider-offers-nothing' }, 1);
  });

  it('a schema named __proto__ is kept by the slice with the ref that reaches it', async () => {
    project.writeOverlay('acme', minimalOverlay('acme', "  - target: $.components.schemas\n    update: { __proto__: { type: string, description: proto-schema } }\n  - target: $.paths['/chat/completions'].post\n    update: { x-s: { $ref: '#/components/schemas/__proto__' } }\n"));
    try {
      await specsOnly();
      const spec = parseYaml(readFileSync(path.join(generated(), 'acme/openapi.yaml'), 'utf8'), 'x') as { components: { schemas: Record<string, unknown> } };
      expect(Object.hasOwn(spec.components.schemas, '__proto__')).toBe(true);
      expect(Object.getOwnPropertyDescriptor(spec.components.schemas, '__proto__')?.value).toEqual({ type: 'string', description: 'proto-schema' });
    } finally {
      project.writeOverlay('acme', minimalOverlay('acme'));
      await specsOnly();
    }
  });
});

describe('remote refs (allowed)', () => {
  it('a server that never answers times out with a located error', async () => {
    const { createServer } = await import('node:net');
    const silent = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as { port: number }).port;
    project.writeOverlay('acme', withSchema(`http://127.0.0.1:${port}/schema.yaml`));
    try {
      const err = await diagnosticFailure(build({ projectRoot: project.root, specsOnly: true, allowRemoteRefs: true, env: { ...process.env, OAI_COMPAT_REMOTE_REF_TIMEOUT_MS: '300' } }));
      expect(err.exitCode).toBe(3);
      expect(err.diagnostics[0]).toMatchObject({ code: 'ref-unreadable', message: expect.stringContaining('no answer within 300 ms'), location: { action: 2 } });
    } finally {
      project.writeOverlay('acme', minimalOverlay('acme'));
      silent.close();
    }
  });
});

describe('damaged build state and partial builds', () => {
  it('--specs-only replaces the spec files and keeps what the generators wrote', async () => {
    writeFileSync(path.join(generated(), 'acme/client.gen.ts'), '// from a full build\n');
    project.writeOverlay('acme', minimalOverlay('acme', '  - target: $.info\n    update: { x-edited: 1 }\n'));
    try {
      await build({ projectRoot: project.root, specsOnly: true, profiles: ['acme'] });
      expect(readFileSync(path.join(generated(), 'acme/client.gen.ts'), 'utf8')).toBe('// from a full build\n');
      expect(readFileSync(path.join(generated(), 'acme/openapi.yaml'), 'utf8')).toContain('x-edited: 1');
      expect((await readManifest(generated()))!.profiles.acme.outputs).toBe('specs');
    } finally {
      project.writeOverlay('acme', minimalOverlay('acme'));
      await specsOnly();
    }
  });

  it('a corrupt cache entry is recomputed; a corrupt pin.json is a located error (exit 3)', async () => {
    const cacheDir = path.join(project.root, '.cache');
    for (const file of (await import('node:fs')).readdirSync(cacheDir)) writeFileSync(path.join(cacheDir, file), '{"base": tru');
    const report = await build({ projectRoot: project.root, specsOnly: true, force: true });
    expect(report.profiles.every((p) => p.state === 'built')).toBe(true);
    const pin = path.join(project.root, 'spec/base/pin.json');
    const original = readFileSync(pin, 'utf8');
    writeFileSync(pin, '{"sha256": ');
    try {
      const result = runCli(['build', '--specs-only'], { cwd: project.root });
      expect(result.code).toBe(3);
      expect(result.stderr).toContain('pin.json');
      expectShortError(result.stderr);
    } finally {
      writeFileSync(pin, original);
    }
  });

  it('a corrupt mock.gen.json is a located error (exit 3), not a stack trace', async () => {
    mkdirSync(path.join(generated(), 'acme'), { recursive: true });
    writeFileSync(path.join(generated(), 'acme/mock.gen.json'), '{"format": "oai-compat-mock/1", "mod');
    const err = await diagnosticFailure(startMock({ provider: 'acme', generatedDir: generated() }));
    expect(err.exitCode).toBe(3);
    expect(err.diagnostics[0]).toMatchObject({ code: 'mock-data-corrupt', location: { file: path.join(generated(), 'acme/mock.gen.json') } });
    rmSync(path.join(generated(), 'acme/mock.gen.json'));
  });

  it('a provider name holding */ is escaped in the doc comments of the typed client', async () => {
    project.writeOverlay('acme', minimalOverlay('acme').replace('name: Test acme', 'name: "Evil */ acme"'));
    try {
      const report = await build({ projectRoot: project.root, profiles: ['acme'] });
      expect(report.profiles[0].state).toBe('built');
      expect(readFileSync(path.join(generated(), 'acme/index.gen.ts'), 'utf8')).toContain('Evil *\\/ acme');
    } finally {
      project.writeOverlay('acme', minimalOverlay('acme'));
    }
  });
});
