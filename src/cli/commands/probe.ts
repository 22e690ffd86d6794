/** `oai-compat probe <id> --base-url <url> ...`: checks a live endpoint against the profile's claims, field by field. */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../../build/files.ts';
import { diagnosticError } from '../../diagnostics/diagnostic.ts';
import { parseYaml } from '../../load/document.ts';
import { parsePointer } from '../../load/pointer.ts';
import type { ProfileModel } from '../../profile/types.ts';
import { planProbe, renderPlan } from '../../probe/plan.ts';
import { proposeOverlay } from '../../probe/propose.ts';
import { buildReport, renderTable } from '../../probe/report.ts';
import { runPlan } from '../../probe/run.ts';
import { parseCommandLine, usageError } from '../args.ts';
import { ExitCode, type Command } from '../io.ts';
import { locateProfile } from '../project.ts';

const help = `usage: oai-compat probe <id> --base-url <url> [--model <m>] [--api-key-env <VAR>]
                      [--fields a,b] [--max-requests <n>] [--rate <req/s>] [--out probe.json]
                      [--propose overlay.yaml] [--dry-run]

Sends, per field of the profile's chat completions, completions, Responses and embeddings operations, a control
request and treatments that make the field's effect visible, judges each field (honoured, ignored,
rejected, transformed, inconclusive, unobservable) and compares the verdict with the profile's claim.
The key comes from the environment only (--api-key-env, default the profile's auth env) and is never
printed or written. See docs/probe.md.

  --dry-run          print the plan and the number of requests; send nothing
  --max-requests n   stop before more than n requests are sent (default 100)
  --rate r           at most r requests per second (default 2)
  --out file         write the report (probe.json) atomically
  --propose file     write an Overlay of the observations (x-compat observed), to append to the overlay

exit codes: 0 every verdict agrees, 1 drift or a partial run, 2 usage, 3 profile unreadable or
endpoint unreachable, 130 interrupted (Ctrl-C; the partial report is still written)
`;

async function readProfileModel(dir: string, cwd: string): Promise<ProfileModel> {
  const file = path.join(dir, 'profile.json');
  const relative = path.relative(cwd, file);
  if (!existsSync(file)) throw diagnosticError({ code: 'probe-profile-not-built', message: `${relative} does not exist`, hint: 'run `oai-compat build` first', location: { file: relative } }, ExitCode.unreadable);
  try {
    return JSON.parse(await readFile(file, 'utf8')) as ProfileModel;
  } catch (err) {
    throw diagnosticError({ code: 'probe-profile-unreadable', message: `${relative} is not JSON: ${(err as Error).message}`, hint: 'run `oai-compat build` again', location: { file: relative } }, ExitCode.unreadable);
  }
}

/** The raw field claims of the resolved spec (to target a claim written as a list by its index). */
async function resolvedClaims(dir: string): Promise<((pointer: string, field: string) => unknown) | undefined> {
  const file = path.join(dir, 'openapi.yaml');
  if (!existsSync(file)) return undefined;
  const spec = parseYaml(await readFile(file, 'utf8'), file);
  return (pointer, field) => {
    let node: unknown = spec;
    for (const token of [...parsePointer(pointer), 'x-compat', 'fields', 'request.body', field]) node = (node as Record<string, unknown> | undefined)?.[token];
    return node;
  };
}

const positive = (text: string | undefined) => (text !== undefined && /^\d+(\.\d+)?$/.test(text) && Number(text) > 0 ? Number(text) : undefined);

export const run: Command = async (args, io) => {
  const options = {
    'base-url': { type: 'string' },
    model: { type: 'string' },
    'api-key-env': { type: 'string' },
    fields: { type: 'string' },
    'max-requests': { type: 'string', default: '100' },
    rate: { type: 'string', default: '2' },
    out: { type: 'string' },
    propose: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
  } as const;
  const parsed = parseCommandLine('probe', args, options, help, io);
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  const maxRequests = positive(values['max-requests']);
  const rate = positive(values.rate);
  if (positionals.length !== 1) return usageError('probe', 'expected one profile id', help, io);
  if (!values['base-url'] && !values['dry-run']) return usageError('probe', '--base-url is required', help, io);
  if (values['base-url'] && !/^https?:\/\/[^/]/.test(values['base-url'])) return usageError('probe', `--base-url must be an http(s) URL, got "${values['base-url']}"`, help, io);
  if (maxRequests === undefined || !Number.isInteger(maxRequests)) return usageError('probe', `--max-requests must be a positive integer, got "${values['max-requests']}"`, help, io);
  if (rate === undefined) return usageError('probe', `--rate must be a positive number, got "${values.rate}"`, help, io);

  const located = await locateProfile(io.cwd, positionals[0]);
  const profile = await readProfileModel(located.dir, io.cwd);
  const fields = values.fields?.split(',').map((f) => f.trim()).filter(Boolean);
  const plan = planProbe(profile, { ...(values.model ? { model: values.model } : {}), ...(fields ? { fields } : {}) });
  if (values['dry-run']) {
    io.stdout(renderPlan(plan, maxRequests));
    return ExitCode.ok;
  }

  const keyEnv = values['api-key-env'] ?? profile.auth.env;
  const key = keyEnv ? io.env[keyEnv] : undefined;
  if (!key) io.stderr(`oai-compat probe: no key in $${keyEnv ?? 'the environment'}; sending without credentials\n`);
  const auth: Record<string, string> = !key ? {} : profile.auth.scheme === 'header' && profile.auth.header ? { [profile.auth.header]: key } : { authorization: `Bearer ${key}` };

  const controller = new AbortController();
  const onSignal = () => controller.abort();
  process.once('SIGINT', onSignal);
  const startedAt = new Date();
  let outcome;
  try {
    outcome = await runPlan(plan, {
      target: { baseUrl: values['base-url'] as string, auth, ...(key ? { secret: key } : {}) },
      maxRequests,
      rate,
      signal: controller.signal,
      onField: (f) => io.stderr(`probe: ${f.operation} ${f.field}\n`),
    });
  } finally {
    process.off('SIGINT', onSignal);
  }
  const report = buildReport({ provider: profile.id, endpoint: values['base-url'] as string, model: plan.model, ...(plan.mode ? { mode: plan.mode } : {}), startedAt, finishedAt: new Date(), maxRequests, outcome });
  if (values.out) await writeFileAtomic(path.resolve(io.cwd, values.out), `${JSON.stringify(report, null, 2)}\n`);
  if (values.propose) {
    const rawClaims = await resolvedClaims(located.dir);
    await writeFileAtomic(path.resolve(io.cwd, values.propose), proposeOverlay(report, profile, { evidence: values.out ?? 'probe.json', ...(rawClaims ? { rawClaims } : {}) }));
  }
  io.stdout(renderTable(report));
  if (outcome.stoppedBecause === 'error') {
    io.stderr(`oai-compat probe: ${outcome.error}\n`);
    return ExitCode.unreadable;
  }
  if (outcome.stoppedBecause === 'interrupted') return 130;
  if (outcome.stoppedBecause === 'max-requests') io.stderr(`oai-compat probe: stopped after ${outcome.sent} requests (--max-requests ${maxRequests}); the report is partial\n`);
  return report.summary.drift === 0 && report.complete ? ExitCode.ok : ExitCode.problems;
};
