/**
 * `npm run build`: the I/O shell around the pipeline stages. It decides what is stale from input
 * hashes and loads the heavy stages (YAML, normalize, overlay, generators) only when something is.
 */
import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { diagnosticError, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { packageRoot, shippedProfilesDir } from '../load/package-root.ts';
import { fetchBaseSpec, pinFile, readPin } from '../resolve/base-spec.ts';
import { hashParts, MANIFEST_FORMAT, type BuildManifest } from './cache-key.ts';

export const BASE_PROFILE = 'openai';

export interface BuildOptions {
  projectRoot: string;
  /** Profiles to build (default: all). Unknown ids are an error. */
  profiles?: string[];
  /** Rebuild even when the inputs are unchanged. */
  force?: boolean;
  env?: NodeJS.ProcessEnv;
  allowRemoteRefs?: boolean;
  allowOutsideRefs?: boolean;
  /** Write only the resolved specs and their provenance, skipping the generators. */
  specsOnly?: boolean;
}

export interface ProfileReport {
  id: string;
  state: 'built' | 'up-to-date';
  operations?: number;
  schemas?: number;
  files?: string[];
}

export interface BuildReport {
  profiles: ProfileReport[];
  normalize?: { fix: string; count: number; description: string }[];
  diagnostics: Diagnostic[];
}

export interface ProfileInputs {
  id: string;
  /** Project-relative overlay path, absent for the base profile. */
  overlayFile?: string;
  /** Project-relative profile.yaml path (claims of a profile without an overlay). */
  profileFile?: string;
  key: string;
}

/** Every profile: the base profile, then each folder of spec/providers/ holding an overlay.yaml, sorted. */
export async function discoverProfiles(projectRoot: string): Promise<string[]> {
  const providersDir = path.join(projectRoot, 'spec/providers');
  const entries = existsSync(providersDir) ? await readdir(providersDir, { withFileTypes: true }) : [];
  const providers = entries
    .filter((e) => e.isDirectory() && e.name !== BASE_PROFILE && existsSync(path.join(providersDir, e.name, 'overlay.yaml')))
    .map((e) => e.name)
    .sort();
  return [BASE_PROFILE, ...providers];
}

export function unknownProfileError(id: string, known: readonly string[]): Error {
  return diagnosticError(
    {
      code: 'unknown-profile',
      message: `unknown profile "${id}"`,
      hint: `known profiles: ${known.join(', ')}; a provider is a folder spec/providers/<id>/ with an overlay.yaml`,
      location: { file: `spec/providers/${id}/overlay.yaml` },
    },
    2,
  );
}

async function listFiles(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name)).sort();
}

/**
 * Hash of everything that shapes the output besides the profile's own folder: oai-compat's code
 * (the checkout's src/, or the installed package's dist/ without its shipped profiles), its
 * schemas and tool versions, and the project's pin.
 */
export async function codeKey(projectRoot: string): Promise<string> {
  const code = existsSync(path.join(packageRoot, 'src')) ? path.join(packageRoot, 'src') : path.join(packageRoot, 'dist');
  const files = [
    ...(await listFiles(code)).filter((f) => !f.startsWith(shippedProfilesDir + path.sep)),
    ...(await listFiles(path.join(packageRoot, 'spec/schemas'))),
    path.join(packageRoot, 'spec/capabilities.yaml'),
    pinFile(projectRoot),
    path.join(packageRoot, 'package-lock.json'),
    path.join(packageRoot, 'package.json'),
  ].filter((f) => existsSync(f));
  const parts: (string | Uint8Array)[] = [];
  for (const file of files) parts.push(path.relative(packageRoot, file), await readFile(file));
  return hashParts(parts);
}

