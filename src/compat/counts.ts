/** The counts of compat.json (see FieldCounts): per operation, and their sum per provider. */
import { claimStatuses } from '../profile/types.ts';
import type { FieldCounts, FieldRow } from './types.ts';

export function emptyCounts(): FieldCounts {
  return { byStatus: Object.fromEntries(claimStatuses.map((s) => [s, 0])) as FieldCounts['byStatus'], byDefault: 0, undocumented: 0, notInApi: 0, limits: 0 };
}

/** Adds one row: scoped rows are alternatives of a counted row, and count only their rules. */
export function countRow(counts: FieldCounts, row: FieldRow): void {
  counts.limits += row.rules?.length ?? 0;
  if (row.models || row.mode) return;
  if (row.notInApi) counts.notInApi++;
  else if (row.status === 'undocumented') counts.undocumented++;
  else {
    counts.byStatus[row.status]++;
    if (row.byDefault) counts.byDefault++;
  }
}

export function addCounts(total: FieldCounts, part: FieldCounts): void {
  for (const status of claimStatuses) total.byStatus[status] += part.byStatus[status];
  total.byDefault += part.byDefault;
  total.undocumented += part.undocumented;
  total.notInApi += part.notInApi;
  total.limits += part.limits;
}

/** Fields the docs cover: every counted status but `undocumented`. */
export function documentedCount(counts: FieldCounts): number {
  return claimStatuses.reduce((sum, status) => sum + counts.byStatus[status], 0);
}

/** `280 supported, 5 partial`: the non-zero statuses of the counts, in the vocabulary's order. */
export function statusSummary(counts: FieldCounts): string {
  return claimStatuses.filter((s) => counts.byStatus[s] > 0).map((s) => `${counts.byStatus[s]} ${s}`).join(', ') || 'none';
}

/**
 * `312 documented fields (280 supported, 5 partial, …); 270 of them by default; 3 value limits;
 * 120 undocumented`: the one wording of the counts (docs/x-compat.md, "Counts") that the provider
 * pages, the site and MATRIX.md all use.
 */
export function describeCounts(counts: FieldCounts): string {
  const total = documentedCount(counts);
  const extras = [
    counts.byDefault ? `${counts.byDefault} of them by default` : '',
    counts.limits ? `${counts.limits} value ${counts.limits === 1 ? 'limit' : 'limits'}` : '',
    counts.notInApi ? `${counts.notInApi} named by the docs but not in the API` : '',
    `${counts.undocumented} undocumented`,
  ].filter(Boolean);
  return `${total} documented ${total === 1 ? 'field' : 'fields'}${total ? ` (${statusSummary(counts)})` : ''}; ${extras.join('; ')}`;
}
