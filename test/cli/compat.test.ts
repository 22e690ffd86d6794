import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/commands/compat.ts';
import type { CliIO } from '../../src/cli/io.ts';
import { run as main } from '../../src/cli/main.ts';
import { buildCompatReport } from '../../src/compat/model.ts';
import { renderCompatJson } from '../../src/compat/render-json.ts';
import { parseYaml } from '../../src/load/document.ts';

const fixtures = path.resolve('test/fixtures/compat/mini');
const load = (name: string) => parseYaml(readFileSync(path.join(fixtures, name), 'utf8'), name) as Record<string, unknown>;
const report = buildCompatReport(
  { id: 'mini', spec: load('provider.yaml'), base: load('base.yaml'), provenance: JSON.parse(readFileSync(path.join(fixtures, 'provenance.json'), 'utf8')), overlayFile: 'spec/providers/mini/overlay.yaml' },
  { title: 'Mini API', version: '1.0.0', sha256: 'f'.repeat(64) },
).report;

// A project with two providers, one of them built.
const root = mkdtempSync(path.join(tmpdir(), 'oai-compat-cli-'));
for (const id of ['mini', 'unbuilt']) {
  mkdirSync(path.join(root, 'spec/providers', id), { recursive: true });
  writeFileSync(path.join(root, 'spec/providers', id, 'overlay.yaml'), 'overlay: 1.0.0\n');
}
mkdirSync(path.join(root, 'generated/mini'), { recursive: true });
const json = renderCompatJson(report);
writeFileSync(path.join(root, 'generated/mini/compat.json'), json);
afterAll(() => rmSync(root, { recursive: true, force: true }));

function fakeIO(): CliIO & { out: string; err: string } {
  const io = { out: '', err: '', cwd: root, env: {}, stdout: (t: string) => void (io.out += t), stderr: (t: string) => void (io.err += t) };
  return io;
}

describe('oai-compat compat', () => {
  it.each([
    { args: ['mini'], code: 0, out: '| `n` | partial | must be 1 |' },
    { args: ['mini', '--format', 'md'], code: 0, out: '# MiniAI: OpenAI API compatibility' },
    { args: ['mini', '--format', 'json'], code: 0, out: '"undocumented": 37' },
    { args: [], code: 2, err: 'expected a profile id' },
    { args: ['mini', '--format', 'html'], code: 2, err: 'unknown format "html"' },
    { args: ['mini', 'extra'], code: 2, err: 'unexpected argument "extra"' },
    { args: ['nope'], code: 2, err: 'unknown profile "nope"\n  hint: known profiles: openai, mini, unbuilt' },
    { args: ['--bogus'], code: 2, err: "Unknown option '--bogus'" },
  ])('$args → exit $code', async ({ args, code, out, err }) => {
    const io = fakeIO();
    expect(await main(['compat', ...args], io)).toBe(code);
    if (out) expect(io.out).toContain(out);
    if (err) expect(io.err).toContain(err);
  });

  it('prints compat.json byte for byte', async () => {
    const io = fakeIO();
    await run(['mini', '--format', 'json'], io);
    expect(io.out).toBe(json);
  });

  it('says to build first when compat.json is missing (exit 3, through the CLI entry)', async () => {
    const io = fakeIO();
    expect(await main(['compat', 'unbuilt'], io)).toBe(3);
    expect(io.err).toContain('[compat-not-built] generated/unbuilt/compat.json does not exist');
    expect(io.err).toContain('run `oai-compat build` first');
  });
});
