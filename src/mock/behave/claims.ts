/**
 * What the behaviours ask of a profile's claims: the status a request field has (the claim that
 * holds for the request's model and mode, else the operation's default) and its value rules.
 */
import { badRequest, type MockError } from '../errors.ts';
import { valueSelected } from '../../profile/select.ts';
import type { OperationModel } from '../model.ts';
import { claimFor, type RequestScope } from '../scope.ts';

type Location = 'request.body' | 'response.body' | 'response.stream';

/** The claim about `path` for a request in `scope` (its model's or mode's claim, else the unscoped one). */
export function claimOf(op: OperationModel, location: Location, path: string, scope?: RequestScope) {
  return claimFor(op, location, path, scope);
}

function defaultStatus(op: OperationModel, location: Location): string | undefined {
  return op.defaults?.[location]?.status;
}

/** The status of a request field: its claim, else the operation's default, else supported. */
export function fieldStatus(op: OperationModel, path: string, scope?: RequestScope): string {
  return claimOf(op, 'request.body', path, scope)?.status ?? defaultStatus(op, 'request.body') ?? 'supported';
}

/** Whether a field sent in a request changes the answer (not ignored, not unsupported). */
export function honoured(op: OperationModel, path: string, scope?: RequestScope): boolean {
  const status = fieldStatus(op, path, scope);
  return status !== 'ignored' && status !== 'unsupported';
}

/** Fields an operation cannot do without: a default `ignored` status does not reach them. */
export const essential: ReadonlySet<string> = new Set(['messages', 'input', 'prompt', 'file', 'instructions', 'tools', 'tool_choice']);

/**
 * The request as the provider sees it: top-level fields marked `ignored` (by claim or default)
 * dropped, value rules applied (`clamp`/`rewrite` replace the value, `ignore` drops it, `reject`
 * is a 400 naming the field). Returns the same object when nothing changes.
 */
export function effectiveRequest(op: OperationModel, body: Record<string, unknown>, scope?: RequestScope): Record<string, unknown> | MockError {
  let out = body;
  const edit = () => (out === body ? (out = { ...body }) : out);
  for (const [field, value] of Object.entries(body)) {
    if (field === 'model' || field === 'stream') continue;
    const claim = claimOf(op, 'request.body', field, scope);
    const status = claim?.status ?? defaultStatus(op, 'request.body');
    if (status === 'ignored' && (claim || !essential.has(field))) {
      delete edit()[field];
      continue;
    }
    for (const rule of claim?.rules ?? []) {
      if (!rule?.when || !valueSelected(rule.when, value)) continue;
      if (rule.effect === 'reject') {
        return badRequest(`Invalid value for '${field}': ${JSON.stringify(value)} is not accepted.${rule.note ? ` ${rule.note}` : claim?.note ? ` ${claim.note}` : ''}`, field, 'invalid_value');
      }
      if (rule.effect === 'ignore') delete edit()[field];
      else edit()[field] = rule.to;
      break;
    }
  }
  return out;
}
