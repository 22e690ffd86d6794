/** Reading the files a command is given: unreadable input is a located error with exit code 3. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { diagnosticError } from '../diagnostics/diagnostic.ts';
import { ExitCode } from './io.ts';

export async function readInputText(
  file: string,
  cwd: string,
  problem: { code: string; hint: string } = { code: 'unreadable-file', hint: 'check the path (relative to the current folder)' },
): Promise<string> {
  try {
    return await readFile(path.resolve(cwd, file), 'utf8');
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message;
    throw diagnosticError({ code: problem.code, message: `cannot read ${file}: ${reason}`, hint: problem.hint, location: { file } }, ExitCode.unreadable);
  }
}
