/** `oai-compat mock <id> [--port n] [--host h] [--engine native|prism] [--stateful] [--fixtures f]`: serves a profile until killed. */
import path from 'node:path';
import { parseCommandLine, usageError } from '../args.ts';
import { locateProfile } from '../project.ts';
import { ExitCode, type Command } from '../io.ts';

const help = `usage: oai-compat mock <id> [--port <n>] [--host 127.0.0.1] [--engine native|prism]
                     [--stateful] [--fixtures <file.yaml|json>]

Serves the profile's operations under /v1 (the project's generated/<id>/ when the project has
that profile, else the profile oai-compat ships) and prints "listening on http://<host>:<port>/v1"
once it accepts requests. Answer 429/500 on demand with the request header "x-mock-status: 429",
or queue faults with POST /__mock/faults {"status": 429, "count": 2} (native engine).
--stateful keeps files, vector stores, batches and responses in memory (create, list, delete).
--fixtures answers matching requests as scripted in the file (see docs/mock.md).
`;

/**
 * Resolves once `close` has finished after SIGINT, SIGTERM or SIGHUP (what a terminal, a CI runner or
 * `kill` sends), or after the parent process went away: `npx` runs the command through `sh -c` and
 * forwards signals to that shell only, which exits without passing them on, so the server would
 * be orphaned and keep its port. A second signal while closing exits at once.
 */
function untilStopped(close: () => Promise<void>): Promise<void> {
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  const parent = process.ppid;
  return new Promise<void>((resolve) => {
    const stop = () => {
      clearInterval(orphanCheck);
      for (const signal of signals) process.off(signal, stop);
      for (const signal of signals) process.once(signal, () => process.exit(130));
      close().then(resolve, resolve);
    };
    const orphanCheck = setInterval(() => process.ppid !== parent && stop(), 250);
    for (const signal of signals) process.once(signal, stop);
  });
}

export const run: Command = async (args, io) => {
  const options = {
    port: { type: 'string', default: '4010' },
    host: { type: 'string', default: '127.0.0.1' },
    engine: { type: 'string', default: 'native' },
    stateful: { type: 'boolean', default: false },
    fixtures: { type: 'string' },
  } as const;
  const parsed = parseCommandLine('mock', args, options, help, io);
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  // Decimal only: Number() would read `0x10` as 16 and `1e3` as 1000.
  const port = /^\d{1,5}$/.test(values.port) ? Number(values.port) : NaN;
  if (values.engine === 'prism' && (values.stateful || values.fixtures)) return usageError('mock', '--stateful and --fixtures need the native engine', help, io);
  if (positionals.length !== 1 || !(port >= 0 && port <= 65535) || (values.engine !== 'native' && values.engine !== 'prism')) {
    const problem = positionals.length !== 1 ? 'expected one profile id' : values.engine !== 'native' && values.engine !== 'prism' ? `unknown engine "${values.engine}"` : `invalid port "${values.port}"`;
    return usageError('mock', problem, help, io);
  }
  const profile = await locateProfile(io.cwd, positionals[0]);
  const { startMock } = await import('../../mock/start.ts');
  const mock = await startMock({
    provider: profile.id,
    generatedDir: path.dirname(profile.dir),
    port,
    host: values.host,
    engine: values.engine,
    stateful: values.stateful,
    ...(values.fixtures ? { fixtures: values.fixtures } : {}),
  });
  io.stdout(`listening on ${mock.url}\n`);
  await untilStopped(() => mock.close());
  return ExitCode.ok;
};
