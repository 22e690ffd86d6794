/** `oai-compat <command> ...`: parses nothing itself, dispatches to one module per command. */
import { DiagnosticError, formatDiagnostics } from '../diagnostics/diagnostic.ts';
import { ExitCode, type CliIO, type Command } from './io.ts';

/** Loaded lazily so that each command pays only for its own dependencies at start-up. */
const commands: Record<string, { summary: string; load: () => Promise<{ run: Command }> }> = {
  build: { summary: 'resolve every profile and write generated/', load: () => import('./commands/build.ts') },
  overlay: { summary: 'overlay apply <spec> <overlay>... [--strict] [-o file]', load: () => import('./commands/overlay.ts') },
  compat: { summary: 'compat <id> [--format md|json]', load: () => import('./commands/compat.ts') },
  diff: { summary: 'diff <old-base-spec> <new-base-spec>', load: () => import('./commands/diff.ts') },
  where: { summary: 'where <field> [--operation "POST /chat/completions"]', load: () => import('./commands/where.ts') },
  init: { summary: 'init <id>: scaffold spec/providers/<id>/', load: () => import('./commands/init.ts') },
  mock: { summary: 'mock <id> [--port n] [--host 127.0.0.1] [--engine native|prism]', load: () => import('./commands/mock.ts') },
};

export function usage(): string {
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(8)} ${c.summary}`);
  return `usage: oai-compat <command> [options]\n\ncommands:\n${lines.join('\n')}\n`;
}

export async function run(argv: string[], io: CliIO): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h') {
    io.stdout(usage());
    return name ? ExitCode.ok : ExitCode.usage;
  }
  const command = commands[name];
  if (!command) {
    io.stderr(`oai-compat: unknown command "${name}"\n\n${usage()}`);
    return ExitCode.usage;
  }
  try {
    const { run: runCommand } = await command.load();
    return await runCommand(args, io);
  } catch (err) {
    if (err instanceof DiagnosticError) {
      io.stderr(`${formatDiagnostics(err.diagnostics)}\n`);
      return err.exitCode;
    }
    throw err;
  }
}
