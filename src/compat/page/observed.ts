/**
 * What the probe observed next to what the docs say: "documented: ignored · observed 2026-11-30:
 * rejected" where the two differ, a quiet "observed 2026-11-30" mark where they agree.
 */
import { agrees } from '../../probe/verdict.ts';
import type { Observation } from '../../profile/types.ts';
import type { CompatStatus } from '../types.ts';

/** Verdicts that neither confirm nor contradict a claim. */
const undecided: Observation['status'][] = ['inconclusive', 'unobservable'];

/** Whether the observation bears out the documented status: the probe's own agreement rule, decided verdicts only. */
export function observationAgrees(status: CompatStatus, observed: Observation): boolean {
  return !undecided.includes(observed.status) && agrees(status, observed.status);
}

/** The status cell of a row. */
export function statusWithObservation(status: CompatStatus, observed: Observation | undefined): string {
  if (!observed) return status;
  if (observationAgrees(status, observed)) return `${status} · observed ${observed.date}`;
  if (undecided.includes(observed.status)) return `${status} · observed ${observed.date}: ${observed.status}`;
  return `documented: ${status} · observed ${observed.date}: ${observed.status}`;
}

/** What the probe said of a row it contradicts (model, note, evidence), for the note cell. */
export function observationNote(status: CompatStatus, observed: Observation | undefined): string | undefined {
  if (!observed || observationAgrees(status, observed) || undecided.includes(observed.status)) return undefined;
  const parts = [observed.model ? `with \`${observed.model}\`` : '', observed.note ?? '', observed.evidence ? `evidence: \`${observed.evidence}\`` : ''].filter(Boolean);
  return parts.length ? `observed ${parts.join(', ')}` : undefined;
}
