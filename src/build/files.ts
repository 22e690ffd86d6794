/**
 * Atomic writes: a file is written to a temporary name and renamed. Whole build outputs are staged
 * with writeTree and committed by commit.ts.
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { GeneratedFile } from './types.ts';

export async function writeFileAtomic(file: string, contents: string | Uint8Array): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    await writeFile(temporary, contents);
    await rename(temporary, file);
  } catch (err) {
    await rm(temporary, { force: true });
    throw err;
  }
}

/** Writes `files` (paths relative to `directory`, which may not escape it) into a fresh staging folder. */
export async function writeTree(directory: string, files: readonly GeneratedFile[]): Promise<void> {
  for (const file of files) {
    const target = path.resolve(directory, file.path);
    if (!target.startsWith(`${directory}${path.sep}`)) throw new Error(`generated file path escapes its folder: ${file.path}`);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, file.contents);
  }
}
/** Replaces `directory` by a folder holding exactly `files` (paths relative to it). */
export async function replaceDirectory(directory: string, files: readonly GeneratedFile[]): Promise<void> {
  const parent = path.dirname(directory);
  const name = path.basename(directory);
  const staging = path.join(parent, `.${name}.staging-${process.pid}`);
  const retired = path.join(parent, `.${name}.old-${process.pid}`);
  await rm(staging, { recursive: true, force: true });
  try {
    for (const file of files) {
      const target = path.resolve(staging, file.path);
      if (!target.startsWith(`${staging}${path.sep}`)) throw new Error(`generated file path escapes its folder: ${file.path}`);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, file.contents);
    }
    await rm(retired, { recursive: true, force: true });
    await rename(directory, retired).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'ENOENT') throw err;
    });
    await rename(staging, directory);
    await rm(retired, { recursive: true, force: true });
  } catch (err) {
    await rm(staging, { recursive: true, force: true });
    throw err;
  }
}
