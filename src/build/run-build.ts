/** The part of the build that does the work, loaded only when some output is stale. */
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { DiagnosticError, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { loadDocument, parseYaml, toYaml } from '../load/document.ts';
import { readTextFile } from '../load/text.ts';
import { normalizeSpec } from '../normalize/index.ts';
import { resolveProfile } from '../resolve/profile.ts';
import type { JsonObject } from '../resolve/walk.ts';
import { compileXCompatSchema } from '../profile/schema.ts';
import type { BuildOptions, BuildReport, ProfileInputs, ProfileReport } from './build.ts';
import { hashParts, MANIFEST_FORMAT, type BuildManifest } from './cache-key.ts';
import { openStage } from './commit.ts';
import { writeFileAtomic, writeTree } from './files.ts';
import type { GeneratedFile, Generator, ResolvedProfile } from './types.ts';
import { isHttpMethod } from '../load/openapi.ts';
import { packageRoot } from '../load/package-root.ts';

interface RunBuildInput {
  options: BuildOptions;
  inputs: ProfileInputs[];
  stale: ProfileInputs[];
  /** Hash of the code and the base spec: names the cached normalized base. */
  baseKey: string;
  crossKey: string;
  manifest: BuildManifest | undefined;
  generatedDir: string;
  /** sha256 of the pinned base spec, recorded in the manifest. */
  baseSpec: string;
}

const CACHE_DIR = '.cache';
/** generated/base/: the normalized base every overlay.gen.yaml replays on (not a profile). */
export const BASE_DIR = 'base';

/** The normalized base, from the cache when the spec and the code are unchanged (a corrupt entry is recomputed). */
async function normalizedBase(projectRoot: string, baseKey: string): Promise<{ base: JsonObject; report?: BuildReport['normalize'] }> {
  const cacheFile = path.join(projectRoot, CACHE_DIR, `normalized-${baseKey.slice(0, 16)}.json`);
  if (existsSync(cacheFile)) {
    try {
      const cached = JSON.parse(await readFile(cacheFile, 'utf8')) as { base: JsonObject; report: BuildReport['normalize'] };
      if (cached && typeof cached.base === 'object' && cached.base !== null && Array.isArray(cached.report)) return cached;
    } catch {
      // Truncated or edited: recomputed below.
    }
  }
  const file = path.join(projectRoot, 'spec/base/openai.yaml');
  const raw = parseYaml(await readTextFile(file, 'spec/base/openai.yaml'), 'spec/base/openai.yaml') as JsonObject;
  const { spec, report, diagnostics } = normalizeSpec(raw);
  if (diagnostics.some((d) => d.severity === 'error')) throw new DiagnosticError(diagnostics);
  await rm(path.join(projectRoot, CACHE_DIR), { recursive: true, force: true });
  await writeFileAtomic(cacheFile, JSON.stringify({ base: spec, report }));
  return { base: spec as JsonObject, report };
}

/** Milliseconds an allowed remote `$ref` may take (OAI_COMPAT_REMOTE_REF_TIMEOUT_MS). */
export function remoteRefTimeout(env: NodeJS.ProcessEnv = process.env): number {
  const text = env.OAI_COMPAT_REMOTE_REF_TIMEOUT_MS;
  return text !== undefined && /^[1-9]\d{0,8}$/.test(text) ? Number(text) : 10_000;
}

/** Reads what a `$ref` points to, recording each location with the sha256 of its text (the profile's cache key covers them). */
function refLoader(projectRoot: string, read: Record<string, string>, env: NodeJS.ProcessEnv | undefined): (location: string) => Promise<unknown> {
  return async (location) => {
    let text: string;
    if (/^https?:/i.test(location)) {
      const timeout = remoteRefTimeout(env);
      let response: Response;
      try {
        response = await fetch(location, { signal: AbortSignal.timeout(timeout), redirect: 'follow' });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        text = await response.text();
      } catch (err) {
        const reason = (err as Error).name === 'TimeoutError' ? `no answer within ${timeout} ms (OAI_COMPAT_REMOTE_REF_TIMEOUT_MS)` : ((err as Error).cause as Error | undefined)?.message ?? (err as Error).message;
        throw new Error(`fetching ${location} failed: ${reason}`);
      }
      read[location] = 'remote';
    } else {
      const relative = path.relative(projectRoot, location);
      const name = relative.startsWith('..') || path.isAbsolute(relative) ? location : relative;
      text = await readTextFile(location, name);
      read[name] = hashParts([Buffer.from(text)]);
    }
    return parseYaml(text, location);
  };
}

function profileFiles(profile: ResolvedProfile): GeneratedFile[] {
  const provenance = { profile: profile.id, overlay: profile.overlayFile ?? null, actions: profile.provenance };
  return [
    { path: 'openapi.yaml', contents: toYaml(profile.spec) },
    { path: 'provenance.json', contents: `${JSON.stringify(provenance, null, 2)}\n` },
    // The parsed claims (src/profile/types.ts), for gateways and tools outside this project.
    { path: 'profile.json', contents: `${JSON.stringify(profile.model, null, 2)}\n` },
    // Replays openapi.yaml on generated/base/openapi.yaml with any Overlay tool.
    ...(profile.replay ? [{ path: 'overlay.gen.yaml', contents: toYaml(profile.replay) }] : []),
  ];
}

function countOperations(spec: JsonObject): number {
  let count = 0;
  for (const item of Object.values((spec.paths ?? {}) as Record<string, JsonObject>)) {
    for (const key of Object.keys(item)) if (isHttpMethod(key)) count++;
  }
  return count;
}

export async function runBuild(input: RunBuildInput): Promise<BuildReport> {
  const { options, inputs, stale, generatedDir } = input;
  const { projectRoot } = options;
  const diagnostics: Diagnostic[] = [];
  const { base, report: normalizeReport } = await normalizedBase(projectRoot, input.baseKey);
  const xCompat = compileXCompatSchema(JSON.parse(await readFile(path.join(packageRoot, 'spec/schemas/x-compat.schema.json'), 'utf8')));

  // Cross-profile outputs describe all profiles, so they are written only by a build of all of them,
  // which resolves every profile; other builds resolve the stale ones only. Only stale ones are written.
  const buildsAll = !options.profiles?.length && !options.specsOnly;
  const staleIds = new Set(stale.map((p) => p.id));
  const profiles: ResolvedProfile[] = [];
  const refsRead = new Map<string, Record<string, string>>();
  for (const inputProfile of buildsAll ? inputs : inputs.filter((p) => staleIds.has(p.id))) {
    const load = async (file: string | undefined) => (file ? loadDocument(await readTextFile(path.join(projectRoot, file), file), file) : undefined);
    const read: Record<string, string> = {};
    refsRead.set(inputProfile.id, read);
    const overlay = await load(inputProfile.overlayFile);
    const profileYaml = await load(inputProfile.profileFile);
    const resolved = await resolveProfile(base, { id: inputProfile.id, overlay, profile: profileYaml }, {
      projectRoot,
      strict: true,
      xCompat,
      loadRef: refLoader(projectRoot, read, options.env),
      allowRemoteRefs: options.allowRemoteRefs,
      allowOutsideRefs: options.allowOutsideRefs,
    });
    diagnostics.push(...resolved.diagnostics);
    profiles.push(resolved.profile);
  }

  // The generators load TypeScript (twice: ts-morph bundles its own), so only when they run.
  const generators: readonly Generator[] = options.specsOnly ? [] : (await import('./generators.ts')).generators;
  const reports: ProfileReport[] = [];
  await mkdir(generatedDir, { recursive: true });
  // Everything is staged first and committed at once: a failing or killed build leaves generated/ as it was.
  const stage = await openStage(generatedDir);
  try {
    const replace: string[] = [];
    if (input.manifest?.base !== input.baseKey || !existsSync(path.join(generatedDir, BASE_DIR, 'openapi.yaml'))) {
      await writeTree(path.join(stage.dir, BASE_DIR), [{ path: 'openapi.yaml', contents: toYaml(base) }]);
      replace.push(BASE_DIR);
    }
    const { outputs: generated, stop } = generateInTurn(profiles.filter((p) => staleIds.has(p.id)), generators);
    const resolvedIds = new Set(profiles.map((p) => p.id));
    for (const { id } of inputs) if (!resolvedIds.has(id)) reports.push({ id, state: 'up-to-date' });
    for (const profile of profiles) {
      const schemas = Object.keys(((profile.spec.components as JsonObject | undefined)?.schemas ?? {}) as JsonObject).length;
      const output = generated.get(profile.id);
      if (!output) {
        reports.push({ id: profile.id, state: 'up-to-date', operations: countOperations(profile.spec), schemas });
        continue;
      }
      const result = await output.catch((err: unknown) => {
        stop();
        throw err;
      });
      const files = [...profileFiles(profile), ...result.files];
      diagnostics.push(...result.diagnostics);
      if (diagnostics.some((d) => d.severity === 'error')) {
        stop();
        throw new DiagnosticError(diagnostics);
      }
      // --specs-only replaces the spec files and keeps what the generators wrote before.
      const kept = options.specsOnly ? await keptFiles(path.join(generatedDir, profile.id), files) : [];
      await writeTree(path.join(stage.dir, profile.id), [...kept, ...files]);
      replace.push(profile.id);
      reports.push({ id: profile.id, state: 'built', operations: countOperations(profile.spec), schemas, files: files.map((f) => f.path).sort() });
    }

    let crossFiles: string[] = input.manifest?.cross.files ?? [];
    if (buildsAll) {
      const written: GeneratedFile[] = [];
      for (const generator of generators) {
        if (!generator.crossProfile) continue;
        const result = await generator.crossProfile(profiles);
        diagnostics.push(...(result.diagnostics ?? []));
        if (diagnostics.some((d) => d.severity === 'error')) throw new DiagnosticError(diagnostics);
        written.push(...result.files);
      }
      await writeTree(stage.dir, written);
      crossFiles = written.map((f) => f.path).sort();
      replace.push(...new Set(crossFiles.map((f) => f.split('/')[0])));
    }

    const manifest: BuildManifest = {
      format: MANIFEST_FORMAT,
      baseSpec: input.baseSpec,
      base: input.baseKey,
      profiles: { ...(input.manifest?.profiles ?? {}) },
      cross: { key: buildsAll ? input.crossKey : (input.manifest?.cross.key ?? ''), files: crossFiles },
    };
    for (const p of inputs) {
      if (!replace.includes(p.id)) continue;
      manifest.profiles[p.id] = { key: p.key, outputs: options.specsOnly ? 'specs' : 'all', refs: refsRead.get(p.id) ?? {} };
    }
    const removed = buildsAll ? await removedProfiles(generatedDir, new Set(inputs.map((p) => p.id))) : [];
    for (const id of removed) delete manifest.profiles[id];
    manifest.profiles = Object.fromEntries(Object.entries(manifest.profiles).sort(([a], [b]) => a.localeCompare(b)));
    await writeTree(stage.dir, [{ path: 'manifest.json', contents: `${JSON.stringify(manifest, null, 2)}\n` }]);
    await stage.commit([...replace, 'manifest.json'], removed);
  } catch (err) {
    await stage.discard();
    throw err;
  }
  const position = new Map(inputs.map((p, i) => [p.id, i]));
  reports.sort((a, b) => position.get(a.id)! - position.get(b.id)!);
  return { profiles: reports, normalize: normalizeReport, diagnostics };
}

/** Profiles whose generators run at once: while one waits for esbuild's process, the next one's JavaScript runs. */
const IN_FLIGHT = 2;

/**
 * Runs the generators of each profile, `IN_FLIGHT` profiles at a time, and returns each profile's
 * output by id. The caller takes them in order, so files and diagnostics come out as from one
 * profile after the other; after `stop()` (a profile failed), the profiles not started yet are not.
 */
function generateInTurn(
  profiles: readonly ResolvedProfile[],
  generators: readonly Generator[],
): { outputs: Map<string, Promise<{ files: GeneratedFile[]; diagnostics: Diagnostic[] }>>; stop: () => void } {
  const outputs = new Map<string, Promise<{ files: GeneratedFile[]; diagnostics: Diagnostic[] }>>();
  const slots: Promise<unknown>[] = [];
  let stopped = false;
  profiles.forEach((profile, i) => {
    const previous = slots[i - IN_FLIGHT] ?? Promise.resolve();
    const output = previous
      .catch(() => undefined)
      .then(async () => {
        const files: GeneratedFile[] = [];
        const diagnostics: Diagnostic[] = [];
        if (stopped) return { files, diagnostics };
        for (const generator of generators) {
          if (!generator.perProfile) continue;
          const result = await generator.perProfile(profile);
          diagnostics.push(...(result.diagnostics ?? []));
          files.push(...result.files);
        }
        return { files, diagnostics };
      });
    output.catch(() => undefined); // awaited in order by the caller
    slots.push(output);
    outputs.set(profile.id, output);
  });
  return { outputs, stop: () => (stopped = true) };
}

/** Files of an existing profile folder that `files` does not replace (kept by --specs-only). */
async function keptFiles(folder: string, files: readonly GeneratedFile[]): Promise<GeneratedFile[]> {
  if (!existsSync(folder)) return [];
  const replaced = new Set(files.map((f) => f.path));
  const kept: GeneratedFile[] = [];
  for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const relative = path.relative(folder, path.join(entry.parentPath, entry.name)).split(path.sep).join('/');
    if (!replaced.has(relative)) kept.push({ path: relative, contents: await readFile(path.join(folder, relative), 'utf8') });
  }
  return kept;
}

/** Profile folders of generated/ whose provider no longer exists. */
async function removedProfiles(generatedDir: string, ids: Set<string>): Promise<string[]> {
  const removed: string[] = [];
  for (const entry of await readdir(generatedDir, { withFileTypes: true })) {
    if (entry.isDirectory() && !entry.name.startsWith('.') && entry.name !== BASE_DIR && !ids.has(entry.name) && existsSync(path.join(generatedDir, entry.name, 'openapi.yaml'))) removed.push(entry.name);
  }
  return removed.sort();
}
