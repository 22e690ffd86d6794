/**
 * Hostile inputs to `oai-compat overlay apply`, as a real process: each case ends with a located,
 * short error and the documented exit code (or the right result), writes nothing, and returns
 * (every run is bounded by a timeout; speed itself is measured in `npm run bench`).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectShortError, runCli } from './helpers.ts';

let dir: string;
const spec = "openapi: 3.1.0\ninfo: { title: t, version: '1' }\npaths: {}\nx-title: { title: aaaaaaaaaaaaaaaaaaaaaaaaaaaaab }\n";
const overlay = (actions: string, version = '1.1.0') => `overlay: ${version}\ninfo: { title: t, version: '1' }\nactions:\n${actions}`;
const tag = overlay('  - target: $.info\n    update: { x-tagged: true }\n');
const write = (name: string, text: string | Buffer) => writeFileSync(path.join(dir, name), text);
const apply = (args: string[], env: NodeJS.ProcessEnv = {}) => runCli(['overlay', 'apply', ...args], { cwd: dir, env });

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'oai-compat-hostile-'));
  write('spec.yaml', spec);
  write('tag.yaml', tag);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A failing case: exit code, a message part, the line when known; no stack, nothing written. */
function expectRefused(result: ReturnType<typeof apply>, code: number, message: string | RegExp, line?: string): void {
  expect(result.code, result.stderr).toBe(code);
  expect(result.stderr).toMatch(message);
  if (line) expect(result.stderr).toContain(line);
  expectShortError(result.stderr.split('oai-compat overlay: nothing written')[0]);
  expect(result.stdout).toBe('');
}

describe('documents that would exhaust memory, stack or time', () => {
  it('a 700-byte alias bomb is refused, naming the node count limit and its variable', () => {
    let bomb = 'overlay: 1.1.0\ninfo: { title: t, version: "1" }\nx-a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n';
    for (let i = 1; i < 10; i++) bomb += `x-a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]\n`;
    bomb += 'actions:\n  - target: $.info\n    update: { x-bomb: *a9 }\n';
    write('bomb.yaml', bomb);
    expectRefused(apply(['spec.yaml', 'bomb.yaml']), 3, /more than 5000000 nodes.*OAI_COMPAT_MAX_NODES/s, 'bomb.yaml:');
  });

  it('a self-referencing alias is refused', () => {
    write('cycle.yaml', overlay('  - target: $.info\n    update: &u { x-self: *u }\n'));
    expectRefused(apply(['spec.yaml', 'cycle.yaml']), 3, /alias refers to a node that contains it/, 'cycle.yaml:');
  });

  it('deep nesting names a line, flow or block style', () => {
    write('deep-flow.yaml', overlay(`  - target: $.info\n    update: { x-deep: ${'['.repeat(4000)}${']'.repeat(4000)} }\n`));
    expectRefused(apply(['spec.yaml', 'deep-flow.yaml']), 3, /nested/, 'deep-flow.yaml:5');
    let block = '';
    for (let i = 0; i < 300; i++) block += `${' '.repeat(6 + 2 * i)}k${i}:\n`;
    write('deep-block.yaml', overlay(`  - target: $.info\n    update:\n${block}`));
    expectRefused(apply(['spec.yaml', 'deep-block.yaml']), 3, /nested/, 'deep-block.yaml:');
  });

  it('a file over the size limit is refused before it is read', () => {
    expectRefused(apply(['spec.yaml', 'tag.yaml'], { OAI_COMPAT_MAX_DOCUMENT_BYTES: '64' }), 3, /over the limit of 64.*OAI_COMPAT_MAX_DOCUMENT_BYTES/s);
  });

  it('22 copies that each double a node stop at the growth limit, at the action that crosses it', () => {
    let actions = '  - target: $.info\n    update: { x-d: { a: 1 } }\n';
    for (let i = 0; i < 22; i++) actions += `  - target: $.info.x-d\n    update: { n${i}: {} }\n  - target: $.info.x-d.n${i}\n    copy: $.info.x-d\n`;
    write('copies.yaml', overlay(actions));
    expectRefused(apply(['spec.yaml', 'copies.yaml'], { OAI_COMPAT_MAX_ADDED_NODES: '100000' }), 1, /overlay-growth.*OAI_COMPAT_MAX_ADDED_NODES/s, 'action 32');
  });

  it('more actions than the limit are refused', () => {
    write('many.yaml', overlay(Array.from({ length: 30 }, (_, i) => `  - target: $.info\n    update: { x-a${i}: ${i} }\n`).join('')));
    expectRefused(apply(['spec.yaml', 'many.yaml'], { OAI_COMPAT_MAX_ACTIONS: '20' }), 1, /30 actions, over the limit of 20/);
  });

  it('a JSONPath pattern that backtracks catastrophically is refused, a safe one runs', () => {
    write('regex.yaml', overlay("  - target: $[?match(@.title, '(a+)+')]\n    update: { x: 1 }\n"));
    expectRefused(apply(['spec.yaml', 'regex.yaml']), 1, /overlay-jsonpath-regex.*exponential/s, 'action 0');
    write('regex-ok.yaml', overlay("  - target: $[?match(@.title, 'a+b')]\n    update: { x-matched: 1 }\n"));
    const ok = apply(['spec.yaml', 'regex-ok.yaml', '--strict']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('x-matched: 1');
  });
});

describe('malformed or ambiguous text', () => {
  it('a key given twice is an error at the second one (two `actions:` blocks, two `target:`)', () => {
    write('dup-actions.yaml', `${tag}actions:\n  - target: $.paths\n    remove: true\n`);
    expectRefused(apply(['spec.yaml', 'dup-actions.yaml']), 3, /duplicated mapping key/, 'dup-actions.yaml:6');
    write('dup-target.yaml', overlay('  - target: $.info\n    target: $.paths\n    update: { x: 1 }\n'));
    expectRefused(apply(['spec.yaml', 'dup-target.yaml']), 3, /duplicated mapping key/, 'dup-target.yaml:5');
  });

  it('UTF-16 with a byte order mark is decoded; without one, and invalid UTF-8, are errors naming where', () => {
    write('utf16.yaml', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(tag, 'utf16le')]));
    const decoded = apply(['spec.yaml', 'utf16.yaml']);
    expect(decoded.code, decoded.stderr).toBe(0);
    expect(decoded.stdout).toContain('x-tagged: true');
    write('utf16-nobom.yaml', Buffer.from(tag, 'utf16le'));
    expectRefused(apply(['spec.yaml', 'utf16-nobom.yaml']), 3, /UTF-16/);
    const bad = Buffer.from(tag.replace('x-tagged', 'x-t\u00e9gged'));
    bad[bad.indexOf(0xc3)] = 0xff;
    write('latin.yaml', bad);
    expectRefused(apply(['spec.yaml', 'latin.yaml']), 3, new RegExp(`invalid UTF-8 at byte offset ${bad.indexOf(0xff)} \\(byte 0xff\\)`), 'latin.yaml:5');
  });

  it('a FIFO or a folder given as input is refused at once', () => {
    spawnSync('mkfifo', [path.join(dir, 'pipe.yaml')]);
    expectRefused(apply(['spec.yaml', 'pipe.yaml']), 3, /not a regular file/);
    mkdirSync(path.join(dir, 'folder.yaml'), { recursive: true });
    expectRefused(apply(['spec.yaml', 'folder.yaml']), 3, /it is a folder/);
  });
});

