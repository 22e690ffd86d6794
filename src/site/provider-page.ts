/** One provider's page: its facts, endpoints, and per endpoint the field tables of COMPATIBILITY.md. */
import { operationAnchor } from '../compat/render-markdown.ts';
import { fieldLocations, type CompatReport, type FieldRow } from '../compat/types.ts';
import { describeCounts } from '../compat/counts.ts';
import { escapeHtml, page, statusCell } from './html.ts';

/** Source titles by URL (undefined: the source has none). */
type Titles = ReadonlyMap<string, string | undefined>;

function sourceLink(titles: Titles, row: { source?: string; verified?: string }): string {
  if (!row.source) return '';
  const title = titles.get(row.source) ?? row.source;
  return `<a href="${escapeHtml(row.source)}">${escapeHtml(title)}</a>${row.verified ? `, ${row.verified}` : ''}`;
}

function note(row: { note?: string; replacement?: string; inherited?: string }): string {
  if (!row.note && !row.replacement && !row.inherited) return '';
  return [row.note, row.replacement ? `use ${row.replacement} instead` : '', row.inherited ? `as ${row.inherited}` : ''].filter(Boolean).map((t) => escapeHtml(t as string)).join('; ');
}

function fieldTable(titles: Titles, rows: FieldRow[]): string {
  const body = rows.map((r) => `<tr><td><code>${escapeHtml(r.field)}</code></td>${statusCell(r.status)}<td>${note(r)}</td><td>${sourceLink(titles, r)}</td></tr>`).join('\n');
  return `<table class="fields"><thead><tr><th>Field</th><th>Status</th><th>Note</th><th>Source</th></tr></thead><tbody>\n${body}\n</tbody></table>`;
}

export function renderProviderPage(report: CompatReport): string {
  const p = report.provider;
  // The first document of a URL names it.
  const titles = new Map<string, string | undefined>();
  for (const d of p.documents ?? []) if (!titles.has(d.url)) titles.set(d.url, d.title);
  const facts = [
    `<li>Fields of the offered endpoints: ${escapeHtml(describeCounts(report.counts))}</li>`,
    p.baseUrl ? `<li>Base URL: <code>${escapeHtml(p.baseUrl)}</code></li>` : '',
    p.models?.length ? `<li>Models: ${p.models.map((m) => `<code>${escapeHtml(m)}</code>`).join(', ')}</li>` : '',
    ...(p.documents ?? []).map((d) => `<li>Source: <a href="${escapeHtml(d.url)}">${escapeHtml(d.title ?? d.url)}</a>, verified ${d.verified}</li>`),
    `<li><a href="reference.html">API reference</a> (the resolved spec, rendered by Redocly)</li>`,
  ].filter(Boolean);
  const out = [`<h1>${escapeHtml(p.name)}</h1>`, `<ul>${facts.join('')}</ul>`];
  if (p.notes?.length) out.push('<h2>Notes</h2>', `<ul>${p.notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ul>`);
  const offered = report.operations.filter((o) => o.offered);
  out.push(
    '<h2>Endpoints</h2>',
    `<table id="operations"><thead><tr><th>Endpoint</th><th>Status</th><th>Note</th><th>Source</th></tr></thead><tbody>${offered
      .map((o) => `<tr><td><a href="#${operationAnchor(o.operation)}"><code>${escapeHtml(o.operation)}</code></a></td>${statusCell(o.status)}<td>${note(o)}</td><td>${sourceLink(titles, o)}</td></tr>`)
      .join('')}</tbody></table>`,
  );
  const byOperation = new Map<string, FieldRow[]>();
  for (const row of report.fields) {
    if (!byOperation.has(row.operation)) byOperation.set(row.operation, []);
    byOperation.get(row.operation)!.push(row);
  }
  for (const op of offered) {
    const rows = byOperation.get(op.operation) ?? [];
    out.push(`<h2 id="${operationAnchor(op.operation)}"><code>${escapeHtml(op.operation)}</code></h2>`);
    for (const location of fieldLocations) {
      const here = rows.filter((r) => r.location === location && r.status !== 'undocumented');
      if (here.length) out.push(`<h3>${location}</h3>`, fieldTable(titles, here));
    }
    const undocumented = rows.filter((r) => r.status === 'undocumented');
    if (undocumented.length) {
      out.push(`<details><summary>${undocumented.length} undocumented fields</summary><p>${undocumented.map((r) => `<code>${escapeHtml(r.location)} ${escapeHtml(r.field)}</code>`).join(', ')}</p></details>`);
    }
  }
  return page(`${p.name}: OpenAI API compatibility`, out.join('\n'), 1);
}
