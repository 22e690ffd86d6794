/** The site's index: scores, endpoints, and the cross-provider matrix, filterable by endpoint and status. */
import type { Matrix } from '../compat/matrix.ts';
import { statuses } from '../compat/types.ts';
import { describeCounts } from '../compat/counts.ts';
import { escapeHtml, page, statusCell } from './html.ts';

// Filtering runs in the page: a row stays when it belongs to the chosen endpoint and some
// provider cell (the base profile aside) has the chosen status.
const filterScript = `
const endpoint = document.getElementById('endpoint');
const status = document.getElementById('status');
const count = document.getElementById('count');
function apply() {
  let shown = 0;
  for (const row of document.querySelectorAll('#matrix tbody tr')) {
    const cells = [...row.querySelectorAll('td[data-provider]')].filter((c) => c.dataset.base !== 'true');
    const ok = (!endpoint.value || row.dataset.operation === endpoint.value) &&
      (!status.value || cells.some((c) => c.dataset.status === status.value));
    row.hidden = !ok;
    if (ok) shown++;
  }
  count.textContent = shown + ' rows';
}
endpoint.addEventListener('change', apply);
status.addEventListener('change', apply);
apply();
`;

export function renderIndexPage(matrix: Matrix, baseProfile = 'openai'): string {
  const profileHead = matrix.profiles.map((p) => `<th><a href="${p.id}/index.html">${escapeHtml(p.name)}</a></th>`).join('');
  const scores = `<table id="scores"><thead><tr><th>Profile</th><th>Fields of the offered endpoints</th><th>API reference</th></tr></thead><tbody>${matrix.profiles
    .map((p) => `<tr><td><a href="${p.id}/index.html">${escapeHtml(p.name)}</a></td><td>${escapeHtml(describeCounts(p.counts))}</td><td><a href="${p.id}/reference.html">reference</a></td></tr>`)
    .join('')}</tbody></table>`;
  // Endpoints only the base profile offers would bury the others: they are counted, not listed.
  const isBase = (i: number) => matrix.profiles[i].id === baseProfile;
  const offeredByProviders = matrix.endpoints.filter((e) => e.cells.some((c, i) => c && !isBase(i)));
  const baseOnly = matrix.endpoints.length - offeredByProviders.length;
  const endpoints = `<table id="endpoints"><thead><tr><th>Endpoint</th>${profileHead}</tr></thead><tbody>${offeredByProviders
    .map((e) => `<tr><td><code>${escapeHtml(e.operation)}</code></td>${e.cells.map((c) => statusCell(c?.status, c?.note)).join('')}</tr>`)
    .join('')}</tbody></table>`;
  const options = (values: readonly string[]) => values.map((v) => `<option value="${escapeHtml(v)}">${escapeHtml(v)}</option>`).join('');
  const filters = `<div class="filters">
<label>Endpoint <select id="endpoint"><option value="">all</option>${options(matrix.common)}</select></label>
<label>Status <select id="status"><option value="">any</option>${options(statuses)}</select></label>
<span id="count" class="count"></span></div>`;
  // Per common endpoint, which profiles offer it: their missing fields show `–`, not an empty cell.
  const offeredBy = new Map(matrix.endpoints.map((e) => [e.operation, e.cells.map((c) => c !== undefined)]));
  const rows = matrix.rows
    .map((r) => {
      const offered = offeredBy.get(r.operation) ?? [];
      const cells = r.cells
        .map((c, i) => {
          const attrs = ` data-provider="${matrix.profiles[i].id}"${matrix.profiles[i].id === baseProfile ? ' data-base="true"' : ''}`;
          return !c && offered[i] ? `<td class="absent"${attrs}>–</td>` : statusCell(c?.status, c?.note, attrs);
        })
        .join('');
      return `<tr data-operation="${escapeHtml(r.operation)}" data-location="${r.location}" data-field="${escapeHtml(r.field)}"><td><code>${escapeHtml(r.operation)}</code></td><td>${r.location}</td><td><code>${escapeHtml(r.field)}</code></td>${cells}</tr>`;
    })
    .join('\n');
  const matrixTable = `<table id="matrix"><thead><tr><th>Endpoint</th><th>Where</th><th>Field</th>${profileHead}</tr></thead><tbody>
${rows}
</tbody></table>`;
  const body = `<h1>OpenAI API compatibility</h1>
<p>Generated from each provider's overlay by oai-compat. Statuses: ${statuses.join(', ')}. An empty cell: the endpoint is not offered; –: offered, without this field.</p>
<h2>Scores</h2>${scores}
<h2>Endpoints</h2>${endpoints}
<p>${baseOnly} more OpenAI endpoints are offered by no provider.</p>
<h2>Fields of the common endpoints</h2>
<p>Fields that at least one provider documents; the rest are undocumented everywhere.</p>
${filters}
${matrixTable}
<script>${filterScript}</script>`;
  return page('OpenAI API compatibility matrix', body);
}