describe('-o', () => {
  it('refuses a missing folder, a FIFO, a device and a dangling symlink, writing nothing (exit 2)', () => {
    expectRefused(apply(['spec.yaml', 'tag.yaml', '-o', 'missing/out.yaml']), 2, /folder .*missing does not exist/);
    expect(existsSync(path.join(dir, 'missing'))).toBe(false);
    spawnSync('mkfifo', [path.join(dir, 'out-pipe')]);
    expectRefused(apply(['spec.yaml', 'tag.yaml', '-o', 'out-pipe']), 2, /not a regular file \(a pipe\)/);
    expectRefused(apply(['spec.yaml', 'tag.yaml', '-o', '/dev/null']), 2, /a device/);
    symlinkSync(path.join(dir, 'nowhere.yaml'), path.join(dir, 'dangling.yaml'));
    expectRefused(apply(['spec.yaml', 'tag.yaml', '-o', 'dangling.yaml']), 2, /symlink to a missing file/);
    expect(existsSync(path.join(dir, 'nowhere.yaml'))).toBe(false);
  });

  it('writes through a symlink to a regular file: the link stays, the file it names changes', () => {
    mkdirSync(path.join(dir, 'real'), { recursive: true });
    write('real/target.yaml', 'old\n');
    symlinkSync(path.join(dir, 'real/target.yaml'), path.join(dir, 'link.yaml'));
    const result = apply(['spec.yaml', 'tag.yaml', '-o', 'link.yaml']);
    expect(result.code, result.stderr).toBe(0);
    expect(readFileSync(path.join(dir, 'real/target.yaml'), 'utf8')).toContain('x-tagged: true');
    expect(spawnSync('test', ['-L', path.join(dir, 'link.yaml')]).status).toBe(0);
  });
});
