#!/usr/bin/env node
// The `oai-compat` command. Installed, it runs the built JavaScript (dist/). In a checkout of the
// project (src/ is present), it runs the TypeScript sources by Node's type stripping and resolves
// `oai-compat/*` to them, as the package exports' `oai-compat-source` condition says.
// Node's compile cache keeps the compiled modules between runs (NODE_DISABLE_COMPILE_CACHE=1 turns it off).
import { existsSync } from 'node:fs';
import { enableCompileCache, registerHooks } from 'node:module';

enableCompileCache?.();
const checkout = existsSync(new URL('../src/cli/main.ts', import.meta.url));
if (checkout) {
  registerHooks({ resolve: (specifier, context, next) => next(specifier, { ...context, conditions: [...context.conditions, 'oai-compat-source'] }) });
}
const { processIO } = await import(checkout ? '../src/cli/io.ts' : '../dist/cli/io.js');
const { run } = await import(checkout ? '../src/cli/main.ts' : '../dist/cli/main.js');
process.exitCode = await run(process.argv.slice(2), processIO());
