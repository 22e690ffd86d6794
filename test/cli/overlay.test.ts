/** `oai-compat overlay apply` through run(argv, io) with a fake io, and once as a real process. */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.ts';
import type { CliIO } from '../../src/cli/io.ts';
import { parseYaml } from '../../src/load/document.ts';

const projectRoot = path.resolve(import.meta.dirname, '../..');
const corpus = path.resolve(projectRoot, '../shared/overlay-compliant-sets');
let dir: string;

function fakeIO(): CliIO & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    cwd: dir,
    env: {},
    stdout(text: string) {
      io.out += text;
    },
    stderr(text: string) {
      io.err += text;
    },
  };
  return io;
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oai-compat-overlay-cli-'));
  fs.copyFileSync(path.join(corpus, 'cs-replace-servers-for-sandbox/openapi.yaml'), path.join(dir, 'spec.yaml'));
  fs.copyFileSync(path.join(corpus, 'cs-replace-servers-for-sandbox/overlay.yaml'), path.join(dir, 'servers.yaml'));
  fs.writeFileSync(path.join(dir, 'tag.yaml'), `overlay: 1.0.0\ninfo: { title: t, version: '1' }\nactions:\n  - target: $.info\n    update: { x-tagged: true }\n`);
  fs.writeFileSync(path.join(dir, 'nomatch.yaml'), `overlay: 1.0.0\ninfo: { title: t, version: '1' }\nactions:\n  - target: $.info\n    update: { x-a: 1 }\n  - target: $.paths['/missing']\n    remove: true\n`);
  fs.writeFileSync(path.join(dir, 'broken.yaml'), `overlay: 1.0.0\ninfo: [unclosed\n`);
  fs.writeFileSync(path.join(dir, 'badschema.yaml'), `overlay: 1.0.0\ninfo: { title: t, version: '1' }\nactions:\n  - target: $.info\n    copy: $.paths\n`);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const expected = () => parseYaml(fs.readFileSync(path.join(corpus, 'cs-replace-servers-for-sandbox/output.yaml'), 'utf8'), 'output.yaml');

describe('oai-compat overlay apply', () => {
  it('writes the result as YAML to stdout', async () => {
    const io = fakeIO();
    expect(await run(['overlay', 'apply', 'spec.yaml', 'servers.yaml'], io)).toBe(0);
    expect(parseYaml(io.out, 'stdout')).toEqual(expected());
    expect(io.err).toBe('');
  });

  it('applies several overlays in order', async () => {
    const io = fakeIO();
    expect(await run(['overlay', 'apply', 'spec.yaml', 'servers.yaml', 'tag.yaml', '--strict'], io)).toBe(0);
    const want = expected() as { info: Record<string, unknown> };
    want.info['x-tagged'] = true;
    expect(parseYaml(io.out, 'stdout')).toEqual(want);
  });

  it('writes JSON to an -o file ending in .json, and YAML to any other', async () => {
    const io = fakeIO();
    fs.mkdirSync(path.join(dir, 'out'));
    expect(await run(['overlay', 'apply', 'spec.yaml', 'servers.yaml', '-o', 'out/result.json'], io)).toBe(0);
    const json = fs.readFileSync(path.join(dir, 'out/result.json'), 'utf8');
    expect(JSON.parse(json)).toEqual(expected());
    expect(io.out).toBe('');
    expect(await run(['overlay', 'apply', 'spec.yaml', 'servers.yaml', '-o', 'result.yaml'], io)).toBe(0);
    const yamlText = fs.readFileSync(path.join(dir, 'result.yaml'), 'utf8');
    expect(yamlText.trimStart().startsWith('{')).toBe(false);
    expect(parseYaml(yamlText, 'result.yaml')).toEqual(expected());
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('follows the spec without --strict (zero-match is a no-op) and fails with --strict', async () => {
    const lenient = fakeIO();
    expect(await run(['overlay', 'apply', 'spec.yaml', 'nomatch.yaml'], lenient)).toBe(0);
    expect((parseYaml(lenient.out, 'stdout') as { info: Record<string, unknown> }).info['x-a']).toBe(1);

    const strict = fakeIO();
    expect(await run(['overlay', 'apply', 'spec.yaml', 'nomatch.yaml', '--strict', '-o', 'strict.yaml'], strict)).toBe(1);
    expect(strict.err).toContain("nomatch.yaml:6: error [overlay-target-no-match] target `$.paths['/missing']` matches nothing (action 1, at /actions/1)");
    expect(strict.err).toContain('hint:');
    expect(strict.out).toBe('');
    expect(fs.existsSync(path.join(dir, 'strict.yaml'))).toBe(false);
  });

  it('exits 1 on an overlay that fails its schema', async () => {
    const io = fakeIO();
    expect(await run(['overlay', 'apply', 'spec.yaml', 'badschema.yaml'], io)).toBe(1);
    expect(io.err).toContain('badschema.yaml:5: error [overlay-schema] unknown field `copy`');
  });

  it('exits 3 on unreadable or malformed input, naming the file', async () => {
    const missing = fakeIO();
    expect(await run(['overlay', 'apply', 'nope.yaml', 'servers.yaml'], missing)).toBe(3);
    expect(missing.err).toContain('cannot read nope.yaml: no such file');
    const broken = fakeIO();
    expect(await run(['overlay', 'apply', 'spec.yaml', 'broken.yaml'], broken)).toBe(3);
    expect(broken.err).toMatch(/^broken\.yaml:\d+:\d+: error \[yaml-syntax\]/);
  });

  it('exits 2 on usage errors', async () => {
    for (const argv of [['overlay'], ['overlay', 'apply', 'spec.yaml'], ['overlay', 'merge', 'a', 'b'], ['overlay', 'apply', 'spec.yaml', 'servers.yaml', '--bogus']]) {
      const io = fakeIO();
      expect(await run(argv, io), argv.join(' ')).toBe(2);
      expect(io.err).toContain('usage: oai-compat overlay apply');
    }
  });

  it('runs as a real process', async () => {
    const { stdout } = await promisify(execFile)(path.join(projectRoot, 'node_modules/.bin/node'), [path.join(projectRoot, 'bin/oai-compat.js'), 'overlay', 'apply', 'spec.yaml', 'servers.yaml', '--strict'], { cwd: dir, timeout: 30_000 });
    expect(parseYaml(stdout, 'stdout')).toEqual(expected());
  });

  it('exits non-zero as a real process when strict application fails', async () => {
    const failure = await promisify(execFile)(path.join(projectRoot, 'node_modules/.bin/node'), [path.join(projectRoot, 'bin/oai-compat.js'), 'overlay', 'apply', 'spec.yaml', 'nomatch.yaml', '--strict'], { cwd: dir, timeout: 30_000 }).then(
      () => undefined,
      (err: { code: number; stderr: string }) => err,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toContain('overlay-target-no-match');
  });
});
