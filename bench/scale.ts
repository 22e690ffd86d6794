/**
 * The catalog's scale targets (issue: with sixteen or more profiles, the specs-only cold build of
 * all of them at most 2x one `redocly bundle` of the base spec; each added provider at most 0.3x
 * one `redocly bundle` in the full build), measured as whole processes beside `redocly bundle`
 * runs of the same run (at its start and its end).
 *
 * Every figure is given as wall time and as CPU time (user + system of the process and the
 * children it waited for, from GNU time when /usr/bin/time exists): on a shared machine the wall
 * time follows the load, the CPU time much less.
 *
 * One more provider is a copy of the catalog profile with the most operations under a new id,
 * with one claim changed (so its request schema is its own, as a real provider's is; the schemas
 * it shares with the others are compiled once per build, as a real provider's are). Its marginal
 * cost is given twice: the median difference between cold builds with and without it, measured
 * in pairs one after the other (direct, but it carries the noise of two whole builds), and the
 * mean cost per provider between a cold build of the base profile alone and of every profile.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { median, type Figure } from './measure.ts';

const RUNS = 3;
/** Pairs of cold builds (without and with the extra provider) the direct marginal cost is the median difference of. */
const PAIRS = 5;
/** The provider copied as the extra one: the catalog profile with the most operations. */
const TEMPLATE = 'vllm';
const EXTRA = 'zz-bench-extra';
/** The claim the extra provider changes: the legacy completions' `suffix` becomes supported. */
const CHANGED_CLAIM = { from: 'suffix: { status: unsupported }', to: 'suffix: { status: supported }' };
const GNU_TIME = '/usr/bin/time';

interface Cost {
  wall: number;
  /** NaN without GNU time. */
  cpu: number;
}

