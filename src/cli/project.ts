/** Locating the oai-compat project a command works on. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { diagnosticError } from '../diagnostics/diagnostic.ts';

/** The nearest folder at or above `start` holding spec/base/pin.json or spec/providers/. */
export function findProjectRoot(start: string): string {
  let dir = path.resolve(start);
  for (;;) {
    if (existsSync(path.join(dir, 'spec/base/pin.json')) || existsSync(path.join(dir, 'spec/providers'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw diagnosticError(
    {
      code: 'no-project',
      message: 'not inside an oai-compat project (no spec/base/pin.json or spec/providers/ here or above)',
      hint: 'run the command from the project folder',
      location: { file: start },
    },
    2,
  );
}
