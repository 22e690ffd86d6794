/**
 * The site's index: the capability grid (capabilities × providers, each cell linking to its
 * evidence) and the fields of the common endpoints (fields × providers), with the filters of
 * assets/site.js: "must support" ticks, field search, provider toggles, differences only, compare.
 */
import type { CapabilitiesDocument } from '../capabilities/evaluate.ts';
import { describeCounts } from '../compat/counts.ts';
import { defaultMatrixOptions, type Matrix } from '../compat/matrix.ts';
import { observationAgrees, statusWithObservation } from '../compat/page/observed.ts';
import { escapeHtml, page } from './html.ts';

/** The profile every provider is compared with: left out when finding differences. */
const baseAttr = (id: string) => (id === defaultMatrixOptions.baseProfile ? ' data-base="true"' : '');

/** Provider columns; the header's title gives the provider's counts in the words of its page. */
function providerHead(doc: CapabilitiesDocument, matrix: Matrix): string {
  const counts = new Map(matrix.profiles.map((p) => [p.id, p.counts]));
  return doc.providers
    .map((p) => {
      const c = counts.get(p.id);
      return `<th data-provider="${p.id}"${baseAttr(p.id)}${c ? ` title="${escapeHtml(describeCounts(c))}"` : ''}><a href="${p.id}/index.html">${escapeHtml(p.name)}</a></th>`;
    })
    .join('');
}

function capabilityGrid(doc: CapabilitiesDocument, matrix: Matrix): string {
  const rows = doc.capabilities.map((c) => {
    const cells = doc.providers.map((p) => {
      const a = p.capabilities[c.id];
      const title = a.note ? ` title="${escapeHtml(a.note)}"` : '';
      return `<td data-provider="${p.id}" data-status="${a.value}"${title}><a class="cell" href="capabilities/${c.id}.html#${p.id}">${a.value}</a></td>`;
    });
    return `<tr data-kind="capability" data-key="${c.id}"><th scope="row"><input type="checkbox" class="must" value="${c.id}" aria-label="must support ${escapeHtml(c.title)}"> <a href="capabilities/${c.id}.html">${escapeHtml(c.title)}</a></th>${cells.join('')}</tr>`;
  });
  return `<div class="scroll"><table id="capabilities"><thead><tr><th>Must support</th>${providerHead(doc, matrix)}</tr></thead><tbody>${rows.join('\n')}</tbody></table></div>`;
}

function fieldGrid(matrix: Matrix, doc: CapabilitiesDocument): string {
  // Columns follow the capability grid; a profile without compat rows shows empty cells.
  const column = new Map(matrix.profiles.map((p, i) => [p.id, i]));
  const offered = new Map(matrix.endpoints.map((e) => [e.operation, e.cells.map((c) => c !== undefined)]));
  const rows = matrix.rows.map((r) => {
    const key = `${r.operation} ${r.location} ${r.field}`;
    const cells = doc.providers.map((p) => {
      const i = column.get(p.id);
      const c = i === undefined ? undefined : r.cells[i];
      // Statuses colour the cells through data-status (no class: 6,000 cells on the index).
      if (!c) return `<td data-provider="${p.id}">${i !== undefined && offered.get(r.operation)?.[i] ? '–' : ''}</td>`;
      const said = c.observed ? statusWithObservation(c.status, c.observed, c.rules) : undefined;
      // A default's note is on the provider page; repeated on hundreds of cells it would weigh the index down.
      const tip = [c.byDefault ? undefined : c.note, said].filter(Boolean).join(' · ');
      const title = tip ? ` title="${escapeHtml(tip)}"` : '';
      // The probe's word: a quiet mark where it agrees with the docs, the verdict where it does not.
      const mark = !c.observed ? '' : observationAgrees(c.status, c.observed, c.rules) ? ' <small class="observed">✓</small>' : ` <small class="observed">observed: ${c.observed.status}</small>`;
      return `<td data-provider="${p.id}" data-status="${c.status}"${title}>${c.status}${mark}</td>`;
    });
    return `<tr data-kind="field" data-key="${escapeHtml(key)}"><th scope="row"><label><input type="checkbox" class="must"> <code>${escapeHtml(r.field)}</code></label> <small>${escapeHtml(r.operation)}, ${r.location}</small></th>${cells.join('')}</tr>`;
  });
  return `<div class="scroll"><table id="fields"><thead><tr><th>Field</th>${providerHead(doc, matrix)}</tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table></div>`;
}

function controls(doc: CapabilitiesDocument): string {
  const toggles = doc.providers.map((p) => `<label><input type="checkbox" value="${p.id}" data-name="${escapeHtml(p.name)}" checked> ${escapeHtml(p.name)}</label>`).join(' ');
  const options = doc.providers.map((p) => `<option value="${p.id}">${escapeHtml(p.name)}</option>`).join('');
  return `<div class="controls">
<label class="search">Find a field or capability <input type="search" id="search" placeholder="e.g. temperature"></label>
<label><input type="checkbox" id="diff"> Differences only</label>
<button type="button" id="reset">Reset</button>
</div>
<div class="controls"><fieldset id="providers"><legend>Providers</legend>${toggles}</fieldset>
<form id="compare"><label>Compare <select id="compare-a" aria-label="first provider">${options}</select></label> <label>with <select id="compare-b" aria-label="second provider">${options.replace(`value="${doc.providers[1]?.id}"`, `value="${doc.providers[1]?.id}" selected`)}</select></label> <button>Compare</button></form></div>
<p id="matching" role="status"></p>`;
}

export function renderIndexPage(matrix: Matrix, doc: CapabilitiesDocument): string {
  const endpoints = matrix.common.map((o) => `<code>${escapeHtml(o)}</code>`).join(', ');
  const body = `<h1>OpenAI API compatibility</h1>
<p>What each provider's "OpenAI-compatible" API really supports, from its own docs. Tick what your application must have: the providers that support all of it stay. Each cell links to the claims behind it.</p>
${controls(doc)}
<h2 id="capabilities-grid">Capabilities</h2>
${capabilityGrid(doc, matrix)}
<h2 id="fields-grid">Fields</h2>
<p>Fields of the endpoints several providers offer (${endpoints}) that at least one provider claims, and the top-level ones a default covers (nested fields only a default covers are counted on the provider pages). – : the endpoint is offered without this field; empty: the endpoint is not offered. <span id="count"></span></p>
${fieldGrid(matrix, doc)}`;
  return page('OpenAI API compatibility of inference providers', body, { script: true });
}
