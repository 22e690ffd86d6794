/**
 * Propose stage: a probe report as an Overlay 1.1 document whose actions record each decided
 * verdict as the claim's `observed` (status, date, model, note, evidence) next to what the claim
 * documents. Each action targets the one claim the verdict was compared with, and updates only its
 * `observed`, so status, note and source stay as written. Appended to the provider's overlay (or
 * applied after it), the build carries `observed` into the profile model and the docs.
 */
import { toYaml } from '../load/document.ts';
import { parsePointer } from '../load/pointer.ts';
import type { Claim, Observation, ProfileModel } from '../profile/types.ts';
import { defaultMode, documentedStatus } from './plan.ts';
import type { FieldResult, ProbeReport } from './types.ts';

export interface ProposeOptions {
  /** Where the report is (recorded as each observation's `evidence`). */
  evidence: string;
  /**
   * The operation's raw `x-compat` field claims as the resolved spec holds them, to tell a claim
   * written as one object from a list of scoped claims; without it, a field with one claim is taken
   * to be written as an object.
   */
  rawClaims?: (operationPointer: string, field: string) => unknown;
}

const quoted = (s: string) => `['${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}']`;

/** JSONPath of a JSON pointer, in bracket notation (the upstream path keys hold `/` and `{}`). */
export function pointerToPath(pointer: string): string {
  return `$${parsePointer(pointer).map((t) => quoted(String(t))).join('')}`;
}

const decided = (r: FieldResult) => r.verdict !== 'inconclusive' && r.verdict !== 'unobservable';

function observation(report: ProbeReport, result: FieldResult, evidence: string): Observation {
  return {
    status: result.verdict,
    date: report.date,
    ...(report.model ? { model: report.model } : {}),
    note: `${result.reason}${result.stream ? ' (streamed)' : ''}; ${report.endpoint}`,
    evidence,
  };
}

export function proposeActions(report: ProbeReport, profile: ProfileModel, options: ProposeOptions): Record<string, unknown>[] {
  const actions: Record<string, unknown>[] = [];
  const scope = { model: report.model ?? profile.models[0] ?? '', ...(defaultMode(profile) ? { mode: defaultMode(profile) } : {}) };
  for (const result of report.results.filter(decided)) {
    const op = profile.operations.find((o) => o.key === result.operation);
    const claims: Claim[] | undefined = op?.fields['request.body']?.[result.field];
    const { claim } = op ? documentedStatus(op, result.field, scope) : { claim: undefined };
    if (!op || !claims || !claim) continue; // a default or an undocumented field: no claim to annotate
    const base = `${pointerToPath(op.pointer)}['x-compat']['fields']['request.body']${quoted(result.field)}`;
    const raw = options.rawClaims?.(op.pointer, result.field);
    const asList = raw === undefined ? claims.length > 1 : Array.isArray(raw);
    actions.push({
      target: asList ? `${base}[${claims.indexOf(claim)}]` : base,
      description: `probe ${report.date}: ${result.field} documented ${result.documented}, observed ${result.verdict}${result.agrees ? '' : ' (drift)'}`,
      update: { observed: observation(report, result, options.evidence) },
    });
  }
  return actions;
}

export function proposeOverlay(report: ProbeReport, profile: ProfileModel, options: ProposeOptions): string {
  const overlay = {
    overlay: '1.1.0',
    info: { title: `Probe observations for ${profile.name} (${report.date})`, version: report.date },
    actions: proposeActions(report, profile, options),
  };
  return toYaml(overlay);
}
