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

export interface BuildManifest {
  /** Key of the normalized base written to generated/base/openapi.yaml. */
  base?: string;
  /** Per profile: the key of the inputs its folder was generated from. */
  profiles: Record<string, string>;
  /** Key of the cross-profile outputs (MATRIX.md and the like). */
  cross: string;
  /** Files written at the top of generated/ by cross-profile steps. */
  crossFiles: string[];
}
