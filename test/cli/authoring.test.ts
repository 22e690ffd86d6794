import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliIO } from '../../src/cli/io.ts';
import { run as main } from '../../src/cli/main.ts';
import { toYaml, parseYaml } from '../../src/load/document.ts';
import { validateOverlayDocument } from '../../src/overlay/index.ts';
import { chatSpec } from '../compile/fixture.ts';

const root = mkdtempSync(path.join(tmpdir(), 'oai-compat-authoring-'));
mkdirSync(path.join(root, 'spec/providers/taken'), { recursive: true });
afterAll(() => rmSync(root, { recursive: true, force: true }));

function fakeIO(cwd = root): CliIO & { out: string; err: string } {
  const io = { out: '', err: '', cwd, env: {}, stdout: (t: string) => void (io.out += t), stderr: (t: string) => void (io.err += t) };
  return io;
}

describe('oai-compat where', () => {
  it('exits 3 naming the missing normalized base', async () => {
    const io = fakeIO();
    expect(await main(['where', 'n'], io)).toBe(3);
    expect(io.err).toContain('generated/base/openapi.yaml does not exist');
    expect(io.err).toContain('npm run build');
  });

  it.each([
    {
      args: ['top_logprobs'],
      out: [
        '/components/schemas/CreateChatCompletionRequest/allOf/1/properties/top_logprobs\n  POST /chat/completions request.body\n',
        '/components/schemas/ModelResponseProperties/properties/top_logprobs\n  POST /chat/completions request.body\n  POST /responses request.body\n',
      ],
    },
    { args: ['messages[role=developer]', '--operation', 'POST /chat/completions'], out: ['/components/schemas/Message/oneOf/1\n  POST /chat/completions request.body\n'] },
    { args: ['input', '--operation', 'POST /chat/completions'], out: [], exact: 'input: declared nowhere POST /chat/completions reaches\n' },
    { args: ['nothing'], out: ['nothing: declared nowhere in the normalized base'] },
  ])('$args', async ({ args, out, exact }) => {
    mkdirSync(path.join(root, 'generated/base'), { recursive: true });
    writeFileSync(path.join(root, 'generated/base/openapi.yaml'), toYaml(chatSpec()));
    const io = fakeIO(path.join(root, 'spec'));
    expect(await main(['where', ...args], io)).toBe(0);
    for (const text of out) expect(io.out).toContain(text);
    if (exact !== undefined) expect(io.out).toBe(exact);
  });

  it.each([[[]], [['a', 'b']], [['n', '--operation', 'chat']]])('%j is a usage error', async (args) => {
    const io = fakeIO();
    expect(await main(['where', ...args], io)).toBe(2);
    expect(io.err).toContain('usage: oai-compat where');
  });
});

describe('oai-compat init', () => {
  it('scaffolds a provider folder whose overlay is a valid Overlay 1.1 document, and its doc fixture', async () => {
    const io = fakeIO();
    expect(await main(['init', 'acme-ai'], io)).toBe(0);
    const overlay = readFileSync(path.join(root, 'spec/providers/acme-ai/overlay.yaml'), 'utf8');
    expect(validateOverlayDocument(parseYaml(overlay, 'overlay.yaml')).diagnostics).toEqual([]);
    expect(overlay).toContain('provider: { id: acme-ai');
    expect(overlay).toContain('env: ACME_AI_API_KEY');
    expect(parseYaml(readFileSync(path.join(root, 'test/fixtures/provider-claims/acme-ai.yaml'), 'utf8'), 'f')).toMatchObject({ provider: 'acme-ai', claims: [] });
    expect(io.out).toContain('created spec/providers/acme-ai/overlay.yaml');
  });

  it.each([
    { args: ['taken'], code: 1, err: 'spec/providers/taken already exists' },
    { args: ['Bad_Id'], code: 2, err: '"Bad_Id" is not a provider id' },
    { args: ['openai'], code: 2, err: '"openai" is reserved' },
    { args: ['base'], code: 2, err: '"base" is reserved' },
    { args: [], code: 2, err: 'expected a provider id' },
  ])('$args → exit $code', async ({ args, code, err }) => {
    const io = fakeIO();
    expect(await main(['init', ...args], io)).toBe(code);
    expect(io.err).toContain(err);
    if (args[0]) expect(existsSync(path.join(root, 'spec/providers', args[0], 'overlay.yaml'))).toBe(false);
  });
});
