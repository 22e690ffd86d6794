/** The whole project, tests and generated modules included, type-checks under strict TypeScript. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect, it } from 'vitest';
import { projectRoot } from '../helpers/temp-project.ts';

it('tsc --noEmit reports nothing', { timeout: 240_000 }, () => {
  const tsc = path.join(projectRoot, 'node_modules/typescript/bin/tsc');
  const result = spawnSync(process.execPath, [tsc, '--noEmit', '-p', path.join(projectRoot, 'tsconfig.json')], { encoding: 'utf8', cwd: projectRoot });
  expect(result.stdout + result.stderr).toBe('');
  expect(result.status).toBe(0);
});
