/**
 * Linear costs on large and hostile overlays (issue: 20k actions and a 10 MB map of 55k keys apply
 * in a few seconds; before, 94 s and over 120 s). Each figure is one `overlay apply` process.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { medianOf, timeCommand, type Figure } from './measure.ts';

const header = "overlay: 1.1.0\ninfo: { title: bench, version: '1' }\nactions:\n";

function actions(count: number): string {
  let text = header;
  for (let i = 0; i < count; i++) text += `  - target: $.info\n    update: { x-a${i}: ${i} }\n`;
  return text;
}

function bigMap(keys: number, valueLength: number): string {
  let text = `${header}  - target: $.info\n    update:\n      x-map:\n`;
  const value = 'v'.repeat(valueLength);
  for (let i = 0; i < keys; i++) text += `        k${i}: ${value}\n`;
  return text;
}

function doublingCopies(count: number): string {
  let text = `${header}  - target: $.info\n    update: { x-d: { a: 1 } }\n`;
  for (let i = 0; i < count; i++) text += `  - target: $.info.x-d\n    update: { n${i}: {} }\n  - target: $.info.x-d.n${i}\n    copy: $.info.x-d\n`;
  return text;
}

export async function benchHostile(projectRoot: string): Promise<Figure[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'oai-compat-bench-hostile-'));
  const cli = path.join(projectRoot, 'bin/oai-compat.js');
  try {
    writeFileSync(path.join(dir, 'spec.yaml'), "openapi: 3.1.0\ninfo: { title: t, version: '1' }\npaths: {}\n");
    const apply = (overlay: string) => () => timeCommand(process.execPath, [cli, 'overlay', 'apply', 'spec.yaml', overlay, '-o', 'out.yaml'], { cwd: dir });
    writeFileSync(path.join(dir, 'a10k.yaml'), actions(10_000));
    writeFileSync(path.join(dir, 'a20k.yaml'), actions(20_000));
    const map = bigMap(55_000, 170);
    writeFileSync(path.join(dir, 'map.yaml'), map);
    writeFileSync(path.join(dir, 'copies.yaml'), doublingCopies(30));
    const a10k = medianOf(3, apply('a10k.yaml'));
    const a20k = medianOf(3, apply('a20k.yaml'));
    const mapTime = medianOf(3, apply('map.yaml'));
    // Refused at the growth limit (exit 1): timed without timeCommand, which expects success.
    const copies = medianOf(3, () => {
      const started = performance.now();
      spawnSync(process.execPath, [cli, 'overlay', 'apply', 'spec.yaml', 'copies.yaml'], { cwd: dir });
      return performance.now() - started;
    });
    return [
      { name: 'overlay apply, 10k actions', value: a10k, unit: 'ms' },
      { name: 'overlay apply, 20k actions', value: a20k, unit: 'ms', note: `${(a20k / a10k).toFixed(2)}x the 10k run (linear: about 2x)` },
      { name: `overlay apply, one map of 55k keys (${(map.length / 1e6).toFixed(1)} MB)`, value: mapTime, unit: 'ms' },
      { name: 'overlay apply, 30 doubling copies (refused at the limit)', value: copies, unit: 'ms', note: 'stops at 1,000,000 added nodes' },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
