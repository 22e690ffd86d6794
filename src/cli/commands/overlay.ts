/** `oai-compat overlay apply <spec> <overlay>... [--strict] [-o <file>]` */
import path from 'node:path';
import { OutputTargetError, writeOutputFile } from '../../build/files.ts';
import { diagnosticError, formatDiagnostics, hasErrors } from '../../diagnostics/diagnostic.ts';
import { loadDocument, serializeFor, toYaml, type LoadedDocument } from '../../load/document.ts';
import { applyOverlays } from '../../overlay/index.ts';
import { parseCommandLine, usageError } from '../args.ts';
import { readInputText } from '../input.ts';
import { ExitCode, type Command } from '../io.ts';

const help = `usage: oai-compat overlay apply <spec> <overlay>... [--strict] [-o <file>]

Applies the overlays, in order, to the spec (YAML or JSON) and writes the result: YAML to
stdout, or to <file> (JSON when its name ends in .json, YAML otherwise).

  --strict     a target that matches nothing, and any case the Overlay Specification leaves
               ambiguous, is an error (the build always applies overlays strictly)
  -o <file>    write the result to <file> (atomically; the folder must exist; an existing
               file, or the regular file a symlink points to, is replaced) instead of stdout

exit codes: 0 applied, 1 an overlay is invalid or an action failed, 2 usage, 3 unreadable input
`;

export const run: Command = async (args, io) => {
  const options = { strict: { type: 'boolean', default: false }, output: { type: 'string', short: 'o' } } as const;
  const parsed = parseCommandLine('overlay', args, options, help, io);
  if (typeof parsed === 'number') return parsed;
  const [subcommand, specFile, ...overlayFiles] = parsed.positionals;
  if (subcommand !== 'apply' || !specFile || overlayFiles.length === 0) {
    const problem = subcommand && subcommand !== 'apply' ? `unknown subcommand "${subcommand}"` : 'expected a spec and at least one overlay';
    return usageError('overlay', problem, help, io);
  }

  const spec = await load(specFile, io.cwd);
  const overlays = await Promise.all(overlayFiles.map((file) => load(file, io.cwd)));
  const result = applyOverlays(
    spec.value,
    overlays.map((o) => ({ overlay: o.value, file: o.file, lineOf: (pointer: string) => o.lineOf(pointer) })),
    { strict: parsed.values.strict, documentFile: spec.file, inPlace: true },
  );
  if (result.diagnostics.length) io.stderr(`${formatDiagnostics(result.diagnostics)}\n`);
  if (hasErrors(result.diagnostics)) {
    io.stderr(`oai-compat overlay: nothing written (${result.diagnostics.filter((d) => d.severity === 'error').length} error(s))\n`);
    return ExitCode.problems;
  }

  const output = parsed.values.output;
  if (output === undefined) {
    io.stdout(toYaml(result.document));
  } else {
    try {
      await writeOutputFile(path.resolve(io.cwd, output), serializeFor(output, result.document));
    } catch (err) {
      if (err instanceof OutputTargetError) {
        throw diagnosticError({ code: 'output-target', message: `cannot write -o ${output}: ${err.message}`, hint: 'name a regular file in an existing folder', location: { file: output } }, ExitCode.usage);
      }
      throw diagnosticError({ code: 'write-failed', message: `cannot write ${output}: ${(err as Error).message}`, hint: 'check that the folder is writable', location: { file: output } }, ExitCode.unreadable);
    }
  }
  return ExitCode.ok;
};

/** Reads and parses a YAML/JSON file; unreadable or malformed input is a DiagnosticError with exit code 3. */
async function load(file: string, cwd: string): Promise<LoadedDocument> {
  return loadDocument(await readInputText(file, cwd), file);
}
