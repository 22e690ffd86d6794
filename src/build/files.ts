/**
 * Atomic writes: a file is written to a temporary name and renamed. Whole build outputs are staged
 * with writeTree and committed by commit.ts.
 */
import { chmod, lstat, mkdir, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
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

/** Why an output path cannot be written; the CLI reports it as a usage error. */
export class OutputTargetError extends Error {}

/**
 * Writes a command's output file (`-o`): atomically, into a folder that must already exist. An
 * existing target is written through: a symlink is followed, and the file it reaches (which must be
 * a regular file) is replaced with the same permissions. Pipes, devices, folders and dangling links
 * are refused, as they would be silently replaced by a regular file.
 */
export async function writeOutputFile(target: string, contents: string | Uint8Array): Promise<void> {
  let real = target;
  let mode: number | undefined;
  try {
    real = await realpath(target);
    const info = await stat(real);
    if (!info.isFile()) throw new OutputTargetError(`${target} is not a regular file (${info.isDirectory() ? 'a folder' : info.isFIFO() ? 'a pipe' : info.isCharacterDevice() || info.isBlockDevice() ? 'a device' : 'a special file'})`);
    mode = info.mode & 0o7777;
  } catch (err) {
    if (err instanceof OutputTargetError) throw err;
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    if ((await lstat(target).catch(() => undefined))?.isSymbolicLink()) throw new OutputTargetError(`${target} is a symlink to a missing file`);
    const folder = path.dirname(target);
    const parent = await stat(folder).catch(() => undefined);
    if (!parent?.isDirectory()) throw new OutputTargetError(`the folder ${folder} does not exist`);
  }
  const temporary = `${real}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    await writeFile(temporary, contents, { mode: mode ?? 0o666 });
    if (mode !== undefined) await chmod(temporary, mode);
    await rename(temporary, real);
  } catch (err) {
    await rm(temporary, { force: true });
    throw err;
  }
}
