/**
 * Plan stage: which fields of which operations a run probes, what the profile documents for each
 * (for the model sent), and the design that will observe it. No I/O: the plan is printed by
 * `--dry-run` and executed by run.ts.
 */
import { essential } from '../mock/behave/claims.ts';
import { isVariantKey, scopedClaimFor, unscopedClaim } from '../profile/select.ts';
import type { Claim, ClaimStatus, OperationModel, ProfileModel } from '../profile/types.ts';
import { acceptanceDesign, designFor, designs } from './designs/index.ts';
import type { Design, DesignContext } from './designs/types.ts';

export interface PlannedField {
  operation: string;
  field: string;
  documented: ClaimStatus | 'undocumented';
  /** The claim that documents it (scoped to the model when one is), absent for defaults and undocumented fields. */
  claim?: Claim;
  /** `effect`: a design shows the effect; `acceptance`: one request shows whether it is accepted; `none`: nothing sent. */
  kind: 'effect' | 'acceptance' | 'none';
  design?: Design;
  /** Requests the design sends at most (before sharing identical requests and retrying 429s). */
  cost: number;
}

export interface ProbePlan {
  provider: string;
  model: string;
  /** The profile's mode the requests are in (its default mode), when it has modes. */
  mode?: string;
  fields: PlannedField[];
  /** Upper bound of the requests the plan sends. */
  requests: number;
}

export interface PlanOptions {
  /** The model to send; default: the profile's first model. */
  model?: string;
  /** Only these field keys (as in the profile: `max_tokens`, `stream_options.include_usage`). */
  fields?: string[];
}

/** A placeholder for a profile that names no model (the base profile): servers that need one say so in a 4xx. */
export const FALLBACK_MODEL = 'gpt-4o-mini';

/** What scoped claims are about: the model sent and the mode the requests are in. */
export interface ProbeScope {
  model: string;
  mode?: string;
}

/**
 * The claim that holds for the scope, as the mock picks it: among the scoped claims whose models
 * and mode both fit, one naming both wins, else the first; without any, the unscoped claim.
 */
function claimFor(claims: Claim[] | undefined, scope: ProbeScope): Claim | undefined {
  return scopedClaimFor(claims, scope) ?? unscopedClaim(claims);
}

/**
 * What the profile documents for `field` in this scope: its claim; for a variant key
 * (`response_format[type=json_schema]`) without one, its field's claim; else the default.
 */
export function documentedStatus(op: OperationModel, field: string, scope: ProbeScope): { status: ClaimStatus | 'undocumented'; claim?: Claim } {
  const fields = op.fields['request.body'];
  const claim = claimFor(fields?.[field], scope) ?? (isVariantKey(field) ? claimFor(fields?.[field.split('[')[0]], scope) : undefined);
  if (claim) return { status: claim.status, claim };
  // As the mock reads defaults: "all other fields are ignored" does not reach the fields an operation cannot do without.
  const fallback = op.defaults['request.body']?.status;
  return { status: fallback && !(fallback === 'ignored' && essential.has(field)) ? fallback : 'undocumented' };
}

/** The mode of the probe's requests: they select none, so the profile's default mode, if any. */
export const defaultMode = (profile: ProfileModel): string | undefined => profile.modes?.find((m) => m.default)?.id;

/** Top-level field keys a claim names (variant selectors and nested paths are left out unless a design reads them). */
function claimedKeys(op: OperationModel): string[] {
  return Object.keys(op.fields['request.body'] ?? {}).filter((k) => !/[.[]/.test(k) || designFor(op.key, k));
}

export function planProbe(profile: ProfileModel, options: PlanOptions = {}): ProbePlan {
  const model = options.model ?? profile.models[0] ?? FALLBACK_MODEL;
  const scope: ProbeScope = { model, ...(defaultMode(profile) ? { mode: defaultMode(profile) } : {}) };
  const wanted = options.fields ? new Set(options.fields) : undefined;
  const fields: PlannedField[] = [];
  for (const op of profile.operations) {
    const designed = designs[op.key];
    if (!designed) continue;
    const ctx: DesignContext = { model, documented: (field) => documentedStatus(op, field, scope).status };
    const claimed = claimedKeys(op);
    // The include_usage alias is probed only when a claim names it.
    const keys = [...new Set([...Object.keys(designed).filter((k) => k !== 'stream_options.include_usage' || claimed.includes(k)), ...claimed])];
    for (const field of keys.filter((k) => !wanted || wanted.has(k))) {
      const { status, claim } = documentedStatus(op, field, scope);
      const effect = designFor(op.key, field);
      const acceptance = effect ? undefined : acceptanceDesign(op.key, field);
      const design = (effect ?? acceptance)?.(ctx);
      fields.push({
        operation: op.key,
        field,
        documented: status,
        ...(claim ? { claim } : {}),
        kind: effect ? 'effect' : acceptance ? 'acceptance' : 'none',
        ...(design ? { design } : {}),
        cost: design?.steps.length ?? 0,
      });
    }
  }
  // Effects first: when the budget runs out, what is left undone is the cheaper acceptance checks.
  const rank = { effect: 0, acceptance: 1, none: 2 } as const;
  fields.sort((a, b) => rank[a.kind] - rank[b.kind]);
  return { provider: profile.id, model, ...(scope.mode ? { mode: scope.mode } : {}), fields, requests: fields.reduce((sum, f) => sum + f.cost, 0) };
}

/** The dry-run text: one line per field with what it sends. */
export function renderPlan(plan: ProbePlan, maxRequests: number): string {
  const lines = plan.fields.map((f) => `  ${f.operation.padEnd(24)} ${f.field.padEnd(30)} ${f.documented.padEnd(12)} ${f.kind === 'none' ? 'unobservable, nothing sent' : `${f.kind}: ${f.design?.steps.map((s) => s.role).join(', ')}`}`);
  const bound = plan.requests > maxRequests ? ` (more than --max-requests ${maxRequests}: the run stops when it is spent)` : '';
  return `probe plan for ${plan.provider}, model ${plan.model}${plan.mode ? ` (${plan.mode} mode)` : ''}: ${plan.fields.length} fields, at most ${plan.requests} requests${bound}\n${lines.join('\n')}\n`;
}
