/**
 * Whole-build atomicity, proved by killing a real build process (SIGKILL, at chosen points of the
 * commit and at once after staging): generated/ is the old set, or a journal names the new one and
 * the next build completes it; no leftovers survive the next build.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { build } from '../../src/build/build.ts';
import { hashTree, makeTempProject, minimalOverlay, type TempProject } from '../helpers/temp-project.ts';
import { cliPath } from './helpers.ts';

let project: TempProject;
const generated = () => path.join(project.root, 'generated');
const saved = () => path.join(project.root, 'generated-old');
let oldSet: Record<string, string>;
let newSet: Record<string, string>;

const edited = (id: string) => minimalOverlay(id, `  - target: $.info\n    update: { x-edited: ${id} }\n`);
const restoreOld = () => {
  rmSync(generated(), { recursive: true, force: true });
  cpSync(saved(), generated(), { recursive: true });
};
const leftovers = () => readdirSync(generated()).filter((name) => /^\.(staging|retired)-|^\.commit\.json$|\.tmp$/.test(name));

beforeAll(async () => {
  project = makeTempProject({ providers: { acme: minimalOverlay('acme'), beta: minimalOverlay('beta') } });
  await build({ projectRoot: project.root, specsOnly: true });
  oldSet = hashTree(generated());
  cpSync(generated(), saved(), { recursive: true });
  project.writeOverlay('acme', edited('acme'));
  project.writeOverlay('beta', edited('beta'));
  await build({ projectRoot: project.root, specsOnly: true });
  newSet = hashTree(generated());
  expect(newSet).not.toEqual(oldSet);
});
afterAll(() => project.remove());

const killedBuild = (point: string) =>
  spawnSync(process.execPath, [cliPath, 'build', '--specs-only'], { cwd: project.root, env: { ...process.env, OAI_COMPAT_CRASH_AT: point }, encoding: 'utf8', timeout: 60_000 });

it.each(['before-commit', 'after-journal', 'between-renames-0', 'between-renames-1', 'between-renames-2'])(
  'a build killed at %s leaves the old set or a journal; the next build ends with the new set and no leftovers',
  async (point) => {
    restoreOld();
    const killed = killedBuild(point);
    expect(killed.signal).toBe('SIGKILL');
    const journal = existsSync(path.join(generated(), '.commit.json'));
    if (point === 'before-commit') {
      expect(journal).toBe(false);
      // Staged files exist, but nothing outside the staging folder changed.
      const visible = Object.fromEntries(Object.entries(hashTree(generated())).filter(([file]) => !file.startsWith('.staging-')));
      expect(visible).toEqual(oldSet);
    } else {
      expect(journal).toBe(true);
    }
    const report = await build({ projectRoot: project.root, specsOnly: true });
    expect(hashTree(generated())).toEqual(newSet);
    expect(leftovers()).toEqual([]);
    // After a completed roll-forward nothing is stale; before the commit point both providers are.
    expect(report.profiles.filter((p) => p.state === 'built').map((p) => p.id)).toEqual(point === 'before-commit' ? ['acme', 'beta'] : []);
  },
);

it('a failing build (an error in one provider) replaces nothing, not even the providers that resolved', async () => {
  restoreOld();
  project.writeOverlay('beta', minimalOverlay('beta', "  - target: $.paths['/nope'].post\n    update: { summary: x }\n"));
  try {
    await expect(build({ projectRoot: project.root, specsOnly: true })).rejects.toThrow(/matches nothing/);
    expect(hashTree(generated())).toEqual(oldSet);
  } finally {
    project.writeOverlay('beta', edited('beta'));
  }
});
