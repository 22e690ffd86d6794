/** The part of the build that does the work, loaded only when some output is stale. */
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { DiagnosticError, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { loadDocument, parseYaml, toYaml } from '../load/document.ts';
import { normalizeSpec } from '../normalize/index.ts';
import { resolveProfile } from '../resolve/profile.ts';
import type { JsonObject } from '../resolve/walk.ts';
import { compileXCompatSchema } from '../profile/schema.ts';
import type { BuildOptions, BuildReport, ProfileInputs, ProfileReport } from './build.ts';
import type { BuildManifest } from './cache-key.ts';
import { replaceDirectory, writeFileAtomic } from './files.ts';
import type { GeneratedFile, Generator, ResolvedProfile } from './types.ts';
import { isHttpMethod } from '../load/openapi.ts';

interface RunBuildInput {
  options: BuildOptions;
  inputs: ProfileInputs[];
  stale: ProfileInputs[];
  /** Hash of the code and the base spec: names the cached normalized base. */
  baseKey: string;
  crossKey: string;
  manifest: BuildManifest | undefined;
  generatedDir: string;
}

const CACHE_DIR = '.cache';

/** The normalized base, from the cache when the spec and the code are unchanged. */
async function normalizedBase(projectRoot: string, baseKey: string): Promise<{ base: JsonObject; report?: BuildReport['normalize'] }> {
  const cacheFile = path.join(projectRoot, CACHE_DIR, `normalized-${baseKey.slice(0, 16)}.json`);
  if (existsSync(cacheFile)) {
    const cached = JSON.parse(await readFile(cacheFile, 'utf8')) as { base: JsonObject; report: BuildReport['normalize'] };
    return cached;
  }
  const file = path.join(projectRoot, 'spec/base/openai.yaml');
  const raw = parseYaml(await readFile(file, 'utf8'), 'spec/base/openai.yaml') as JsonObject;
  const { spec, report, diagnostics } = normalizeSpec(raw);
  if (diagnostics.some((d) => d.severity === 'error')) throw new DiagnosticError(diagnostics);
  await rm(path.join(projectRoot, CACHE_DIR), { recursive: true, force: true });
  await writeFileAtomic(cacheFile, JSON.stringify({ base: spec, report }));
  return { base: spec as JsonObject, report };
}

async function loadRef(location: string): Promise<unknown> {
  if (/^https?:/i.test(location)) {
    const response = await fetch(location);
    if (!response.ok) throw new Error(`fetching ${location} failed with HTTP ${response.status}`);
    return parseYaml(await response.text(), location);
  }
  return parseYaml(await readFile(location, 'utf8'), location);
}

function profileFiles(profile: ResolvedProfile): GeneratedFile[] {
  const provenance = { profile: profile.id, overlay: profile.overlayFile ?? null, actions: profile.provenance };
  return [
    { path: 'openapi.yaml', contents: toYaml(profile.spec) },
    { path: 'provenance.json', contents: `${JSON.stringify(provenance, null, 2)}\n` },
    // The parsed claims (src/profile/types.ts), for gateways and tools outside this project.
    { path: 'profile.json', contents: `${JSON.stringify(profile.model, null, 2)}\n` },
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
  const xCompat = compileXCompatSchema(JSON.parse(await readFile(path.join(projectRoot, 'spec/schemas/x-compat.schema.json'), 'utf8')));

  // Every profile is resolved (cheap); only stale ones are regenerated and written.
  const profiles: ResolvedProfile[] = [];
  for (const inputProfile of inputs) {
    const load = async (file: string | undefined) => (file ? loadDocument(await readFile(path.join(projectRoot, file), 'utf8'), file) : undefined);
    const overlay = await load(inputProfile.overlayFile);
    const profileYaml = await load(inputProfile.profileFile);
    const resolved = await resolveProfile(base, { id: inputProfile.id, overlay, profile: profileYaml }, {
      projectRoot,
      strict: true,
      xCompat,
      loadRef,
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
  for (const profile of profiles) {
    const isStale = stale.some((s) => s.id === profile.id);
    const schemas = Object.keys(((profile.spec.components as JsonObject | undefined)?.schemas ?? {}) as JsonObject).length;
    if (!isStale) {
      reports.push({ id: profile.id, state: 'up-to-date', operations: countOperations(profile.spec), schemas });
      continue;
    }
    const files = profileFiles(profile);
    for (const generator of generators) {
      if (!generator.perProfile) continue;
      const result = await generator.perProfile(profile);
      diagnostics.push(...(result.diagnostics ?? []));
      files.push(...result.files);
    }
    if (diagnostics.some((d) => d.severity === 'error')) throw new DiagnosticError(diagnostics);
    await replaceDirectory(path.join(generatedDir, profile.id), files);
    reports.push({ id: profile.id, state: 'built', operations: countOperations(profile.spec), schemas, files: files.map((f) => f.path).sort() });
  }

  // Cross-profile outputs describe all profiles, so they are written only by a build of all of them.
  const buildsAll = !options.profiles?.length && !options.specsOnly;
  const crossFiles: string[] = buildsAll ? [] : (input.manifest?.crossFiles ?? []);
  if (buildsAll) {
    for (const generator of generators) {
      if (!generator.crossProfile) continue;
      const result = await generator.crossProfile(profiles);
      diagnostics.push(...(result.diagnostics ?? []));
      if (diagnostics.some((d) => d.severity === 'error')) throw new DiagnosticError(diagnostics);
      for (const file of result.files) {
        await writeFileAtomic(path.join(generatedDir, file.path), file.contents);
        crossFiles.push(file.path);
      }
    }
    await removeStaleProfiles(generatedDir, new Set(inputs.map((p) => p.id)));
  }

  const manifest: BuildManifest = {
    profiles: { ...(input.manifest?.profiles ?? {}), ...Object.fromEntries(inputs.map((p) => [p.id, p.key])) },
    cross: buildsAll ? input.crossKey : (input.manifest?.cross ?? ''),
    crossFiles: crossFiles.sort(),
  };
  await writeFileAtomic(path.join(generatedDir, '.manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return { profiles: reports, normalize: normalizeReport, diagnostics };
}

/** Folders of profiles that no longer exist (a provider was removed). */
async function removeStaleProfiles(generatedDir: string, ids: Set<string>): Promise<void> {
  for (const entry of await readdir(generatedDir, { withFileTypes: true })) {
    if (entry.isDirectory() && !entry.name.startsWith('.') && !ids.has(entry.name) && existsSync(path.join(generatedDir, entry.name, 'openapi.yaml'))) {
      await rm(path.join(generatedDir, entry.name), { recursive: true, force: true });
    }
  }
}
