/**
 * What the probe observed next to what the docs say: "documented: ignored · observed 2026-11-30:
 * rejected" where the two differ, a quiet "observed 2026-11-30" mark where they agree.
 */
import type { Observation } from '../../profile/types.ts';
import type { CompatStatus } from '../types.ts';

/** The observations that bear out a documented status (a verdict outside the list contradicts it). */
const expected: Partial<Record<CompatStatus, Observation['status'][]>> = {
  supported: ['honoured'],
  extension: ['honoured'],
  deprecated: ['honoured'],
  partial: ['honoured', 'transformed', 'rejected'],
  ignored: ['ignored'],
  unsupported: ['rejected'],
};

/** Verdicts that neither confirm nor contradict a claim. */
const undecided: Observation['status'][] = ['inconclusive', 'unobservable'];

export function observationAgrees(status: CompatStatus, observed: Observation): boolean {
  return expected[status]?.includes(observed.status) ?? false;
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
