/** One page per capability, caniuse-style: each provider's answer with numbered notes and its evidence. */
import type { CapabilitiesDocument } from '../capabilities/evaluate.ts';
import { escapeHtml, page } from './html.ts';

function evidenceList(answer: CapabilitiesDocument['providers'][number]['capabilities'][string]): string {
  return answer.evidence
    .map((e) => {
      const where = `<code>${escapeHtml(e.operation)}</code>${e.field ? ` <code>${escapeHtml(e.field)}</code>` : ''}`;
      const source = e.source ? ` (<a href="${escapeHtml(e.source)}">source</a>${e.verified ? `, ${e.verified}` : ''})` : '';
      return `${where}: ${escapeHtml(e.status)}${source}`;
    })
    .join('<br>');
}

export function renderCapabilityPage(doc: CapabilitiesDocument, id: string): string {
  const c = doc.capabilities.find((x) => x.id === id)!;
  const notes: string[] = [];
  const rows = doc.providers.map((p) => {
    const a = p.capabilities[id];
    let ref = '';
    if (a.note) {
      let n = notes.indexOf(a.note);
      if (n < 0) n = notes.push(a.note) - 1;
      ref = ` <sup><a href="#note-${n + 1}">${n + 1}</a></sup>`;
    }
    return `<tr id="${p.id}"><th scope="row"><a href="../${p.id}/index.html">${escapeHtml(p.name)}</a></th><td data-status="${a.value}">${a.value}${ref}</td><td>${evidenceList(a)}</td></tr>`;
  });
  const body = `<h1>${escapeHtml(c.title)}</h1>
<p>${escapeHtml(c.definition).replace(/`([^`]+)`/g, '<code>$1</code>')}</p>
<div class="scroll"><table><thead><tr><th>Provider</th><th>Answer</th><th>Evidence</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>
${notes.length ? `<h2 id="notes">Notes</h2><ol>${notes.map((n, i) => `<li id="note-${i + 1}">${escapeHtml(n)}</li>`).join('')}</ol>` : ''}
<p>yes: documented as supported; partial: supported with limits; no: unsupported, ignored or not offered; unknown: the docs say nothing.</p>`;
  return page(`${c.title}: which providers support it`, body, { depth: 1 });
}

export function renderCapabilityIndex(doc: CapabilitiesDocument): string {
  const items = doc.capabilities.map((c) => {
    const yes = doc.providers.filter((p) => p.capabilities[c.id].value === 'yes').length;
    return `<li><a href="${c.id}.html">${escapeHtml(c.title)}</a>: ${escapeHtml(c.definition).replace(/`([^`]+)`/g, '<code>$1</code>')} <small>(${yes} of ${doc.providers.length} profiles: yes)</small></li>`;
  });
  return page('Capabilities', `<h1>Capabilities</h1><ul>${items.join('')}</ul>`, { depth: 1 });
}
