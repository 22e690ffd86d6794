/** `oai-compat build [--profile <id>]... [--force] [--specs-only] [--allow-remote-refs] [--allow-outside-refs]` */
import { parseArgs } from 'node:util';
import { build, type BuildReport } from '../../build/build.ts';
import { formatDiagnostics } from '../../diagnostics/diagnostic.ts';
import { findProjectRoot } from '../project.ts';
import { ExitCode, type CliIO } from '../io.ts';

export function formatBuildReport(report: BuildReport): string {
  const lines = report.profiles.map((p) => {
    const shape = p.operations === undefined ? '' : ` (${p.operations} operations, ${p.schemas} schemas)`;
    return `${p.id.padEnd(12)} ${p.state}${shape}`;
  });
  if (report.normalize) {
    const fixes = report.normalize.filter((f) => f.count > 0).map((f) => `${f.fix} ${f.count}`);
    lines.unshift(`normalize: ${fixes.join(', ')}`);
  }
  const warnings = report.diagnostics.filter((d) => d.severity !== 'error');
  if (warnings.length) lines.push(formatDiagnostics(warnings));
  return `${lines.join('\n')}\n`;
}

export async function run(args: string[], io: CliIO): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        profile: { type: 'string', multiple: true },
        force: { type: 'boolean' },
        'specs-only': { type: 'boolean' },
        'allow-remote-refs': { type: 'boolean' },
        'allow-outside-refs': { type: 'boolean' },
      },
      strict: true,
    }));
  } catch (err) {
    io.stderr(`oai-compat build: ${(err as Error).message}\n`);
    return ExitCode.usage;
  }
  const report = await build({
    projectRoot: findProjectRoot(io.cwd),
    profiles: values.profile,
    force: values.force,
    specsOnly: values['specs-only'],
    env: io.env,
    allowRemoteRefs: values['allow-remote-refs'],
    allowOutsideRefs: values['allow-outside-refs'],
  });
  io.stdout(formatBuildReport(report));
  return ExitCode.ok;
}
