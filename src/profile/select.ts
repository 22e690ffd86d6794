/** Small readers of the profile model shared by the generators. */
import type { Claim, FieldLocation, OperationModel, ProfileModel, ValueSelector } from './types.ts';

/** The claim without `models`/`mode`: the one that holds for every request. */
export function unscopedClaim(claims: readonly Claim[] | undefined): Claim | undefined {
  return claims?.find((claim) => !isScoped(claim));
}

export function isScoped(claim: Claim): boolean {
  return (claim.models?.length ?? 0) > 0 || claim.mode !== undefined;
}

/**
 * Among claims scoped to models and modes, the one that holds for a request of `scope`: of those
 * whose models and mode both fit it, one naming both wins, else the first. Undefined when none
 * fits (the unscoped claim then holds). The mock and the probe both pick claims by this rule.
 */
export function scopedClaimFor<T extends { models?: readonly string[]; mode?: string }>(claims: readonly T[] | undefined, scope: { model?: string; mode?: string }): T | undefined {
  let best: T | undefined;
  let bestRank = 0;
  for (const claim of claims ?? []) {
    if (claim.models?.length && !(scope.model !== undefined && claim.models.includes(scope.model))) continue;
    if (claim.mode !== undefined && claim.mode !== scope.mode) continue;
    const rank = (claim.models?.length ? 1 : 0) + (claim.mode !== undefined ? 1 : 0);
    if (rank > bestRank) [best, bestRank] = [claim, rank];
  }
  return best;
}

/** `messages[role=system]`, `tools[type=function].function.strict`: keys that narrow an array item to one variant. */
export function isVariantKey(key: string): boolean {
  return /\[[^\]=]+=[^\]]*\]/.test(key);
}

/** The unscoped claims of one location keyed by plain field path (variant keys left out). */
export function plainClaims(operation: OperationModel | undefined, location: FieldLocation): Record<string, Claim> {
  const out: Record<string, Claim> = {};
  for (const [key, claims] of Object.entries(operation?.fields[location] ?? {})) {
    if (isVariantKey(key)) continue;
    const claim = unscopedClaim(claims);
    if (claim) out[key] = claim;
  }
  return out;
}

/** Every operation of the model, offered or not, by key. */
export function operationsByKey(model: ProfileModel): Map<string, OperationModel> {
  return new Map([...model.operations, ...model.unoffered].map((op) => [op.key, op]));
}

/** Whether a value rule's `when` selects `value`; JSON values compare by content (`in: [{type: text}]`). */
export function valueSelected(selector: ValueSelector, value: unknown): boolean {
  const when = selector as Record<string, unknown>;
  if ('in' in when) return Array.isArray(when.in) && when.in.some((v) => sameJson(v, value));
  if ('notIn' in when) return Array.isArray(when.notIn) && !when.notIn.some((v) => sameJson(v, value));
  if ('equals' in when) return sameJson(when.equals, value);
  if (typeof value !== 'number') return false;
  if (typeof when.above === 'number') return value > when.above;
  if (typeof when.atLeast === 'number') return value >= when.atLeast;
  if (typeof when.below === 'number') return value < when.below;
  if (typeof when.atMost === 'number') return value <= when.atMost;
  return false;
}

const sameJson = (a: unknown, b: unknown): boolean => Object.is(a, b) || (typeof a === 'object' && typeof b === 'object' && a !== null && b !== null && JSON.stringify(a) === JSON.stringify(b));
