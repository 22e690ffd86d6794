/** `npm run bench`: every speed target of the project, measured in one run, with same-run ratios. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatTable, type Figure } from '../bench/measure.ts';
import { benchPipeline } from '../bench/pipeline.ts';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Benchmarks of later stages, each in its own module under bench/, run when present. */
const suites: { title: string; module: string; exportName: string }[] = [
  { title: 'scale: the whole catalog and one more provider', module: 'scale.ts', exportName: 'benchScale' },
  { title: 'large and hostile overlays', module: 'hostile.ts', exportName: 'benchHostile' },
  { title: 'compatibility data and docs', module: 'compat.ts', exportName: 'benchCompat' },
  { title: 'codegen: checkRequest and type-checking', module: 'codegen.ts', exportName: 'benchCodegen' },
  { title: 'mock servers', module: 'mock.ts', exportName: 'benchMock' },
  { title: 'sizes: generated output and browser bundles', module: 'package-size.ts', exportName: 'benchSizes' },
  { title: 'docs site: sizes against the budgets', module: 'site.ts', exportName: 'benchSite' },
];

// `npm run bench -- --only mock,package` runs the suites whose module name starts with one of those words.
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt >= 0 ? (process.argv[onlyAt + 1] ?? '').split(',').filter(Boolean) : undefined;
const selected = (module: string) => !only || only.some((word) => module.startsWith(word));

console.log(`oai-compat benchmarks (node ${process.version}, ${new Date().toISOString().slice(0, 10)})\n`);
if (selected('pipeline.ts')) {
  console.log('== pipeline');
  console.log(formatTable(await benchPipeline(projectRoot)));
}
for (const suite of suites) {
  if (!selected(suite.module)) continue;
  const file = path.join(projectRoot, 'bench', suite.module);
  if (!existsSync(file)) continue;
  const module = (await import(file)) as Record<string, (root: string) => Promise<Figure[]>>;
  console.log(`\n== ${suite.title}`);
  console.log(formatTable(await module[suite.exportName](projectRoot)));
}