export async function profileInputs(projectRoot: string, ids: readonly string[], code: string): Promise<ProfileInputs[]> {
  const inputs: ProfileInputs[] = [];
  for (const id of ids) {
    const folder = path.join(projectRoot, 'spec/providers', id);
    const parts: (string | Uint8Array)[] = [code, id];
    for (const file of await listFiles(folder)) parts.push(path.relative(folder, file), await readFile(file));
    const overlay = path.join(folder, 'overlay.yaml');
    const profile = path.join(folder, 'profile.yaml');
    inputs.push({
      id,
      key: hashParts(parts),
      overlayFile: id !== BASE_PROFILE && existsSync(overlay) ? path.relative(projectRoot, overlay) : undefined,
      profileFile: id === BASE_PROFILE && existsSync(profile) ? path.relative(projectRoot, profile) : undefined,
    });
  }
  return inputs;
}

/** The manifest of the last build; anything unreadable counts as none (everything is rebuilt). */
export async function readManifest(generatedDir: string): Promise<BuildManifest | undefined> {
  try {
    const manifest = JSON.parse(await readFile(path.join(generatedDir, 'manifest.json'), 'utf8')) as BuildManifest;
    return manifest?.format === MANIFEST_FORMAT && typeof manifest.profiles === 'object' && manifest.profiles !== null ? manifest : undefined;
  } catch {
    return undefined;
  }
}

/** True when every file a `$ref` read still has the content it had (a URL is never known to be unchanged). */
async function refsUnchanged(projectRoot: string, refs: Record<string, string>): Promise<boolean> {
  for (const [file, sha] of Object.entries(refs)) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(file)) return false;
    try {
      if (hashParts([await readFile(path.resolve(projectRoot, file))]) !== sha) return false;
    } catch {
      return false;
    }
  }
  return true;
}

export async function build(options: BuildOptions): Promise<BuildReport> {
  const { projectRoot } = options;
  const known = await discoverProfiles(projectRoot);
  const requested = options.profiles?.length ? options.profiles : known;
  for (const id of requested) if (!known.includes(id)) throw unknownProfileError(id, known);

  await fetchBaseSpec(projectRoot, { env: options.env });
  const pin = await readPin(projectRoot);
  // The normalized base depends on the code and the spec; the outputs also on what is generated.
  const baseKey = hashParts([await codeKey(projectRoot), pin.sha256]);
  const code = hashParts([baseKey, options.specsOnly ? 'specs-only' : 'all']);
  const inputs = await profileInputs(projectRoot, requested, code);
  const generatedDir = path.join(projectRoot, 'generated');
  // A build killed while committing is finished first, so that staleness is judged on a whole set.
  const { recoverGenerated } = await import('./commit.ts');
  await recoverGenerated(generatedDir);
  const manifest = await readManifest(generatedDir);
  const stale: ProfileInputs[] = [];
  for (const p of inputs) {
    const built = manifest?.profiles[p.id];
    const current = built?.key === p.key && existsSync(path.join(generatedDir, p.id)) && (await refsUnchanged(projectRoot, built.refs ?? {}));
    if (options.force || !current) stale.push(p);
  }
  const crossKey = hashParts(inputs.map((p) => `${p.id}=${p.key}`));
  // Cross-profile outputs (MATRIX.md, the site) are only written by a full build of all profiles.
  const buildsCross = !options.profiles?.length && !options.specsOnly;
  const crossStale = buildsCross && (options.force || stale.length > 0 || manifest?.cross.key !== crossKey || !manifest.cross.files.every((f) => existsSync(path.join(generatedDir, f))));

  const baseStale = manifest?.base !== baseKey || !existsSync(path.join(generatedDir, 'base/openapi.yaml'));
  if (stale.length === 0 && !crossStale && !baseStale) {
    return { profiles: inputs.map((p) => ({ id: p.id, state: 'up-to-date' })), diagnostics: [] };
  }
  const { runBuild } = await import('./run-build.ts');
  return runBuild({ options, inputs, stale, baseKey, crossKey, manifest, generatedDir, baseSpec: pin.sha256 });
}
