/** Timing helpers shared by the benchmarks: wall-clock runs of commands and of functions. */
import { spawnSync } from 'node:child_process';

export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** Optional comparison printed beside the figure, measured in the same run. */
  note?: string;
}

/** Wall time of one run of a command, in milliseconds; throws when it fails. */
export function timeCommand(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): number {
  const started = performance.now();
  const result = spawnSync(command, args, { cwd: options.cwd, env: options.env ?? process.env, encoding: 'utf8' });
  const elapsed = performance.now() - started;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status}):\n${result.stderr}${result.stdout}`);
  return elapsed;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Median of `runs` runs of `measure`, after `setup` before each. */
export function medianOf(runs: number, measure: () => number, setup?: () => void): number {
  const values: number[] = [];
  for (let i = 0; i < runs; i++) {
    setup?.();
    values.push(measure());
  }
  return median(values);
}

export function formatTable(figures: readonly Figure[]): string {
  const width = Math.max(...figures.map((f) => f.name.length));
  return figures
    .map((f) => `${f.name.padEnd(width)}  ${f.value.toFixed(f.value < 10 ? 2 : 0).padStart(9)} ${f.unit.padEnd(6)}${f.note ? `  ${f.note}` : ''}`)
    .join('\n');
}
