/** Reading claims from the profile model (parsed and validated by the resolve stage). */
import { unscopedClaim } from '../profile/select.ts';
import type { Claim, OperationModel, ProfileModel } from '../profile/types.ts';
import type { FieldLocation } from './types.ts';

/** The unscoped claims of one location, by field key (header names are lower case in the model). */
export function fieldClaims(operation: OperationModel | undefined, location: FieldLocation): Map<string, Claim> {
  const claims = new Map<string, Claim>();
  for (const [path, list] of Object.entries(operation?.fields[location] ?? {})) {
    const claim = unscopedClaim(list);
    if (claim) claims.set(path, claim);
  }
  return claims;
}

/**
 * Statuses a field passes on to the fields under it: what cannot be sent (or has no effect, or is
 * the provider's own) cannot be sent in part either. `supported` and `partial` do not pass down:
 * "choices: Full" says nothing about `choices[].logprobs`.
 */
const inheritable = new Set(['unsupported', 'ignored', 'deprecated', 'extension']);

/** `tools[].function.name` → `tools[].function`, `tools[]`, `tools`. */
export function ancestorPaths(path: string): string[] {
  const ancestors: string[] = [];
  let current = path;
  for (;;) {
    if (current.endsWith('[]')) current = current.slice(0, -2);
    else {
      const dot = current.lastIndexOf('.');
      if (dot < 0) break;
      current = current.slice(0, dot);
    }
    if (!current) break;
    ancestors.push(current);
  }
  return ancestors;
}

/** The nearest claimed ancestor whose status the field inherits. */
export function inheritedClaim(claims: Map<string, Claim>, path: string): { path: string; claim: Claim } | undefined {
  for (const ancestor of ancestorPaths(path)) {
    const claim = claims.get(ancestor);
    if (claim) return inheritable.has(claim.status) ? { path: ancestor, claim } : undefined;
  }
  return undefined;
}

/** Where a claim comes from, as the report shows it: its source's URL and the date it was checked. */
export function claimOrigin(claim: { source?: string; verified?: string }, profile: ProfileModel): { source?: string; verified?: string } {
  const source = profile.sources.find((s) => s.id === claim.source);
  return { ...(source ? { source: source.url } : {}), ...(claim.verified ? { verified: claim.verified } : {}) };
}
