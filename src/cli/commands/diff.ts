/** `oai-compat diff <old-base-spec> <new-base-spec>`: what the overlays must change for a new base. */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import { BASE_PROFILE, discoverProfiles } from '../../build/build.ts';
import { diffBases, type ProviderOverlay, type RedoclyChange } from '../../compat/diff.ts';
import { needsAttention, renderDiffText } from '../../compat/render-diff.ts';
import { diagnosticError } from '../../diagnostics/diagnostic.ts';
import { loadDocument, parseYaml } from '../../load/document.ts';
import { readTextFile } from '../../load/text.ts';
import { normalizeSpec } from '../../normalize/index.ts';
import { parseCommandLine, usageError } from '../args.ts';
import { readInputText } from '../input.ts';
import { ExitCode, type Command } from '../io.ts';
import { findProjectRoot } from '../project.ts';

const help = `usage: oai-compat diff <old-base-spec> <new-base-spec> [--format text|json] [--no-redocly]

Compares two versions of the upstream OpenAI spec (both normalized first) and reports, for each
provider of spec/providers/, the overlay actions that stop matching and the fields under a
supported or partial claim whose schema changed: what to review before bumping spec/base/pin.json.

  --format json   the report as JSON
  --no-redocly    skip \`redocly diff\` (which names each change and rates its impact; ~10 s on
                  the full spec)

exit codes: 0 no overlay is affected, 1 some are, 2 usage, 3 unreadable input
`;

const run_ = promisify(execFile);
/** The redocly CLI installed next to oai-compat (an optional peer dependency), if any. */
function redoclyBin(): string | undefined {
  try {
    const manifest = createRequire(import.meta.url).resolve('@redocly/cli/package.json');
    return path.join(path.dirname(manifest), 'bin/cli.js');
  } catch {
    return undefined;
  }
}

async function readSpec(file: string, cwd: string): Promise<Record<string, unknown>> {
  const text = await readInputText(file, cwd, { code: 'diff-unreadable', hint: 'pass paths to two readable OpenAPI files' });
  const value = parseYaml(text, file);
  if (typeof value !== 'object' || value === null || !('paths' in value)) {
    throw diagnosticError({ code: 'diff-not-openapi', message: `${file} is not an OpenAPI document (no paths)`, hint: 'pass two versions of the upstream openapi.yaml', location: { file } }, ExitCode.unreadable);
  }
  return normalizeSpec(value as Record<string, unknown>, { file }).spec;
}

/** `redocly diff` with its recommended diff rules; our redocly.yaml turns none on. */
async function redoclyChanges(oldFile: string, newFile: string, cwd: string): Promise<RedoclyChange[]> {
  const bin = redoclyBin();
  if (!bin) {
    throw diagnosticError(
      { code: 'diff-no-redocly', message: '@redocly/cli is not installed', hint: 'install it (`npm i -D @redocly/cli`) or pass --no-redocly', location: { file: oldFile } },
      ExitCode.usage,
    );
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'oai-compat-diff-'));
  try {
    const config = path.join(dir, 'redocly.yaml');
    const output = path.join(dir, 'diff.json');
    await writeFile(config, 'extends:\n  - diff-recommended\n');
    await run_(process.execPath, [bin, 'diff', path.resolve(cwd, oldFile), path.resolve(cwd, newFile), '--format', 'json', '-o', output, '--fail-on', 'none', '--config', config], {
      cwd: dir,
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_NOTIFICATIONS: 'true' },
      maxBuffer: 64 * 1024 * 1024,
      timeout: 120_000,
    });
    return (JSON.parse(await readFile(output, 'utf8')) as { changes?: RedoclyChange[] }).changes ?? [];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export const run: Command = async (args, io) => {
  const options = { format: { type: 'string', default: 'text' }, 'no-redocly': { type: 'boolean', default: false } } as const;
  const parsed = parseCommandLine('diff', args, options, help, io);
  if (typeof parsed === 'number') return parsed;
  const [oldFile, newFile, ...rest] = parsed.positionals;
  const format = parsed.values.format;
  if (!oldFile || !newFile || rest.length || (format !== 'text' && format !== 'json')) {
    const problem = !newFile ? 'expected two base specs' : rest.length ? `unexpected argument "${rest[0]}"` : `unknown format "${format}"`;
    return usageError('diff', problem, help, io);
  }

  const [oldBase, newBase] = [await readSpec(oldFile, io.cwd), await readSpec(newFile, io.cwd)];
  const providers: ProviderOverlay[] = [];
  const projectRoot = findProjectRoot(io.cwd);
  for (const id of await discoverProfiles(projectRoot)) {
    if (id === BASE_PROFILE) continue;
    const file = path.join('spec/providers', id, 'overlay.yaml');
    const doc = loadDocument(await readTextFile(path.join(projectRoot, file), file), file);
    providers.push({ id, file, overlay: doc.value, lineOf: (pointer) => doc.lineOf(pointer) });
  }
  const changes = parsed.values['no-redocly'] ? [] : await redoclyChanges(oldFile, newFile, io.cwd);
  const diff = diffBases(oldBase, newBase, providers, changes);
  io.stdout(format === 'json' ? `${JSON.stringify(diff, null, 2)}\n` : renderDiffText(diff));
  return needsAttention(diff) ? ExitCode.problems : ExitCode.ok;
};
