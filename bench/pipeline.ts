/**
 * The pipeline's speed targets (issue: cold build of all profiles at most 1.5x one
 * `redocly bundle` of the base spec; a no-op rebuild under 0.3 s; one overlay edit under 1 s),
 * measured as whole processes, the way a user runs them.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { medianOf, timeCommand, type Figure } from './measure.ts';

const RUNS = 3;

export async function benchPipeline(projectRoot: string): Promise<Figure[]> {
  const node = process.execPath;
  const build = (...args: string[]) => timeCommand(node, ['scripts/build.ts', ...args], { cwd: projectRoot });
  // Without Node's compile cache: the very first run on a machine, modules compiled from scratch.
  const noCache = { ...process.env, NODE_DISABLE_COMPILE_CACHE: '1' };
  const firstEverBuild = (...args: string[]) => timeCommand(node, ['scripts/build.ts', ...args], { cwd: projectRoot, env: noCache });
  const clean = () => {
    rmSync(path.join(projectRoot, 'generated'), { recursive: true, force: true });
    rmSync(path.join(projectRoot, '.cache'), { recursive: true, force: true });
  };
  const redocly = path.join(projectRoot, 'node_modules/@redocly/cli/bin/cli.js');
  const bundled = path.join(tmpdir(), `oai-compat-bench-bundle-${process.pid}.yaml`);
  const bundle = medianOf(RUNS, () => timeCommand(node, [redocly, 'bundle', 'spec/base/openai.yaml', '-o', bundled], { cwd: projectRoot }));
  rmSync(bundled, { force: true });

  build('--specs-only'); // warms the compile cache, as any earlier run of the tool would
  const coldSpecs = medianOf(RUNS, () => build('--specs-only'), clean);
  const coldSpecsNoCache = medianOf(RUNS, () => firstEverBuild('--specs-only'), clean);
  const coldAll = medianOf(RUNS, () => build(), clean);
  const noop = medianOf(RUNS, () => build());

  // An overlay edit: a comment line changes the overlay's hash, so exactly one profile is rebuilt.
  const overlay = ['neosantara', 'kluster', 'compactifai', 'oxlo'].map((id) => path.join(projectRoot, 'spec/providers', id, 'overlay.yaml')).find((f) => existsSync(f));
  let edit = Number.NaN;
  let editSpecs = Number.NaN;
  if (overlay) {
    const original = readFileSync(overlay, 'utf8');
    let counter = 0;
    const touch = () => writeFileSync(overlay, `${original}# bench edit ${++counter}\n`);
    try {
      build('--specs-only');
      editSpecs = medianOf(RUNS, () => build('--specs-only'), touch);
      build();
      edit = medianOf(RUNS, () => build(), touch);
    } finally {
      writeFileSync(overlay, original);
      build();
    }
  }
  const { discoverProfiles } = await import('../src/build/build.ts');
  // The base profile's folder (spec/providers/openai) is one of the folders: count profiles as the build does.
  const profiles = `${(await discoverProfiles(projectRoot)).length} profiles`;
  const ratio = (value: number, reference: number, target: string) => `${(value / reference).toFixed(2)}x redocly bundle (target ${target})`;
  return [
    { name: 'redocly bundle of the base spec', value: bundle, unit: 'ms' },
    { name: `cold build, ${profiles}, specs only`, value: coldSpecs, unit: 'ms', note: ratio(coldSpecs, bundle, '<= 1.5x') },
    { name: '  the same without the compile cache', value: coldSpecsNoCache, unit: 'ms', note: ratio(coldSpecsNoCache, bundle, '<= 1.5x') },
    { name: `cold build, ${profiles}, everything`, value: coldAll, unit: 'ms', note: ratio(coldAll, bundle, 'none; adds codegen, compat data, mock data') },
    { name: 'no-op rebuild', value: noop, unit: 'ms', note: `target < 300 ms: ${noop < 300 ? 'met' : 'missed'}` },
    { name: 'rebuild after one overlay edit, specs only', value: editSpecs, unit: 'ms', note: `target < 1000 ms: ${editSpecs < 1000 ? 'met' : 'missed'}` },
    { name: '  the same, everything', value: edit, unit: 'ms', note: 'that profile\'s codegen and compat, and MATRIX.md' },
  ];
}
