/**
 * The site's one stylesheet and one script (small and hand-written: filters over two tables need
 * no framework). The script drives the index: "must support" ticks on capabilities and fields,
 * field search, provider toggles, differences only, compare two providers; state kept in the URL.
 */
import type { GeneratedFile } from '../build/types.ts';

const css = `
*, *::before, *::after { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, sans-serif; margin: 0; color: #1b1b1b; background: #fff; }
header { background: #1f2937; padding: 0.6rem 1rem; }
header a { color: #fff; margin-right: 1rem; text-decoration: none; font-weight: 600; }
main { max-width: 1200px; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.6rem; line-height: 1.25; }
h2 { margin-top: 2rem; border-bottom: 1px solid #e5e7eb; }
a { color: #1d4ed8; }
code { font-size: 0.9em; background: #f3f4f6; padding: 0 0.2em; border-radius: 3px; overflow-wrap: anywhere; }
pre { background: #f3f4f6; padding: 0.75rem; overflow-x: auto; border-radius: 4px; }
pre code { background: none; padding: 0; overflow-wrap: normal; }
td code, th code { overflow-wrap: normal; white-space: nowrap; }
.scroll { overflow-x: auto; max-width: 100%; margin: 0.5rem 0 1.25rem; }
table { border-collapse: collapse; }
th, td { border: 1px solid #d1d5db; padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }
th { background: #f9fafb; }
td small, th small { color: #4b5563; }
th[scope=row] { font-weight: normal; position: sticky; left: 0; background: #f9fafb; z-index: 1; }
th[scope=row] > input { float: left; margin: 0.3rem 0.4rem 0.2rem 0; }
details { margin: 1rem 0; }
summary { cursor: pointer; }
.controls { display: flex; flex-wrap: wrap; gap: 0.5rem 1.25rem; align-items: center; margin: 0.75rem 0; }
.controls fieldset { border: 1px solid #d1d5db; border-radius: 4px; padding: 0.25rem 0.6rem; margin: 0; }
.controls label { white-space: nowrap; }
.controls label.search { white-space: normal; display: flex; flex-wrap: wrap; gap: 0.25rem 0.5rem; align-items: center; max-width: 100%; }
input[type=search] { font: inherit; padding: 0.2rem 0.4rem; width: 16rem; max-width: 100%; }
#matching { font-weight: 600; }
[data-status=supported], [data-status=yes] { background: #dcfce7; }
[data-status=partial] { background: #fef9c3; }
[data-status=ignored] { background: #e5e7eb; }
[data-status=unsupported], [data-status=no] { background: #fee2e2; }
[data-status=deprecated] { background: #f3e8ff; }
[data-status=extension] { background: #dbeafe; }
[data-status=unknown], [data-status=undocumented] { background: #fff; color: #6b7280; }
td[data-provider]:not([data-status]) { color: #9ca3af; }
[hidden], .off { display: none !important; }
td a.cell { display: block; color: inherit; text-decoration: none; }
@media (max-width: 600px) { main { padding: 0.6rem; } h1 { font-size: 1.3rem; } th, td { padding: 0.2rem 0.3rem; } }
`;

