/**
 * What the probe observed next to what the docs say: "documented: ignored · observed 2026-11-30:
 * rejected" where the two differ, a quiet "observed 2026-11-30" mark where they agree. Whether
 * they agree is the probe's own rule (`agrees`, src/probe/verdict.ts).
 */
import { agrees } from '../../probe/verdict.ts';
import type { Observation, ValueRule } from '../../profile/types.ts';
import type { CompatStatus } from '../types.ts';

/** Verdicts that neither confirm nor contradict a claim: shown, never as a difference. */
const undecided: Observation['status'][] = ['inconclusive', 'unobservable'];

/** `rules`: the claim's value rules (a partial claim's rules decide which verdicts bear it out). */
export function observationAgrees(status: CompatStatus, observed: Observation, rules?: readonly ValueRule[]): boolean {
  if (undecided.includes(observed.status)) return false;
  return agrees(status, observed.status, { status: status === 'undocumented' ? 'supported' : status, ...(rules ? { rules: [...rules] } : {}) });
}

/** The status cell of a row. */
export function statusWithObservation(status: CompatStatus, observed: Observation | undefined, rules?: readonly ValueRule[]): string {
  if (!observed) return status;
  if (undecided.includes(observed.status)) return `${status} · observed ${observed.date}: ${observed.status}`;
  if (observationAgrees(status, observed, rules)) return `${status} · observed ${observed.date}`;
  return `documented: ${status} · observed ${observed.date}: ${observed.status}`;
}

/** What the probe said of a row it contradicts (model, note, evidence), for the note cell. */
export function observationNote(status: CompatStatus, observed: Observation | undefined, rules?: readonly ValueRule[]): string | undefined {
  if (!observed || undecided.includes(observed.status) || observationAgrees(status, observed, rules)) return undefined;
  const parts = [observed.model ? `with \`${observed.model}\`` : '', observed.note ?? '', observed.evidence ? `evidence: \`${observed.evidence}\`` : ''].filter(Boolean);
  return parts.length ? `observed ${parts.join(', ')}` : undefined;
}
