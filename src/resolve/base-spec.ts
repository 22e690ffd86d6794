/**
 * The pinned upstream spec: where to take it from, and the sha256 check that refuses anything else.
 * Order: $OPENAI_SPEC (a path), then ../shared/openai-openapi/openapi.yaml, then the pinned URL.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../build/files.ts';
import { diagnosticError } from '../diagnostics/diagnostic.ts';
import { packageRoot } from '../load/package-root.ts';

export interface BaseSpecPin {
  repository: string;
  commit: string;
  path: string;
  url: string;
  sha256: string;
  bytes: number;
  title: string;
  version: string;
}

export interface BaseSpecSource {
  kind: 'env' | 'shared' | 'url';
  location: string;
}

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** The project's spec/base/pin.json, or, in a project without one, the pin oai-compat ships. */
export function pinFile(projectRoot: string): string {
  const own = path.join(projectRoot, 'spec/base/pin.json');
  return existsSync(own) ? own : path.join(packageRoot, 'spec/base/pin.json');
}

export async function readPin(projectRoot: string): Promise<BaseSpecPin> {
  const file = pinFile(projectRoot);
  let pin: Partial<BaseSpecPin> | undefined;
  try {
    pin = JSON.parse(await readFile(file, 'utf8')) as Partial<BaseSpecPin>;
  } catch (err) {
    throw diagnosticError({ code: 'pin-unreadable', message: `cannot read spec/base/pin.json: ${(err as Error).message}`, hint: 'restore it from git (git checkout spec/base/pin.json)', location: { file: 'spec/base/pin.json' } }, 3);
  }
  if (!pin || typeof pin !== 'object' || typeof pin.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(pin.sha256)) {
    throw diagnosticError({ code: 'pin-unreadable', message: 'spec/base/pin.json lacks a sha256 of 64 hex digits', hint: 'restore it from git (git checkout spec/base/pin.json)', location: { file: 'spec/base/pin.json' } }, 3);
  }
  return pin as BaseSpecPin;
}

/** The places to look for the spec, in order of preference. */
export function candidateSources(projectRoot: string, pin: BaseSpecPin, env: NodeJS.ProcessEnv): BaseSpecSource[] {
  const sources: BaseSpecSource[] = [];
  if (env.OPENAI_SPEC) sources.push({ kind: 'env', location: path.resolve(env.OPENAI_SPEC) });
  sources.push({ kind: 'shared', location: path.resolve(projectRoot, '../shared/openai-openapi/openapi.yaml') });
  sources.push({ kind: 'url', location: pin.url });
  return sources;
}

/** Refuses content whose sha256 is not the pinned one, naming where it came from. */
export function verifyBaseSpec(data: Uint8Array, pin: BaseSpecPin, origin: string): void {
  const actual = sha256(data);
  if (actual !== pin.sha256) {
    throw diagnosticError(
      {
        code: 'base-spec-sha256-mismatch',
        message: `the base spec has sha256 ${actual}, but spec/base/pin.json pins ${pin.sha256} (commit ${pin.commit})`,
        hint: 'point OPENAI_SPEC at the pinned file, or, to move to a new upstream version, update spec/base/pin.json (url, commit, sha256) and run `oai-compat diff` to see what the overlays must change',
        location: { file: origin },
      },
      3,
    );
  }
}

async function readSource(source: BaseSpecSource, fetchImpl: typeof fetch): Promise<Uint8Array | undefined> {
  if (source.kind !== 'url') return existsSync(source.location) ? new Uint8Array(await readFile(source.location)) : undefined;
  const response = await fetchImpl(source.location);
  if (!response.ok) {
    throw diagnosticError(
      {
        code: 'base-spec-download',
        message: `downloading the base spec failed with HTTP ${response.status}`,
        hint: 'set OPENAI_SPEC to a local copy of the pinned file',
        location: { file: source.location },
      },
      3,
    );
  }
  return new Uint8Array(await response.arrayBuffer());
}

/**
 * Makes sure `spec/base/openai.yaml` holds the pinned spec, taking it from the first source that
 * exists. An explicit OPENAI_SPEC with the wrong content is an error, never skipped over.
 */
export async function fetchBaseSpec(
  projectRoot: string,
  options: { env?: NodeJS.ProcessEnv; fetch?: typeof fetch } = {},
): Promise<{ file: string; source: BaseSpecSource; reused: boolean }> {
  const pin = await readPin(projectRoot);
  const target = path.join(projectRoot, 'spec/base/openai.yaml');
  const env = options.env ?? process.env;
  if (!env.OPENAI_SPEC && existsSync(target)) {
    const current = new Uint8Array(await readFile(target));
    if (sha256(current) === pin.sha256) return { file: target, source: { kind: 'shared', location: target }, reused: true };
  }
  for (const source of candidateSources(projectRoot, pin, env)) {
    const data = await readSource(source, options.fetch ?? fetch);
    if (!data) {
      if (source.kind === 'env') {
        throw diagnosticError(
          { code: 'base-spec-missing', message: 'OPENAI_SPEC names a file that does not exist', hint: 'fix or unset OPENAI_SPEC', location: { file: source.location } },
          3,
        );
      }
      continue;
    }
    verifyBaseSpec(data, pin, source.location);
    await writeFileAtomic(target, data);
    return { file: target, source, reused: false };
  }
  throw diagnosticError(
    { code: 'base-spec-missing', message: 'no source of the base spec could be read', hint: 'set OPENAI_SPEC to a local copy of the pinned file', location: { file: target } },
    3,
  );
}
