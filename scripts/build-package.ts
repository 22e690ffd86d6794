/**
 * `npm run build:package` (and `prepack`): what the published package holds besides bin/ and the
 * schemas. dist/ is the sources compiled to JavaScript with declarations; dist/generated/<id>/ is
 * every profile built from this checkout, its TypeScript modules compiled the same way, next to
 * the files the CLI reads (compat.json, mock.gen.json, openapi.yaml, ...).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

/**
 * Left out of the package (the tarball stays under 5 MB with every profile): what only the authors
 * of an overlay read, and COMPATIBILITY.md, which `oai-compat compat <id>` renders from compat.json
 * (as MATRIX.md, the cross-profile page, is left out: the docs site shows both).
 */
const AUTHORING_ONLY = new Set(['overlay.gen.yaml', 'provenance.json', 'COMPATIBILITY.md']);

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
/**
 * The resolved spec once: mock.gen.json holds it too (as JSON, for a fast mock start-up), so the
 * package keeps it as openapi.json beside a mock.gen.json without it, instead of openapi.yaml.
 */
function shipSpecOnce(from: string, to: string): void {
  const data = JSON.parse(readFileSync(path.join(from, 'mock.gen.json'), 'utf8')) as { spec: unknown };
  writeFileSync(path.join(to, 'openapi.json'), `${JSON.stringify(data.spec)}\n`);
  writeFileSync(path.join(to, 'mock.gen.json'), `${JSON.stringify({ ...data, spec: undefined })}\n`);
}

for (const entry of readdirSync(generated, { withFileTypes: true })) {
  // Profiles only (generated/base/, the site and test outputs stay out).
  if (!entry.isDirectory() || !existsSync(path.join(generated, entry.name, 'compat.json'))) continue;
  const from = path.join(generated, entry.name);
  const to = path.join(dist, 'generated', entry.name);
  for (const file of readdirSync(from)) {
    const typescript = file.endsWith('.ts') && !file.endsWith('.d.ts');
    if (!typescript && !AUTHORING_ONLY.has(file) && file !== 'openapi.yaml' && file !== 'mock.gen.json') cpSync(path.join(from, file), path.join(to, file));
  }
  shipSpecOnce(from, to);
}
for (const entry of readdirSync(path.join(dist, 'generated'), { withFileTypes: true })) {
  if (entry.isDirectory() && !existsSync(path.join(dist, 'generated', entry.name, 'compat.json'))) rmSync(path.join(dist, 'generated', entry.name), { recursive: true });
}
console.log(`package: dist/ and dist/generated/ (${readdirSync(path.join(dist, 'generated')).length} entries) written`);
