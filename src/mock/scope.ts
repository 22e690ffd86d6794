/**
 * Claims scoped to models and modes: which mode a request is in (the profile's `modes[].select`),
 * and which claim about a field holds for it. Scoped claims are precomputed per operation
 * (`OperationModel.scoped`); operations without any skip all of this.
 */
import { isObject } from '../load/json.ts';
import { modeOf } from '../runtime/modes.ts';
import { scopedClaimFor } from '../profile/select.ts';
import type { FieldLocation } from '../profile/types.ts';
import type { ClaimModel, MockModel, OperationModel } from './model.ts';

/** What scoped claims are about: the request's `model` and its mode. */
export interface RequestScope {
  model?: string;
  mode?: string;
}

export { modeOf };

/** The request's scope, or undefined when the operation has no scoped claim (nothing to look up). */
export function requestScope(model: MockModel, op: OperationModel, body: unknown): RequestScope | undefined {
  if (!op.scoped) return undefined;
  const fields = isObject(body) ? body : {};
  const mode = modeOf(model.modes ?? [], fields);
  return { ...(typeof fields.model === 'string' ? { model: fields.model } : {}), ...(mode ? { mode } : {}) };
}

/**
 * The claim about `path` that holds for a request: among the scoped claims whose models and mode
 * both fit it, one naming both wins, else the first; without any, the unscoped claim.
 */
export function claimFor(op: OperationModel, location: FieldLocation, path: string, scope: RequestScope | undefined): ClaimModel | undefined {
  return (scope ? scopedClaimFor(op.scoped?.[location]?.[path], scope) : undefined) ?? op.claims[location]?.[path];
}
