/**
 * The catalog's scale targets (issue: with sixteen or more profiles, the specs-only cold build of
 * all of them at most 2x one `redocly bundle` of the base spec; each added provider at most 0.3x
 * one `redocly bundle` in the full build), measured as whole processes beside one `redocly bundle`
 * of the same run.
 *
 * One more provider is a copy of the largest catalog profile under a new id, so it costs what a
 * real provider costs. Its marginal cost is given twice: the difference between the cold builds
 * with and without it (direct, but it carries the noise of two whole builds), and the mean cost
 * per provider between a cold build of the base profile alone and of every profile (steadier).
 */
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { median, medianOf as medianOfRuns, timeCommand, type Figure } from './measure.ts';

/** Medians as they come, on stderr: a run of several minutes shows where it is. */
function medianOf(runs: number, measure: () => number, setup?: () => void, label = ''): number {
  const value = medianOfRuns(runs, measure, setup);
  if (label) process.stderr.write(`  scale: ${label} ${value.toFixed(0)} ms\n`);
  return value;
}

const RUNS = 3;
/** The provider copied as the extra one: the catalog profile with the most operations. */
const TEMPLATE = 'vllm';
const EXTRA = 'zz-bench-extra';

export async function benchScale(projectRoot: string): Promise<Figure[]> {
  const node = process.execPath;
  const build = (...args: string[]) => timeCommand(node, ['scripts/build.ts', ...args], { cwd: projectRoot });
  const clean = () => {
    rmSync(path.join(projectRoot, 'generated'), { recursive: true, force: true });
    rmSync(path.join(projectRoot, '.cache'), { recursive: true, force: true });
  };
  const providersDir = path.join(projectRoot, 'spec/providers');
  const extraDir = path.join(providersDir, EXTRA);
  const addExtra = () => {
    cpSync(path.join(providersDir, TEMPLATE), extraDir, { recursive: true });
    const overlay = path.join(extraDir, 'overlay.yaml');
    const text = readFileSync(overlay, 'utf8');
    const renamed = text.replace(new RegExp(`(provider:\\s*(?:\\{\\s*)?id:\\s*)${TEMPLATE}\\b`), `$1${EXTRA}`);
    if (renamed === text) throw new Error(`bench/scale.ts: no provider id "${TEMPLATE}" to rename in ${overlay}`);
    writeFileSync(overlay, renamed);
  };
  const removeExtra = () => rmSync(extraDir, { recursive: true, force: true });
  const profileCount = (await import('../src/build/build.ts')).discoverProfiles;

  const redocly = path.join(projectRoot, 'node_modules/@redocly/cli/bin/cli.js');
  const bundled = path.join(tmpdir(), `oai-compat-bench-bundle-${process.pid}.yaml`);
  const load = loadavg()[0];
  removeExtra();
  const count = (await profileCount(projectRoot)).length;
  // Bundled at the start and again at the end, the reference sees the same machine load as the builds.
  const bundleOnce = () => timeCommand(node, [redocly, 'bundle', 'spec/base/openai.yaml', '-o', bundled], { cwd: projectRoot });
  const bundles = Array.from({ length: RUNS }, bundleOnce);

  build('--specs-only'); // warms Node's compile cache, as any earlier run of the tool would
  let figures: Figure[];
  try {
    const specs = medianOf(RUNS, () => build('--specs-only'), clean, 'specs only, all');
    const specsBase = medianOf(RUNS, () => build('--specs-only', '--profile', 'openai'), clean, 'specs only, base alone');
    const full = medianOf(RUNS, () => build(), clean, 'everything, all');
    const fullBase = medianOf(RUNS, () => build('--profile', 'openai'), clean, 'everything, base alone');
    addExtra();
    const specsMore = medianOf(RUNS, () => build('--specs-only'), clean, 'specs only, one more');
    const fullMore = medianOf(RUNS, () => build(), clean, 'everything, one more');
    bundles.push(...Array.from({ length: RUNS }, bundleOnce));
    rmSync(bundled, { force: true });
    const bundle = median(bundles);
    process.stderr.write(`  scale: redocly bundle ${bundles.map((b) => b.toFixed(0)).join(', ')} ms\n`);
    const perProvider = (all: number, base: number) => (all - base) / (count - 1);
    const ratio = (value: number, target: string) => `${(value / bundle).toFixed(2)}x redocly bundle (target ${target}: ${value / bundle <= Number(target.replace(/[^\d.]/g, '')) ? 'met' : 'missed'})`;
    const plain = (value: number) => `${(value / bundle).toFixed(2)}x redocly bundle`;
    figures = [
      { name: `load average (1 min) at the start`, value: load, unit: '' },
      { name: `redocly bundle of the base spec (median of ${bundles.length}: start and end)`, value: bundle, unit: 'ms' },
      { name: `cold build, ${count} profiles, specs only`, value: specs, unit: 'ms', note: ratio(specs, '<= 2x') },
      { name: `cold build, ${count} profiles, everything`, value: full, unit: 'ms', note: plain(full) },
      { name: `one more provider (${count + 1} - ${count} profiles), specs only`, value: specsMore - specs, unit: 'ms', note: plain(specsMore - specs) },
      { name: `one more provider (${count + 1} - ${count} profiles), everything`, value: fullMore - full, unit: 'ms', note: ratio(fullMore - full, '<= 0.3x') },
      { name: `mean per provider (${count} profiles - base alone) / ${count - 1}, specs only`, value: perProvider(specs, specsBase), unit: 'ms', note: plain(perProvider(specs, specsBase)) },
      { name: `mean per provider (${count} profiles - base alone) / ${count - 1}, everything`, value: perProvider(full, fullBase), unit: 'ms', note: ratio(perProvider(full, fullBase), '<= 0.3x') },
      { name: `load average (1 min) at the end`, value: loadavg()[0], unit: '' },
    ];
  } finally {
    removeExtra();
    if (existsSync(path.join(projectRoot, 'scripts/build.ts'))) build();
  }
  return figures;
}
