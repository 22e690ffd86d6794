/** Reading the `x-compat` claims of a resolved spec (already validated by the resolve stage). */
import type { Claim, ClaimSource, DocumentClaims, FieldLocation, OperationClaim } from './types.ts';
import { isObject } from '../load/json.ts';

type Json = Record<string, unknown>;

export function documentClaims(spec: Json): DocumentClaims | undefined {
  const root = spec['x-compat'];
  return isObject(root) ? (root as unknown as DocumentClaims) : undefined;
}

export function operationClaim(operation: Json | undefined): OperationClaim | undefined {
  const claim = operation?.['x-compat'];
  return isObject(claim) ? (claim as unknown as OperationClaim) : undefined;
}

const headerLocations: readonly FieldLocation[] = ['request.header', 'response.header'];

/** The field claims of one location, header names folded to lower case. */
export function fieldClaims(claim: OperationClaim | undefined, location: FieldLocation): Map<string, Claim> {
  const claims = new Map<string, Claim>();
  const listed = claim?.fields?.[location];
  if (!isObject(listed)) return claims;
  const fold = headerLocations.includes(location);
  for (const [path, value] of Object.entries(listed)) claims.set(fold ? path.toLowerCase() : path, value);
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

/** Where a claim comes from: its own source, else the operation's, else the document default. */
export function claimOrigin(
  claim: Claim,
  operation: OperationClaim | undefined,
  document: DocumentClaims | undefined,
): { source?: string; verified?: string } {
  const id = claim.source ?? operation?.source ?? document?.source;
  const source: ClaimSource | undefined = document?.sources?.find((s) => s.id === id);
  const verified = claim.verified ?? operation?.verified ?? source?.verified;
  return { ...(source ? { source: source.url } : {}), ...(verified ? { verified } : {}) };
}
