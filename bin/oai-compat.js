#!/usr/bin/env node
// Thin launcher: the CLI is TypeScript run by Node 24's type stripping.
import { processIO } from '../src/cli/io.ts';
import { run } from '../src/cli/main.ts';

process.exitCode = await run(process.argv.slice(2), processIO());
