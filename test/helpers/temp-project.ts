/**
 * A throw-away oai-compat project for build tests: the real code, schemas and pinned spec,
 * with the providers a test chooses. Tests never touch the real generated/ folder.
 */
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface TempProject {
  root: string;
  writeOverlay(id: string, text: string): void;
  remove(): void;
}

export function makeTempProject(options: { providers?: Record<string, string>; copyRealProviders?: boolean } = {}): TempProject {
  const root = mkdtempSync(path.join(tmpdir(), 'oai-compat-test-'));
  mkdirSync(path.join(root, 'spec/base'), { recursive: true });
  cpSync(path.join(projectRoot, 'spec/base/pin.json'), path.join(root, 'spec/base/pin.json'));
  symlinkSync(path.join(projectRoot, 'spec/base/openai.yaml'), path.join(root, 'spec/base/openai.yaml'));
  cpSync(path.join(projectRoot, 'spec/schemas'), path.join(root, 'spec/schemas'), { recursive: true });
  if (options.copyRealProviders) cpSync(path.join(projectRoot, 'spec/providers'), path.join(root, 'spec/providers'), { recursive: true });
  for (const entry of ['src', 'node_modules', 'package.json', 'package-lock.json', 'tsconfig.json']) {
    symlinkSync(path.join(projectRoot, entry), path.join(root, entry));
  }
  const project: TempProject = {
    root,
    writeOverlay(id, text) {
      mkdirSync(path.join(root, 'spec/providers', id), { recursive: true });
      writeFileSync(path.join(root, 'spec/providers', id, 'overlay.yaml'), text);
    },
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
  for (const [id, text] of Object.entries(options.providers ?? {})) project.writeOverlay(id, text);
  return project;
}

/** sha256 of every file below `dir`, keyed by relative path: equal maps mean byte-identical trees. */
export function hashTree(dir: string): Record<string, string> {
  const hashes: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    hashes[path.relative(dir, file)] = createHash('sha256').update(readFileSync(file)).digest('hex');
  }
  return Object.fromEntries(Object.entries(hashes).sort(([a], [b]) => a.localeCompare(b)));
}

/** The smallest valid provider overlay: one operation, one claim. */
export function minimalOverlay(id: string, extraActions = ''): string {
  return `overlay: 1.1.0
info:
  title: ${id} test profile
  version: 1.0.0
actions:
  - target: $
    description: provider claims
    update:
      x-compat:
        provider: { id: ${id}, name: Test ${id} }
        auth: { scheme: bearer, env: TEST_API_KEY }
        sources:
          - { id: docs, url: https://example.com/docs, verified: "2026-11-21" }
        source: docs
  - target: $.paths['/chat/completions'].post
    description: chat is offered
    update:
      x-compat:
        status: supported
        fields:
          request.body:
            logprobs: { status: ignored }
${extraActions}`;
}
