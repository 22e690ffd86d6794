/** `npm run build`: resolves every profile and writes generated/. */
import { processIO } from '../src/cli/io.ts';
import { run } from '../src/cli/main.ts';

process.exitCode = await run(['build', ...process.argv.slice(2)], processIO());
