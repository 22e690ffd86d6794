/** Command-line parsing shared by the commands: one place for `--help` and usage errors. */
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { ExitCode, type CliIO } from './io.ts';

type HelpOption = { help: { type: 'boolean'; short: 'h' } };

/**
 * Parses `args` for `oai-compat <command>`. Returns the parsed values and positionals, or the
 * exit code to return at once: 0 after printing the help, 2 after a usage error.
 */
export function parseCommandLine<const O extends ParseArgsOptionsConfig>(command: string, args: string[], options: O, help: string, io: CliIO) {
  const config = { args, allowPositionals: true, strict: true, options: { ...options, help: { type: 'boolean', short: 'h' } } as O & HelpOption } as const;
  let parsed: ReturnType<typeof parseArgs<typeof config>>;
  try {
    parsed = parseArgs(config);
  } catch (err) {
    return usageError(command, (err as Error).message, help, io);
  }
  if ((parsed.values as { help?: boolean }).help) {
    io.stdout(help);
    return ExitCode.ok;
  }
  return parsed;
}

/** Prints a usage problem and the command's help; returns the usage exit code. */
export function usageError(command: string, problem: string, help: string, io: CliIO): number {
  io.stderr(`oai-compat ${command}: ${problem}\n\n${help}`);
  return ExitCode.usage;
}
