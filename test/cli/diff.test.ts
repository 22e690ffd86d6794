import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/commands/diff.ts';
import type { CliIO } from '../../src/cli/io.ts';
import { run as main } from '../../src/cli/main.ts';

const fixtures = path.resolve('test/fixtures/compat');
const oldBase = path.join(fixtures, 'mini/base.yaml');
const newBase = path.join(fixtures, 'diff/base-next.yaml');
const root = mkdtempSync(path.join(tmpdir(), 'oai-compat-diff-cli-'));
mkdirSync(path.join(root, 'spec/providers/mini'), { recursive: true });
cpSync(path.join(fixtures, 'diff/overlay.yaml'), path.join(root, 'spec/providers/mini/overlay.yaml'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function fakeIO(): CliIO & { out: string; err: string } {
  const io = { out: '', err: '', cwd: root, env: {}, stdout: (t: string) => void (io.out += t), stderr: (t: string) => void (io.err += t) };
  return io;
}

describe('oai-compat diff', () => {
  it('exits 1 and names what to fix, with redocly diff classifying the changes', async () => {
    const io = fakeIO();
    expect(await run([oldBase, newBase], io)).toBe(1);
    expect(io.out).toContain('mini (spec/providers/mini/overlay.yaml)');
    expect(io.out).toContain('action 1 (line 13) $.components.schemas.ChatRequest.allOf[1].properties.tree: tree is not supported (matched 1, now 0)');
    expect(io.out).toContain('changed type: "integer" → "number" at /components/schemas/ChatRequest/allOf/1/properties/n/type [patch]');
    expect(io.out).toContain('removed: was {"type":"string"} at /components/schemas/AssistantMessage/properties/name [major]');
  });

  it('exits 0 for the same base twice; --format json', async () => {
    const io = fakeIO();
    expect(await run([oldBase, oldBase, '--format', 'json', '--no-redocly'], io)).toBe(0);
    expect(JSON.parse(io.out).providers).toEqual([{ id: 'mini', file: 'spec/providers/mini/overlay.yaml', stoppedMatching: [], errors: [], claimChanges: [] }]);
  });

  it.each([
    { args: [oldBase], code: 2, err: 'expected two base specs' },
    { args: [oldBase, newBase, '--format', 'xml'], code: 2, err: 'unknown format "xml"' },
  ])('$err → exit $code', async ({ args, code, err }) => {
    const io = fakeIO();
    expect(await run(args, io)).toBe(code);
    expect(io.err).toContain(err);
  });

  it('exits 3 on a missing or non-OpenAPI file', async () => {
    const io = fakeIO();
    expect(await main(['diff', path.join(root, 'missing.yaml'), newBase, '--no-redocly'], io)).toBe(3);
    expect(io.err).toContain('[diff-unreadable]');
    const io2 = fakeIO();
    expect(await main(['diff', path.join(fixtures, 'diff/overlay.yaml'), newBase, '--no-redocly'], io2)).toBe(3);
    expect(io2.err).toContain('[diff-not-openapi]');
  });
});
