/**
 * Cache keys: a build output is up to date when the inputs it derives from hash the same. The
 * code that produces it counts as an input, so editing src/ invalidates everything.
 */
import { createHash } from 'node:crypto';

export function hashParts(parts: readonly (string | Uint8Array)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) {
    const bytes = typeof part === 'string' ? Buffer.from(part) : part;
    hash.update(String(bytes.length)).update(':').update(bytes);
  }
  return hash.digest('hex');
}

export const MANIFEST_FORMAT = 'oai-compat-manifest/1';

/** What built one profile folder. */
export interface ProfileManifest {
  /** Key of every input: code, tool versions, base spec, the provider folder. */
  key: string;
  /** `all`: every generated file; `specs`: only openapi.yaml and provenance.json are from this key (--specs-only). */
  outputs: 'all' | 'specs';
  /** Files read through `$ref` (project-relative, else absolute; URLs too), with the sha256 of what was read. */
  refs: Record<string, string>;
}

/** generated/manifest.json: tells consumers (and the next build) which inputs built what. */
export interface BuildManifest {
  format: typeof MANIFEST_FORMAT;
  /** sha256 of the pinned base spec. */
  baseSpec: string;
  /** Key (code and base spec) of the normalized base in generated/base/openapi.yaml. */
  base?: string;
  profiles: Record<string, ProfileManifest>;
  /** Key of the cross-profile outputs (MATRIX.md and the like), and the files they are. */
  cross: { key: string; files: string[] };
}
