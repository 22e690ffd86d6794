/** `npm run build`: resolves every profile and writes generated/. */
import { enableCompileCache } from 'node:module';

// Node's compile cache keeps the stripped, compiled modules between runs (see bin/oai-compat.js).
enableCompileCache?.();
const { processIO } = await import('../src/cli/io.ts');
const { run } = await import('../src/cli/main.ts');
process.exitCode = await run(['build', ...process.argv.slice(2)], processIO());
