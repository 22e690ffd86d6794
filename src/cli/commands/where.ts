/** `oai-compat where <field> [--operation "POST /chat/completions"]`: where the normalized base declares a field. */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { renderDeclarations, whereDeclared } from '../../authoring/where.ts';
import { diagnosticError } from '../../diagnostics/diagnostic.ts';
import { parseYaml } from '../../load/document.ts';
import type { JsonObject } from '../../load/json.ts';
import { parseCommandLine, usageError } from '../args.ts';
import { ExitCode, type Command } from '../io.ts';
import { findProjectRoot } from '../project.ts';

const help = `usage: oai-compat where <field> [--operation "POST /chat/completions"]

Prints every place the normalized base (generated/base/openapi.yaml, written by \`npm run build\`)
declares <field>, a claim key such as top_logprobs, messages[].name or messages[role=developer]:
the JSON pointer, then each operation and location that reaches it. A place several operations
share is copied for the claimed operation when a claim edits it.

  --operation "<METHOD> <path>"   only the places this operation reaches

exit codes: 0 printed, 2 usage, 3 generated/base/openapi.yaml missing or unreadable
`;

export const run: Command = async (args, io) => {
  const parsed = parseCommandLine('where', args, { operation: { type: 'string', short: 'o' } }, help, io);
  if (typeof parsed === 'number') return parsed;
  const [field, ...rest] = parsed.positionals;
  const operation = parsed.values.operation;
  if (!field || rest.length) return usageError('where', field ? `unexpected argument "${rest[0]}"` : 'expected a field', help, io);
  if (operation !== undefined && !/^[A-Z]+ \/\S*$/.test(operation)) return usageError('where', `--operation "${operation}" is not "<METHOD> <path>"`, help, io);

  const file = path.join(findProjectRoot(io.cwd), 'generated/base/openapi.yaml');
  const relative = path.relative(io.cwd, file);
  if (!existsSync(file)) {
    throw diagnosticError({ code: 'base-not-built', message: `${relative} does not exist`, hint: 'run `npm run build` first', location: { file: relative } }, ExitCode.unreadable);
  }
  const spec = parseYaml(await readFile(file, 'utf8'), relative) as JsonObject;
  io.stdout(renderDeclarations(field, whereDeclared(spec, field, operation), operation));
  return ExitCode.ok;
};
