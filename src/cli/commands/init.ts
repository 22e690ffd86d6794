/** `oai-compat init <id>`: scaffolds spec/providers/<id>/overlay.yaml and its empty doc fixture. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { invalidProviderId, scaffoldProvider } from '../../authoring/scaffold.ts';
import { writeFileAtomic } from '../../build/files.ts';
import { diagnosticError } from '../../diagnostics/diagnostic.ts';
import { parseCommandLine, usageError } from '../args.ts';
import { ExitCode, type Command } from '../io.ts';
import { findProjectRoot } from '../project.ts';

const help = `usage: oai-compat init <id>

Creates spec/providers/<id>/overlay.yaml (root x-compat, servers, one operation, comments to
fill in) and test/fixtures/provider-claims/<id>.yaml (the empty transcription of its docs).
<id> is lower case: letters, digits and "-". An existing provider folder is left alone.

exit codes: 0 created, 1 the provider or its fixture exists, 2 usage or a bad id
`;

export const run: Command = async (args, io) => {
  const parsed = parseCommandLine('init', args, {}, help, io);
  if (typeof parsed === 'number') return parsed;
  const [id, ...rest] = parsed.positionals;
  if (!id || rest.length) return usageError('init', id ? `unexpected argument "${rest[0]}"` : 'expected a provider id', help, io);
  const invalid = invalidProviderId(id);
  if (invalid) return usageError('init', invalid, help, io);

  const root = findProjectRoot(io.cwd);
  const files = scaffoldProvider(id);
  const existing = [path.join('spec/providers', id), ...files.map((f) => f.path)].find((p) => existsSync(path.join(root, p)));
  if (existing) {
    throw diagnosticError({ code: 'init-exists', message: `${existing} already exists`, hint: `edit it, or pick another id than "${id}"`, location: { file: existing } });
  }
  for (const file of files) await writeFileAtomic(path.join(root, file.path), file.contents);
  io.stdout(`${files.map((f) => `created ${f.path}`).join('\n')}\nnext: fill in the TODOs from the provider's docs, then \`npm run build\`\n`);
  return ExitCode.ok;
};
