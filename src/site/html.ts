/** HTML helpers for the docs site: escaping, the page layout, and the status styles. */
import { statuses } from '../compat/types.ts';

const needsEscape = /[&<>"]/;

export function escapeHtml(text: string): string {
  // Most field names have nothing to escape: one test instead of four replacements.
  if (!needsEscape.test(text)) return text;
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const colors: Record<string, string> = {
  supported: '#d8f5d0',
  partial: '#fff1c2',
  ignored: '#e8e8e8',
  unsupported: '#ffd6d6',
  deprecated: '#f3dcff',
  extension: '#d6ecff',
  undocumented: '#ffffff',
};

const style = `
body { font: 14px/1.45 system-ui, sans-serif; margin: 1.5rem; color: #1b1b1b; }
table { border-collapse: collapse; margin: 0.5rem 0 1.5rem; }
th, td { border: 1px solid #ccc; padding: 0.2rem 0.5rem; text-align: left; vertical-align: top; }
th { background: #f4f4f4; position: sticky; top: 0; }
code { font-size: 13px; }
.filters { margin: 1rem 0; display: flex; gap: 1rem; align-items: center; }
.count { color: #555; }
${statuses.map((s) => `.status-${s} { background: ${colors[s]}; }`).join('\n')}
`;

/** A complete page; `depth` is how many folders below the site root it lives (for links). */
export function page(title: string, body: string, depth = 0): string {
  const root = depth === 0 ? './' : '../'.repeat(depth);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
<meta name="generator" content="oai-compat">
<style>${style}</style>
</head>
<body>
<nav><a href="${root}index.html">oai-compat: OpenAI API compatibility</a></nav>
${body}
</body>
</html>
`;
}

export function statusCell(status: string | undefined, note?: string, attrs = ''): string {
  if (!status) return `<td class="absent"${attrs}></td>`;
  const title = note ? ` title="${escapeHtml(note)}"` : '';
  return `<td class="status-${status}" data-status="${status}"${title}${attrs}>${status}${note ? ` <small>${escapeHtml(note)}</small>` : ''}</td>`;
}
