/** `oai-compat <command> ...`: parses nothing itself, dispatches to one module per command. */
import path from 'node:path';
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
  probe: { summary: 'probe <id> --base-url <url> [--dry-run] [--out probe.json] [--propose overlay.yaml]', load: () => import('./commands/probe.ts') },
  mock: { summary: 'mock <id> [--port n] [--host 127.0.0.1] [--engine native|prism]', load: () => import('./commands/mock.ts') },
};

export function usage(): string {
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(8)} ${c.summary}`);
  return `usage: oai-compat [--cwd <folder>] <command> [options]\n\ncommands:\n${lines.join('\n')}\n\nThe project is the nearest folder at or above the current one (or --cwd) holding spec/providers/;\nprofiles it does not have come from those oai-compat ships.\n`;
}

/** `--cwd <folder>` (or `--cwd=<folder>`) before or after the command: run as if from that folder. */
function takeCwd(argv: string[], io: CliIO): { argv: string[]; io: CliIO } {
  const at = argv.findIndex((a) => a === '--cwd' || a.startsWith('--cwd='));
  if (at < 0) return { argv, io };
  const value = argv[at] === '--cwd' ? argv[at + 1] : argv[at].slice('--cwd='.length);
  const rest = [...argv.slice(0, at), ...argv.slice(at + (argv[at] === '--cwd' ? 2 : 1))];
  return { argv: rest, io: { ...io, cwd: value ? path.resolve(io.cwd, value) : io.cwd } };
}

export async function run(rawArgv: string[], rawIO: CliIO): Promise<number> {
  const { argv, io } = takeCwd(rawArgv, rawIO);
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
