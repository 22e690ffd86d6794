/**
 * `npm run build:package` (and `prepack`): what the published package holds besides bin/ and the
 * schemas. dist/ is the sources compiled to JavaScript with declarations; dist/generated/<id>/ is
 * every profile built from this checkout, its TypeScript modules compiled the same way, next to
 * the files the CLI reads (compat.json, mock.gen.json, openapi.yaml, ...).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from '../src/build/build.ts';
import { DiagnosticError, formatDiagnostics } from '../src/diagnostics/diagnostic.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const tsc = path.join(root, 'node_modules/typescript/bin/tsc');

function compile(config: string): void {
  execFileSync(process.execPath, [tsc, '-p', config], { cwd: root, stdio: 'inherit' });
}

try {
  rmSync(dist, { recursive: true, force: true });
  compile('tsconfig.build.json');
  await build({ projectRoot: root });
} catch (err) {
  if (err instanceof DiagnosticError) {
    console.error(formatDiagnostics(err.diagnostics));
    process.exit(err.exitCode);
  }
  throw err;
}

// The generated modules import `oai-compat/runtime`, which resolves (without the source condition) to dist/runtime.
const generated = path.join(root, 'generated');
const config = path.join(root, '.cache/tsconfig.generated.json');
mkdirSync(path.dirname(config), { recursive: true });
writeFileSync(
  config,
  JSON.stringify({
    extends: '../tsconfig.json',
    compilerOptions: { noEmit: false, allowImportingTsExtensions: false, declaration: true, customConditions: [], rootDir: '../generated', outDir: '../dist/generated', types: [] },
    include: ['../generated/*/*.gen.ts'],
  }),
);
compile(config);
for (const entry of readdirSync(generated, { withFileTypes: true })) {
  if (entry.isFile() && entry.name.endsWith('.md')) cpSync(path.join(generated, entry.name), path.join(dist, 'generated', entry.name));
  if (!entry.isDirectory() || entry.name.startsWith('.') || entry.name === 'site') continue;
  for (const file of readdirSync(path.join(generated, entry.name))) {
    if (!file.endsWith('.ts') || file.endsWith('.d.ts')) cpSync(path.join(generated, entry.name, file), path.join(dist, 'generated', entry.name, file));
  }
}
console.log(`package: dist/ and dist/generated/ (${readdirSync(path.join(dist, 'generated')).length} entries) written`);
