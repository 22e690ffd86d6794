/** `oai-compat compat <id> [--format md|json]`: a profile's compatibility table or its compat.json. */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { renderProviderMarkdown } from '../../compat/page/markdown.ts';
import type { CompatReport } from '../../compat/types.ts';
import { diagnosticError } from '../../diagnostics/diagnostic.ts';
import { parseCommandLine, usageError } from '../args.ts';
import { ExitCode, type Command } from '../io.ts';
import { locateProfile } from '../project.ts';

const help = `usage: oai-compat compat <id> [--format md|json]

Prints the compatibility of profile <id> as read from its compat.json: the project's
generated/<id>/ (which \`oai-compat build\` writes) when the project has that profile, else the
profile oai-compat ships:

  --format md     the tables of COMPATIBILITY.md (default)
  --format json   compat.json as it is

exit codes: 0 printed, 2 usage or unknown profile, 3 generated/<id>/compat.json missing or unreadable
`;

export const run: Command = async (args, io) => {
  const parsed = parseCommandLine('compat', args, { format: { type: 'string', short: 'f', default: 'md' } }, help, io);
  if (typeof parsed === 'number') return parsed;
  const [id, ...rest] = parsed.positionals;
  const format = parsed.values.format;
  if (!id || rest.length || (format !== 'md' && format !== 'json')) {
    const problem = !id ? 'expected a profile id' : rest.length ? `unexpected argument "${rest[0]}"` : `unknown format "${format}"`;
    return usageError('compat', problem, help, io);
  }

  const profile = await locateProfile(io.cwd, id);
  const file = path.join(profile.dir, 'compat.json');
  const relative = path.relative(io.cwd, file);
  if (!existsSync(file)) {
    throw diagnosticError(
      { code: 'compat-not-built', message: `${relative} does not exist`, hint: 'run `oai-compat build` first', location: { file: relative } },
      ExitCode.unreadable,
    );
  }
  const text = await readFile(file, 'utf8');
  if (format === 'json') {
    io.stdout(text);
    return ExitCode.ok;
  }
  let report: CompatReport;
  try {
    report = JSON.parse(text) as CompatReport;
  } catch (err) {
    throw diagnosticError(
      { code: 'compat-unreadable', message: `${relative} is not JSON: ${(err as Error).message}`, hint: 'run `npm run build` to write it again', location: { file: relative } },
      ExitCode.unreadable,
    );
  }
  io.stdout(renderProviderMarkdown(report));
  return ExitCode.ok;
};
