/** MATRIX.md: the endpoints of every profile, then providers × fields for the common endpoints. */
import type { Matrix, MatrixCell } from './matrix.ts';
import { escapeCell, generatedHeader } from './render-markdown.ts';
import { claimStatuses } from '../profile/types.ts';
import type { FieldLocation } from './types.ts';
import { documentedCount } from './counts.ts';

const locationLabels: Record<FieldLocation, string> = {
  'request.body': 'request',
  'request.query': 'query',
  'request.header': 'request header',
  'response.body': 'response',
  'response.stream': 'stream event',
  'response.header': 'response header',
};

/** An empty cell: the endpoint is not offered; `–`: offered, but without this field. */
function cellText(cell: MatrixCell | undefined, offered = false): string {
  if (!cell) return offered ? '–' : '';
  return cell.note ? `${cell.status}: ${escapeCell(cell.note)}` : cell.status;
}

/** `capabilities`: the capability grid (opening the file) and its evidence sections (closing it). */
export function renderMatrixMarkdown(matrix: Matrix, capabilities?: { grid: string; evidence: string }): string {
  const names = matrix.profiles.map((p) => p.name);
  const head = (first: string[]) => [`| ${[...first, ...names].join(' | ')} |`, `|${[...first, ...names].map(() => '---').join('|')}|`];
  const out: string[] = [generatedHeader, '', '# OpenAI API compatibility matrix', ''];
  if (capabilities) out.push('## Capabilities', '', 'Each cell links to the claims that answer it.', '', capabilities.grid, '');
  out.push('Statuses: supported, partial, ignored, unsupported, deprecated, extension (the provider\'s own), undocumented (the provider\'s docs say nothing). An empty cell: the endpoint is not offered; –: the endpoint is offered without this field.', '');
  // Counts, not a percentage: how many fields of the offered endpoints have each status (docs/x-compat.md, "Counts").
  const shown = claimStatuses.filter((s) => matrix.profiles.some((p) => p.counts.byStatus[s]));
  out.push('## Fields by status', '', `| Profile | Endpoints | documented | ${shown.join(' | ')} | of them by default | undocumented |`, `|---|---|---|${shown.map(() => '---').join('|')}|---|---|`);
  out.push(...matrix.profiles.map((p) => `| ${p.name} | ${p.offered} | ${documentedCount(p.counts)} | ${shown.map((s) => p.counts.byStatus[s]).join(' | ')} | ${p.counts.byDefault} | ${p.counts.undocumented} |`), '');
  out.push('## Endpoints', '', ...head(['Endpoint']));
  for (const e of matrix.endpoints) out.push(`| \`${e.operation}\` | ${e.cells.map((c) => cellText(c)).join(' | ')} |`);
  out.push('');
  for (const operation of matrix.common) {
    const offered = matrix.endpoints.find((e) => e.operation === operation)?.cells.map((c) => c !== undefined) ?? [];
    out.push(`## ${operation}`, '', ...head(['Field', 'Where']));
    for (const row of matrix.rows.filter((r) => r.operation === operation)) {
      out.push(`| \`${row.field}\` | ${locationLabels[row.location]} | ${row.cells.map((c, i) => cellText(c, offered[i])).join(' | ')} |`);
    }
    const rest = matrix.undocumentedEverywhere[operation] ?? 0;
    if (rest) out.push('', `${rest} more OpenAI fields of this endpoint are undocumented by every provider.`);
    const nested = matrix.nestedByDefault[operation] ?? 0;
    if (nested) out.push('', `${nested} nested fields no provider claims (only a default or a parent's claim covers them) are left out; the provider pages count them.`);
    out.push('');
  }
  if (capabilities) out.push('## Capability evidence', '', capabilities.evidence, '');
  return `${out.join('\n').trimEnd()}\n`;
}