/** One run of a command: wall and CPU milliseconds; throws when it fails. */
function costOf(command: string, args: string[], cwd: string): Cost {
  const cpuFile = path.join(tmpdir(), `oai-compat-bench-cpu-${process.pid}.txt`);
  const timed = existsSync(GNU_TIME);
  const started = performance.now();
  const result = timed
    ? spawnSync(GNU_TIME, ['-f', '%U %S', '-o', cpuFile, command, ...args], { cwd, encoding: 'utf8' })
    : spawnSync(command, args, { cwd, encoding: 'utf8' });
  const wall = performance.now() - started;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status}):\n${result.stderr}${result.stdout}`);
  if (!timed) return { wall, cpu: Number.NaN };
  const [user, system] = readFileSync(cpuFile, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number);
  rmSync(cpuFile, { force: true });
  return { wall, cpu: (user + system) * 1000 };
}

/** Medians of wall and CPU time over `RUNS` runs (`setup` before each), printed on stderr as they come. */
function medianCost(label: string, measure: () => Cost, setup?: () => void): Cost {
  const costs: Cost[] = [];
  for (let i = 0; i < RUNS; i++) {
    setup?.();
    costs.push(measure());
  }
  const cost = { wall: median(costs.map((c) => c.wall)), cpu: median(costs.map((c) => c.cpu)) };
  process.stderr.write(`  scale: ${label}: wall ${cost.wall.toFixed(0)} ms, cpu ${cost.cpu.toFixed(0)} ms\n`);
  return cost;
}

export async function benchScale(projectRoot: string): Promise<Figure[]> {
  const node = process.execPath;
  const build = (...args: string[]) => costOf(node, ['scripts/build.ts', ...args], projectRoot);
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
    const changed = renamed.replace(CHANGED_CLAIM.from, CHANGED_CLAIM.to);
    if (changed === renamed) throw new Error(`bench/scale.ts: no claim "${CHANGED_CLAIM.from}" to change in ${overlay}`);
    writeFileSync(overlay, changed);
  };
  const removeExtra = () => rmSync(extraDir, { recursive: true, force: true });
  const { discoverProfiles } = await import('../src/build/build.ts');

  const redocly = path.join(projectRoot, 'node_modules/@redocly/cli/bin/cli.js');
  const bundled = path.join(tmpdir(), `oai-compat-bench-bundle-${process.pid}.yaml`);
  const bundle = () => costOf(node, [redocly, 'bundle', 'spec/base/openai.yaml', '-o', bundled], projectRoot);
  const loadStart = loadavg()[0];
  removeExtra();
  const count = (await discoverProfiles(projectRoot)).length;
  const bundleStart = medianCost('redocly bundle (start)', bundle);

  build('--specs-only'); // warms Node's compile cache, as any earlier run of the tool would
  let figures: Figure[];
  try {
    const specsBase = medianCost('specs only, base alone', () => build('--specs-only', '--profile', 'openai'), clean);
    const fullBase = medianCost('everything, base alone', () => build('--profile', 'openai'), clean);
    // Without and with the extra provider one after the other, so that a change of the machine's
    // load between the two falls on both.
    const paired = (label: string, args: string[]) => {
      const without: Cost[] = [];
      const added: Cost[] = [];
      for (let i = 0; i < PAIRS; i++) {
        clean();
        without.push(build(...args));
        addExtra();
        clean();
        added.push(build(...args));
        removeExtra();
      }
      const all = { wall: median(without.map((c) => c.wall)), cpu: median(without.map((c) => c.cpu)) };
      const more = { wall: median(added.map((c, i) => c.wall - without[i].wall)), cpu: median(added.map((c, i) => c.cpu - without[i].cpu)) };
      const signed = (ms: number) => `${ms >= 0 ? '+' : ''}${ms.toFixed(0)} ms`;
      process.stderr.write(`  scale: ${label}, all: wall ${all.wall.toFixed(0)} ms, cpu ${all.cpu.toFixed(0)} ms; one more: ${signed(more.wall)}, cpu ${signed(more.cpu)}\n`);
      return { all, more };
    };
    const { all: specs, more: specsMore } = paired('specs only', ['--specs-only']);
    const { all: full, more: fullMore } = paired('everything', []);
    const bundleEnd = medianCost('redocly bundle (end)', bundle);
    rmSync(bundled, { force: true });
    const reference: Cost = { wall: median([bundleStart.wall, bundleEnd.wall]), cpu: median([bundleStart.cpu, bundleEnd.cpu]) };

    const minus = (a: Cost, b: Cost, divisor = 1): Cost => ({ wall: (a.wall - b.wall) / divisor, cpu: (a.cpu - b.cpu) / divisor });
    const ratio = (c: Cost, target?: number) => {
      const r = (k: keyof Cost) => c[k] / reference[k];
      const verdict = (x: number) => (target === undefined || Number.isNaN(x) ? '' : x <= target ? ' met' : ' missed');
      return `wall ${r('wall').toFixed(2)}x${verdict(r('wall'))}, cpu ${r('cpu').toFixed(2)}x${verdict(r('cpu'))} redocly bundle${target === undefined ? '' : ` (target <= ${target}x)`}`;
    };
    const row = (name: string, c: Cost, target?: number): Figure => ({ name, value: Math.round(c.wall), unit: 'ms', note: `cpu ${c.cpu.toFixed(0)} ms; ${ratio(c, target)}` });
    figures = [
      { name: 'load average (1 min) at the start', value: loadStart, unit: '' },
      row('redocly bundle of the base spec (start and end)', reference),
      row(`cold build, ${count} profiles, specs only`, specs, 2),
      row(`cold build, ${count} profiles, everything`, full),
      row(`one more provider (median of ${PAIRS} pairs: ${count + 1} - ${count} profiles), specs only`, specsMore),
      row(`one more provider (median of ${PAIRS} pairs: ${count + 1} - ${count} profiles), everything`, fullMore, 0.3),
      row(`mean per provider ((${count} profiles - base alone) / ${count - 1}), specs only`, minus(specs, specsBase, count - 1)),
      row(`mean per provider ((${count} profiles - base alone) / ${count - 1}), everything`, minus(full, fullBase, count - 1), 0.3),
      { name: 'load average (1 min) at the end', value: loadavg()[0], unit: '' },
    ];
  } finally {
    removeExtra();
    build();
  }
  return figures;
}
