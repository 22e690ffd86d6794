/**
 * A page as a list of blocks, rendered to GitHub markdown (COMPATIBILITY.md) and to HTML (the
 * site): one content model, so both say the same. Inline text is a small markdown subset:
 * `code`, **bold**, [text](url); headings get GitHub's slugs, on both.
 */
import { escapeHtml } from '../../site/html.ts';
import { headingText, Slugger } from './slug.ts';

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3 | 4; text: string }
  | { kind: 'para'; text: string }
  | { kind: 'list'; items: string[]; ordered?: boolean }
  | { kind: 'table'; head: string[]; rows: string[][]; className?: string; rowData?: Record<string, string>[] }
  | { kind: 'code'; lang: string; text: string; title?: string }
  | { kind: 'details'; summary: string; blocks: Block[] };

function markdownCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

export function renderMarkdownBlocks(blocks: readonly Block[]): string {
  const out: string[] = [];
  for (const b of blocks) {
    switch (b.kind) {
      case 'heading':
        out.push(`${'#'.repeat(b.level)} ${b.text}`, '');
        break;
      case 'para':
        out.push(b.text, '');
        break;
      case 'list':
        out.push(...b.items.map((item, i) => `${b.ordered ? `${i + 1}.` : '-'} ${item}`), '');
        break;
      case 'table':
        out.push(`| ${b.head.join(' | ')} |`, `|${b.head.map(() => '---').join('|')}|`, ...b.rows.map((r) => `| ${r.map(markdownCell).join(' | ')} |`), '');
        break;
      case 'code':
        if (b.title) out.push(b.title, '');
        out.push(`\`\`\`${b.lang}`, b.text, '```', '');
        break;
      case 'details':
        // GitHub renders markdown inside <details> after a blank line.
        out.push(`<details><summary>${b.summary.replace(/`([^`]+)`/g, '<code>$1</code>')}</summary>`, '', renderMarkdownBlocks(b.blocks).trimEnd(), '', '</details>', '');
        break;
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}

/** The inline subset to HTML. Relative `.md` links become the site's `.html` pages via `link`. */
export function inlineHtml(text: string, link: (href: string) => string = (h) => h): string {
  // Links first (their label may hold code), then code spans, then bold in the plain rest.
  return text
    .split(/(\[[^\]]+\]\([^)\s]+\))/)
    .map((part) => {
      const m = /^\[([^\]]+)\]\(([^)\s]+)\)$/.exec(part);
      if (m) return `<a href="${escapeHtml(link(m[2]))}">${codeAndBold(m[1])}</a>`;
      return codeAndBold(part);
    })
    .join('');
}

function codeAndBold(text: string): string {
  return text
    .split(/(`[^`]+`)/)
    .map((part) => (part.length > 1 && part.startsWith('`') && part.endsWith('`') ? `<code>${escapeHtml(part.slice(1, -1))}</code>` : escapeHtml(part).replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')))
    .join('');
}

export function renderHtmlBlocks(blocks: readonly Block[], link?: (href: string) => string, slugger = new Slugger()): string {
  const out: string[] = [];
  for (const b of blocks) {
    switch (b.kind) {
      case 'heading':
        out.push(`<h${b.level} id="${slugger.slug(headingText(b.text))}">${inlineHtml(b.text, link)}</h${b.level}>`);
        break;
      case 'para':
        out.push(`<p>${inlineHtml(b.text, link)}</p>`);
        break;
      case 'list': {
        const tag = b.ordered ? 'ol' : 'ul';
        out.push(`<${tag}>${b.items.map((i) => `<li>${inlineHtml(i, link)}</li>`).join('')}</${tag}>`);
        break;
      }
      case 'table': {
        const head = `<thead><tr>${b.head.map((h) => `<th>${inlineHtml(h, link)}</th>`).join('')}</tr></thead>`;
        const rows = b.rows.map((r, i) => {
          const data = Object.entries(b.rowData?.[i] ?? {}).map(([k, v]) => ` data-${k}="${escapeHtml(v)}"`).join('');
          return `<tr${data}>${r.map((c) => cellHtml(c, link)).join('')}</tr>`;
        });
        out.push(`<div class="scroll"><table${b.className ? ` class="${b.className}"` : ''}>${head}<tbody>${rows.join('')}</tbody></table></div>`);
        break;
      }
      case 'code':
        if (b.title) out.push(`<p>${inlineHtml(b.title, link)}</p>`);
        out.push(`<pre><code class="language-${b.lang}">${escapeHtml(b.text)}</code></pre>`);
        break;
      case 'details':
        out.push(`<details><summary>${inlineHtml(b.summary, link)}</summary>${renderHtmlBlocks(b.blocks, link, slugger)}</details>`);
        break;
    }
  }
  return out.join('\n');
}

/** A status word as the first thing in a cell (after "documented: " when a probe disagrees) gets its colour. */
const statusWord = /^(?:documented: )?(supported|partial|ignored|unsupported|deprecated|extension|undocumented|yes|no|unknown)\b/;

function cellHtml(text: string, link?: (href: string) => string): string {
  const m = statusWord.exec(text);
  return m ? `<td data-status="${m[1]}">${inlineHtml(text, link)}</td>` : `<td>${inlineHtml(text, link)}</td>`;
}
