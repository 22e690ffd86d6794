/** `oai-compat mock <id> [--port n] [--host h] [--engine native|prism] [--stateful] [--fixtures f]`: serves a profile until killed. */
import { parseCommandLine, usageError } from '../args.ts';
import { ExitCode, type Command } from '../io.ts';

const help = `usage: oai-compat mock <id> [--port <n>] [--host 127.0.0.1] [--engine native|prism]
                     [--stateful] [--fixtures <file.yaml|json>]

Serves the profile's operations under /v1 and prints "listening on http://<host>:<port>/v1"
once it accepts requests. Answer 429/500 on demand with the request header "x-mock-status: 429",
or queue faults with POST /__mock/faults {"status": 429, "count": 2} (native engine).
--stateful keeps files, vector stores, batches and responses in memory (create, list, delete).
--fixtures answers matching requests as scripted in the file (see docs/mock.md).
`;

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
  const port = Number(values.port);
  if (values.engine === 'prism' && (values.stateful || values.fixtures)) return usageError('mock', '--stateful and --fixtures need the native engine', help, io);
  if (positionals.length !== 1 || !Number.isInteger(port) || port < 0 || port > 65535 || (values.engine !== 'native' && values.engine !== 'prism')) {
    const problem = positionals.length !== 1 ? 'expected one profile id' : values.engine !== 'native' && values.engine !== 'prism' ? `unknown engine "${values.engine}"` : `invalid port "${values.port}"`;
    return usageError('mock', problem, help, io);
  }
  const { startMock } = await import('../../mock/start.ts');
  const mock = await startMock({
    provider: positionals[0],
    port,
    host: values.host,
    engine: values.engine,
    stateful: values.stateful,
    ...(values.fixtures ? { fixtures: values.fixtures } : {}),
  });
  io.stdout(`listening on ${mock.url}\n`);
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      mock.close().then(resolve, resolve);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return ExitCode.ok;
};
