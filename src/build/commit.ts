/**
 * Whole-build atomicity for generated/. A build stages every output it replaces (profile folders,
 * cross-profile files, manifest.json) under `.staging-<pid>/`, then commits: it writes the journal
 * `.commit.json` (the commit point: one atomic rename), moves each old entry aside into
 * `.retired-<pid>/` and the staged one into place, and deletes the journal. A process killed before
 * the journal leaves generated/ as it was; killed after it, the next build (or mock start) rolls the
 * commit forward from the journal. Either way generated/ ends as the old set or the new one, and
 * leftovers of killed builds are removed.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from './files.ts';

export const JOURNAL = '.commit.json';

interface Journal {
  staging: string;
  retired: string;
  /** Entries of generated/ to replace by their staged version (folders or files). */
  replace: string[];
  /** Entries of generated/ to delete (profiles that no longer exist). */
  remove: string[];
}

/** Fault injection for the kill-the-build test: the process kills itself at the named step. */
function crashPoint(name: string): void {
  if (process.env.OAI_COMPAT_CRASH_AT === name) process.kill(process.pid, 'SIGKILL');
}

export interface Stage {
  /** Absolute folder to write the staged entries into (same file system as generated/). */
  dir: string;
  commit(replace: string[], remove: string[]): Promise<void>;
  discard(): Promise<void>;
}

/** Recovers an interrupted commit, cleans leftovers, and opens a staging folder for this build. */
export async function openStage(generatedDir: string): Promise<Stage> {
  await recoverGenerated(generatedDir);
  const staging = `.staging-${process.pid}`;
  const retired = `.retired-${process.pid}`;
  const dir = path.join(generatedDir, staging);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  return {
    dir,
    async commit(replace, remove) {
      crashPoint('before-commit');
      await writeFileAtomic(path.join(generatedDir, JOURNAL), `${JSON.stringify({ staging, retired, replace, remove } satisfies Journal)}\n`);
      crashPoint('after-journal');
      await rollForward(generatedDir, { staging, retired, replace, remove });
    },
    discard: () => rm(dir, { recursive: true, force: true }),
  };
}

async function rollForward(generatedDir: string, journal: Journal): Promise<void> {
  const staging = path.join(generatedDir, journal.staging);
  const retired = path.join(generatedDir, journal.retired);
  await mkdir(retired, { recursive: true });
  let step = 0;
  for (const entry of [...journal.replace, ...journal.remove]) {
    const staged = path.join(staging, entry);
    const current = path.join(generatedDir, entry);
    const replacing = journal.replace.includes(entry);
    // Done already (an earlier roll-forward got this far): the staged entry is gone.
    if (replacing && !existsSync(staged)) continue;
    if (existsSync(current)) {
      await rm(path.join(retired, entry), { recursive: true, force: true });
      await mkdir(path.dirname(path.join(retired, entry)), { recursive: true });
      await rename(current, path.join(retired, entry));
    }
    crashPoint(`between-renames-${step++}`);
    if (replacing) {
      await mkdir(path.dirname(current), { recursive: true });
      await rename(staged, current);
    }
  }
  await rm(path.join(generatedDir, JOURNAL), { force: true });
  await rm(staging, { recursive: true, force: true });
  await rm(retired, { recursive: true, force: true });
}

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * Finishes a commit a killed build left (its journal is complete by construction), then removes
 * what killed builds leave behind: staging and retired folders, temporary files of atomic writes.
 * Entries of a build still running (its pid is alive) are left alone.
 */
export async function recoverGenerated(generatedDir: string): Promise<void> {
  if (!existsSync(generatedDir)) return;
  const journalFile = path.join(generatedDir, JOURNAL);
  if (existsSync(journalFile)) {
    let journal: Journal | undefined;
    try {
      journal = JSON.parse(await readFile(journalFile, 'utf8')) as Journal;
    } catch {
      journal = undefined;
    }
    const pid = Number(/-(\d+)$/.exec(journal?.staging ?? '')?.[1]);
    if (journal && (pid === process.pid || !isAlive(pid))) await rollForward(generatedDir, journal);
    else if (!journal) await rm(journalFile, { force: true });
  }
  for (const entry of await readdir(generatedDir, { recursive: true, withFileTypes: true })) {
    const match = /^\.(?:staging|retired)-(\d+)$|^\..+\.(?:staging|old)-(\d+)$|\.(\d+)\.[a-z0-9]+\.tmp$/.exec(entry.name);
    if (!match) continue;
    const pid = Number(match[1] ?? match[2] ?? match[3]);
    if (pid !== process.pid && isAlive(pid)) continue;
    await rm(path.join(entry.parentPath, entry.name), { recursive: true, force: true });
  }
}
