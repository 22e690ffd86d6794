/**
 * `npm run docs`: the static docs site in generated/site/, from what `npm run build` wrote: the
 * index with the cross-provider matrix, a page per profile, and each profile's API reference
 * rendered by `redocly build-docs` (Redoc inlined, so the pages work offline; see
 * src/site/reference.ts). The openai reference, on the 3 MB spec, takes ~2 s and ~5 MB: it is
 * built like the others. Two runs give identical files.
 *   --no-reference   skip the API references (the slow part)
 *   --out <dir>      write somewhere else than generated/site
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { discoverProfiles } from '../src/build/build.ts';
import { replaceDirectory } from '../src/build/files.ts';
import type { CompatReport } from '../src/compat/types.ts';
import { referenceCommand } from '../src/site/reference.ts';
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
  // Two references at a time: redocly is single-threaded, and the openai one (3 MB spec, ~2 s)
  // would otherwise be followed by four others in turn.
  const started = performance.now();
  const lines = await mapPool(reports, Math.min(2, availableParallelism()), async (report) => {
    const id = report.provider.id;
    const { command, args, env } = referenceCommand({
      projectRoot,
      spec: path.join(generated, id, 'openapi.yaml'),
      output: path.join(out, id, 'reference.html'),
      name: report.provider.name,
    });
    const t0 = performance.now();
    try {
      await promisify(execFile)(command, args, { cwd: projectRoot, env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024, timeout: 600_000 });
    } catch (err) {
      const detail = (err as { stderr?: string }).stderr?.trim() || String(err);
      process.stderr.write(`docs: redocly build-docs failed on generated/${id}/openapi.yaml\n${detail}\n  hint: run \`npx redocly lint generated/${id}/openapi.yaml\`, or \`npm run docs -- --no-reference\` to build the site without references\n`);
      process.exit(1);
    }
    const size = (await stat(path.join(out, id, 'reference.html'))).size;
    return `docs: ${id}/reference.html (${((performance.now() - t0) / 1000).toFixed(1)} s, ${(size / 1e6).toFixed(1)} MB)`;
  });
  process.stdout.write(`${lines.join('\n')}\ndocs: ${lines.length} API references in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
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
