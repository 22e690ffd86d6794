/**
 * `npm run docs`: the static docs site in generated/site/, from what `npm run build` wrote: the
 * index with the cross-provider matrix, a page per profile, and each profile's API reference
 * rendered by `redocly build-docs` (Redoc inlined, so the pages work offline).
 *   --no-reference   skip the API references (the slow part)
 *   --out <dir>      write somewhere else than generated/site
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { discoverProfiles } from '../src/build/build.ts';
import { replaceDirectory } from '../src/build/files.ts';
import type { CompatReport } from '../src/compat/types.ts';
import { buildSite } from '../src/site/site.ts';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { 'no-reference': { type: 'boolean', default: false }, out: { type: 'string' } } });
const out = path.resolve(projectRoot, values.out ?? 'generated/site');
const generated = path.join(projectRoot, 'generated');

const reports: CompatReport[] = [];
for (const id of await discoverProfiles(projectRoot)) {
  const file = path.join(generated, id, 'compat.json');
  if (!existsSync(file)) {
    process.stderr.write(`docs: ${path.relative(projectRoot, file)} does not exist\n  hint: run \`npm run build\` first\n`);
    process.exit(3);
  }
  reports.push(JSON.parse(await readFile(file, 'utf8')) as CompatReport);
}

const started = performance.now();
const files = buildSite(reports);
await replaceDirectory(out, files);
process.stdout.write(`docs: ${files.length} pages in ${path.relative(projectRoot, out)}/ (${(performance.now() - started).toFixed(0)} ms)\n`);

if (!values['no-reference']) {
  const redocly = path.join(projectRoot, 'node_modules/.bin/redocly');
  for (const report of reports) {
    const id = report.provider.id;
    const t0 = performance.now();
    await promisify(execFile)(
      redocly,
      ['build-docs', path.join(generated, id, 'openapi.yaml'), '-o', path.join(out, id, 'reference.html'), '--inlineBundle', '--title', `${report.provider.name} API reference`],
      { cwd: projectRoot, env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_NOTIFICATIONS: 'true' }, maxBuffer: 64 * 1024 * 1024, timeout: 600_000 },
    );
    process.stdout.write(`docs: ${id}/reference.html (${((performance.now() - t0) / 1000).toFixed(1)} s)\n`);
  }
}
