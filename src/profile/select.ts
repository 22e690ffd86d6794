/** Small readers of the profile model shared by the generators. */
import type { Claim, FieldLocation, OperationModel, ProfileModel } from './types.ts';

/** The claim without `models`/`mode`: the one that holds for every request. */
export function unscopedClaim(claims: readonly Claim[] | undefined): Claim | undefined {
  return claims?.find((claim) => !isScoped(claim));
}

export function isScoped(claim: Claim): boolean {
  return (claim.models?.length ?? 0) > 0 || claim.mode !== undefined;
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
