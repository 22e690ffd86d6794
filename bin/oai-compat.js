#!/usr/bin/env node
// Thin launcher: the CLI is TypeScript run by Node 24's type stripping. Node's compile cache keeps
// the stripped, compiled modules between runs (in the system temp folder;
// NODE_DISABLE_COMPILE_CACHE=1 turns it off): start-up is what scripts and CI wait on.
import { enableCompileCache } from 'node:module';

enableCompileCache?.();
const { processIO } = await import('../src/cli/io.ts');
const { run } = await import('../src/cli/main.ts');
process.exitCode = await run(process.argv.slice(2), processIO());