const js = `
'use strict';
const params = new URLSearchParams(location.search);
const list = (key) => (params.get(key) || '').split(',').filter(Boolean);
const state = { must: new Set(list('must')), fields: new Set(list('fields')), hide: new Set(list('hide')), q: params.get('q') || '', diff: params.get('diff') === '1' };
const rows = () => document.querySelectorAll('tr[data-key]');
const providers = [...document.querySelectorAll('#providers input')].map((i) => i.value);
// The base profile's column is marked once, on its header cell.
const base = document.querySelector('th[data-base]')?.dataset.provider;
const supports = (cell) => cell && ['yes', 'partial', 'supported', 'extension', 'deprecated'].includes(cell.dataset.status);

function save() {
  const out = new URLSearchParams();
  if (state.must.size) out.set('must', [...state.must].join(','));
  if (state.fields.size) out.set('fields', [...state.fields].join(','));
  if (state.hide.size) out.set('hide', [...state.hide].join(','));
  if (state.q) out.set('q', state.q);
  if (state.diff) out.set('diff', '1');
  const query = out.toString();
  history.replaceState(null, '', query ? '?' + query : location.pathname);
}

function apply() {
  // Providers meeting every tick, among those shown.
  const ticked = [...rows()].filter((r) => (r.dataset.kind === 'capability' ? state.must : state.fields).has(r.dataset.key));
  const matching = providers.filter((p) => !state.hide.has(p) && ticked.every((r) => supports(r.querySelector('td[data-provider="' + p + '"]'))));
  const shown = new Set(ticked.length ? matching : providers.filter((p) => !state.hide.has(p)));
  for (const el of document.querySelectorAll('[data-provider]')) el.classList.toggle('off', !shown.has(el.dataset.provider));
  const q = state.q.toLowerCase();
  let count = 0;
  for (const r of rows()) {
    // Differences among the providers shown; the base profile counts only when compared alone with one.
    const cells = [...r.querySelectorAll('td[data-provider]')].filter((c) => shown.has(c.dataset.provider));
    const providersOnly = cells.filter((c) => c.dataset.provider !== base);
    const values = (providersOnly.length > 1 ? providersOnly : cells).map((c) => c.dataset.status || '');
    const same = values.every((v) => v === values[0]);
    const hit = !q || r.dataset.key.toLowerCase().includes(q) || r.textContent.toLowerCase().includes(q);
    r.hidden = !hit || (state.diff && same && values.length > 1);
    if (!r.hidden && r.dataset.kind === 'field') count++;
  }
  const names = providers.filter((p) => shown.has(p)).map((p) => document.querySelector('#providers input[value="' + p + '"]').dataset.name);
  document.getElementById('matching').textContent = ticked.length
    ? (names.length ? 'Supported by ' + names.join(', ') : 'No provider supports all of these')
    : '';
  document.getElementById('count').textContent = count + ' field rows shown';
  save();
}

for (const box of document.querySelectorAll('input.must')) {
  const row = box.closest('tr');
  const set = row.dataset.kind === 'capability' ? state.must : state.fields;
  const key = row.dataset.key;
  box.checked = set.has(key);
  box.addEventListener('change', () => { box.checked ? set.add(key) : set.delete(key); apply(); });
}
for (const box of document.querySelectorAll('#providers input')) {
  box.checked = !state.hide.has(box.value);
  box.addEventListener('change', () => { box.checked ? state.hide.delete(box.value) : state.hide.add(box.value); apply(); });
}
const search = document.getElementById('search');
search.value = state.q;
search.addEventListener('input', () => { state.q = search.value.trim(); apply(); });
const diff = document.getElementById('diff');
diff.checked = state.diff;
diff.addEventListener('change', () => { state.diff = diff.checked; apply(); });
document.getElementById('compare').addEventListener('submit', (event) => {
  event.preventDefault();
  const a = document.getElementById('compare-a').value, b = document.getElementById('compare-b').value;
  state.hide = new Set(providers.filter((p) => p !== a && p !== b));
  state.diff = true;
  diff.checked = true;
  for (const box of document.querySelectorAll('#providers input')) box.checked = !state.hide.has(box.value);
  apply();
});
document.getElementById('reset').addEventListener('click', () => {
  state.must.clear(); state.fields.clear(); state.hide.clear(); state.q = ''; state.diff = false;
  for (const box of document.querySelectorAll('input.must')) box.checked = false;
  for (const box of document.querySelectorAll('#providers input')) box.checked = true;
  search.value = ''; diff.checked = false;
  apply();
});
apply();
`;

export const assetFiles: GeneratedFile[] = [
  { path: 'assets/site.css', contents: css.trimStart() },
  { path: 'assets/site.js', contents: js.trimStart() },
];
