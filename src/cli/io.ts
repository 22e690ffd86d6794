/** What a CLI command may touch: its streams, working directory and environment. Tests pass fakes. */
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
  env: NodeJS.ProcessEnv;
}

/** Exit codes shared by every command. */
export const ExitCode = {
  ok: 0,
  /** The input was read, and problems were found in it. */
  problems: 1,
  /** The command line was wrong. */
  usage: 2,
  /** An input could not be read or parsed. */
  unreadable: 3,
} as const;

export type Command = (args: string[], io: CliIO) => Promise<number>;

export function processIO(): CliIO {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    env: process.env,
  };
}
