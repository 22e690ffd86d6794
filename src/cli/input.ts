/** Reading the files a command is given: unreadable input is a located error with exit code 3. */
import path from 'node:path';
import { DiagnosticError, diagnosticError } from '../diagnostics/diagnostic.ts';
import { readTextFile } from '../load/text.ts';
import { ExitCode } from './io.ts';

export async function readInputText(
  file: string,
  cwd: string,
  problem: { code: string; hint: string } = { code: 'unreadable-file', hint: 'check the path (relative to the current folder)' },
): Promise<string> {
  try {
    return await readTextFile(path.resolve(cwd, file), file);
  } catch (err) {
    if (!(err instanceof DiagnosticError) || err.diagnostics[0]?.code !== 'unreadable-file') throw err;
    throw diagnosticError({ ...err.diagnostics[0], code: problem.code, hint: problem.hint }, ExitCode.unreadable);
  }
}
