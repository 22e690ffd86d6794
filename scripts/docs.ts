/**
 * `npm run docs`: the static docs site in generated/site/, from what `npm run build` wrote: the
 * capability grid and the field matrix with their filters, a page per capability and per profile,
 * and each profile's API reference rendered by `redocly build-docs` from its reference spec, all
 * importing the one Redoc bundle in assets/ (src/site/reference.ts). Reads generated/<id>/compat.json,
 * generated/<id>/openapi.yaml and generated/capabilities.json. Two runs give identical files.
 *   --no-reference   skip the API references (the slow part)
 *   --out <dir>      write somewhere else than generated/site
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { discoverProfiles } from '../src/build/build.ts';
import { replaceDirectory } from '../src/build/files.ts';
import type { CapabilitiesDocument } from '../src/capabilities/evaluate.ts';
import type { CompatReport } from '../src/compat/types.ts';
import type { ProfileModel } from '../src/profile/types.ts';
import { redocAsset } from '../src/site/reference.ts';
import { buildReference, writeRedocAsset } from '../src/site/reference-build.ts';
import { buildSite } from '../src/site/site.ts';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { 'no-reference': { type: 'boolean', default: false }, out: { type: 'string' } } });
const out = path.resolve(projectRoot, values.out ?? 'generated/site');
const generated = path.join(projectRoot, 'generated');

const reports: CompatReport[] = [];
const models = new Map<string, ProfileModel>();
for (const id of await discoverProfiles(projectRoot)) {
  const file = path.join(generated, id, 'compat.json');
  if (!existsSync(file)) {
    process.stderr.write(`docs: ${path.relative(projectRoot, file)} does not exist\n  hint: run \`npm run build\` first\n`);
    process.exit(3);
  }
  reports.push(JSON.parse(await readFile(file, 'utf8')) as CompatReport);
  const profile = path.join(generated, id, 'profile.json');
  if (existsSync(profile)) models.set(id, JSON.parse(await readFile(profile, 'utf8')) as ProfileModel);
}

const capabilitiesFile = path.join(generated, 'capabilities.json');
if (!existsSync(capabilitiesFile)) {
  process.stderr.write(`docs: generated/capabilities.json does not exist\n  hint: run \`npm run build\` (a build of all profiles writes it)\n`);
  process.exit(3);
}
const capabilities = JSON.parse(await readFile(capabilitiesFile, 'utf8')) as CapabilitiesDocument;

const started = performance.now();
const files = buildSite(reports, capabilities, models);
await replaceDirectory(out, files);
process.stdout.write(`docs: ${files.length} pages in ${path.relative(projectRoot, out)}/ (${(performance.now() - started).toFixed(0)} ms)\n`);

if (!values['no-reference']) {
  // Two references at a time: redocly is single-threaded, and the openai one (3 MB spec) would
  // otherwise be followed by four others in turn.
  const started = performance.now();
  await writeRedocAsset(projectRoot, out);
  const lines = await mapPool(reports, Math.min(2, availableParallelism()), async (report) => {
    const id = report.provider.id;
    const t0 = performance.now();
    try {
      const size = await buildReference(projectRoot, out, report);
      return `docs: ${id}/reference.html (${((performance.now() - t0) / 1000).toFixed(1)} s, ${(size / 1e3).toFixed(0)} KB)`;
    } catch (err) {
      const detail = (err as { stderr?: string }).stderr?.trim() || (err as Error).message;
      process.stderr.write(`docs: redocly build-docs failed on generated/${id}/openapi.yaml\n${detail}\n  hint: run \`npx redocly lint generated/${id}/openapi.yaml\`, or \`npm run docs -- --no-reference\` to build the site without references\n`);
      process.exit(1);
    }
  });
  process.stdout.write(`${lines.join('\n')}\ndocs: ${lines.length} API references in ${((performance.now() - started) / 1000).toFixed(1)} s, sharing ${redocAsset}\n`);
}

/** `fn` over `items`, at most `limit` at a time; results in input order. */
async function mapPool<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, limit) }, worker));
  return results;
}
