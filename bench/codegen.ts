/**
 * Bench of codegen: `checkRequest` (build-time Ajv standalone validators plus the claims) on a
 * typical chat request with two ignored fields, side by side in the same run with Ajv compiling the
 * raw upstream schema at run time and then validating; codegen time per profile; and the
 * `tsc --noEmit` time of each generated client. Needs `npm run build` (reads generated/).
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { OpenAPIDocument } from '../src/build/types.ts';
import { generateProfileCode } from '../src/codegen/generator.ts';
import { parseYaml } from '../src/load/document.ts';
import type { ProfileModel } from '../src/profile/types.ts';
import { median, timeCommand, type Figure } from './measure.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PROFILES = ['openai', 'neosantara', 'compactifai', 'kluster', 'oxlo'];
const BATCHES = 9;
const CALLS = 20_000;

/** A typical chat request; `logprobs` and `seed` are both `ignored` by NeosantaraAI. */
const chatRequest = {
  model: 'nusantara-base',
  messages: [
    { role: 'system', content: 'You are a helpful assistant.' },
    { role: 'user', content: 'Summarize the plot of Hamlet in two sentences.' },
  ],
  temperature: 0.7,
  max_tokens: 256,
  logprobs: true,
  seed: 42,
};

/** What both sides do, printed with the figures: the same Ajv options, so like is compared with like. */
const AJV_OPTIONS = 'Ajv 2020, strict off, allErrors off (first error), inlineRefs on, formats not checked';

/** Ajv with its default options (first error, inlined refs; formats off as in the generated validators) compiling CreateChatCompletionRequest now. */
function compileAtRunTime(spec: OpenAPIDocument): { validate: ReturnType<Ajv2020['compile']>; compileMs: number } {
  const started = performance.now();
  const ajv = new Ajv2020({ strict: false, validateFormats: false });
  ajv.addSchema({ $id: 'oas', components: spec.components });
  const validate = ajv.compile({ $ref: 'oas#/components/schemas/CreateChatCompletionRequest' });
  return { validate, compileMs: performance.now() - started };
}

/** Median microseconds per call of each function, batches interleaved so both see the same machine load. */
function perCall(...fns: (() => unknown)[]): number[] {
  const batches: number[][] = fns.map(() => []);
  for (let b = 0; b < BATCHES; b++) {
    fns.forEach((fn, f) => {
      const started = performance.now();
      for (let i = 0; i < CALLS; i++) fn();
      batches[f].push(((performance.now() - started) * 1000) / CALLS);
    });
  }
  return batches.map(median);
}

export async function benchCodegen(): Promise<Figure[]> {
  const figures: Figure[] = [];

  // checkRequest with the profile's generated module (import = loading the precompiled validators).
  const importStarted = performance.now();
  const neosantara = (await import(path.join(root, 'generated/neosantara/index.gen.ts'))) as {
    checkRequest(op: string, body: unknown): { ok: boolean; warnings: { field: string }[] };
  };
  const sample = neosantara.checkRequest('POST /chat/completions', chatRequest);
  const importMs = performance.now() - importStarted;
  if (!sample.ok || sample.warnings.map((w) => w.field).join() !== 'logprobs,seed') {
    throw new Error(`bench precondition: expected ok with warnings logprobs,seed; got ${JSON.stringify(sample)}`);
  }

  // Baseline: Ajv compiles the upstream request schema at run time, then validates. The raw
  // upstream schema does not compile (`nullable` without `type`), so the baseline falls back to the
  // upstream schema after the normalize stage (generated/openai), and says so.
  const raw = parseYaml(readFileSync(path.join(root, 'spec/base/openai.yaml'), 'utf8'), 'spec/base/openai.yaml') as OpenAPIDocument;
  let baseline = 'raw upstream schema';
  let compileMs = 0;
  let validate: ReturnType<Ajv2020['compile']>;
  try {
    ({ validate, compileMs } = compileAtRunTime(raw));
  } catch (err) {
    const normalized = parseYaml(readFileSync(path.join(root, 'generated/openai/openapi.yaml'), 'utf8'), 'generated/openai/openapi.yaml') as OpenAPIDocument;
    ({ validate, compileMs } = compileAtRunTime(normalized));
    baseline = `normalized upstream schema (the raw one fails: ${(err as Error).message})`;
  }
  if (!validate(chatRequest)) throw new Error(`bench precondition: the upstream schema rejects the request: ${JSON.stringify(validate.errors)}`);
  const [checkUs, ajvUs] = perCall(
    () => neosantara.checkRequest('POST /chat/completions', chatRequest),
    () => validate(chatRequest),
  );

  figures.push(
    {
      name: 'checkRequest, chat request with 2 ignored fields (neosantara)',
      value: checkUs,
      unit: 'µs',
      note: `${(checkUs / ajvUs).toFixed(2)}x the run-time Ajv validate below; schema check (${AJV_OPTIONS}; discriminated oneOf by tag, full validator only for the errors) plus the claim warnings`,
    },
    { name: 'Ajv validate, upstream schema compiled at run time', value: ajvUs, unit: 'µs', note: `${baseline}; ${AJV_OPTIONS}, oneOf tries every branch` },
    {
      name: 'Ajv run-time compile of that schema (paid once, before the first call)',
      value: compileMs,
      unit: 'ms',
      note: `vs ${importMs.toFixed(0)} ms to import the generated module and run the first check (which requires its validator)`,
    },
  );

  // Codegen per profile, from the resolved specs (YAML parsing not timed).
  for (const id of PROFILES) {
    const spec = parseYaml(readFileSync(path.join(root, 'generated', id, 'openapi.yaml'), 'utf8'), id) as OpenAPIDocument;
    const model = JSON.parse(readFileSync(path.join(root, 'generated', id, 'profile.json'), 'utf8')) as ProfileModel;
    const started = performance.now();
    const result = await generateProfileCode({ id, spec, base: spec, provenance: [], model });
    const elapsed = performance.now() - started;
    const bytes = result.files.reduce((sum, f) => sum + f.contents.length, 0);
    figures.push({ name: `codegen ${id}`, value: elapsed, unit: 'ms', note: `${result.files.length} files, ${(bytes / 1024 / 1024).toFixed(2)} MB` });
  }

  // tsc --noEmit of each generated client (its index module and everything it imports).
  const scratch = path.join(root, 'generated/.codegen-bench');
  mkdirSync(scratch, { recursive: true });
  try {
    for (const id of PROFILES) {
      const config = path.join(scratch, `tsconfig.${id}.json`);
      writeFileSync(config, JSON.stringify({ extends: path.join(root, 'tsconfig.json'), include: [], files: [path.join(root, 'generated', id, 'index.gen.ts')] }));
      const ms = timeCommand(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', config], { cwd: root });
      figures.push({ name: `tsc --noEmit generated/${id}`, value: ms, unit: 'ms' });
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return figures;
}
