/** HTML helpers for the docs site: escaping, the page layout (one shared stylesheet and script). */

const needsEscape = /[&<>"]/;

export function escapeHtml(text: string): string {
  // Most field names have nothing to escape: one test instead of four replacements.
  if (!needsEscape.test(text)) return text;
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export interface PageOptions {
  /** How many folders below the site root the page lives (for links to the root). */
  depth?: number;
  /** Loads assets/site.js (the index's filters). */
  script?: boolean;
}

/** A complete page with a viewport (readable on a phone) and the site's navigation. */
export function page(title: string, body: string, options: PageOptions = {}): string {
  const root = options.depth ? '../'.repeat(options.depth) : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<meta name="generator" content="oai-compat">
<link rel="stylesheet" href="${root}assets/site.css">
</head>
<body>
<header><nav><a href="${root}index.html">Compatibility</a> <a href="${root}capabilities/index.html">Capabilities</a></nav></header>
<main>
${body}
</main>
${options.script ? `<script src="${root}assets/site.js"></script>\n` : ''}</body>
</html>
`;
}
