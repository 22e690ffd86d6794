/** Shared by the probe tests: the CLI run in-process against a mock, with a sentinel key. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { run } from '../../src/cli/main.ts';
import type { ProbeReport } from '../../src/probe/types.ts';

export const projectRoot = path.resolve(import.meta.dirname, '../..');
/** A key value to look for in everything the probe writes: it must appear nowhere. */
export const SENTINEL_KEY = 'sk-probe-SENTINEL-7f3a9c';

export interface ProbeRun {
  code: number;
  stdout: string;
  stderr: string;
  report?: ProbeReport;
  reportText?: string;
}

/** Runs `oai-compat probe <args>` in-process with the sentinel key in `keyEnv`; reads the report when `--out` is given. */
export async function probe(args: string[], keyEnv = 'PROBE_TEST_KEY'): Promise<ProbeRun> {
  let stdout = '';
  let stderr = '';
  const code = await run(['probe', ...args, '--api-key-env', keyEnv], {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    cwd: projectRoot,
    env: { [keyEnv]: SENTINEL_KEY },
  });
  const out = args.indexOf('--out');
  const reportText = out >= 0 ? readFileSync(args[out + 1], 'utf8') : undefined;
  return { code, stdout, stderr, ...(reportText ? { reportText, report: JSON.parse(reportText) as ProbeReport } : {}) };
}
