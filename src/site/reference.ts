/**
 * The API reference page of a profile: `redocly build-docs` on the reference spec
 * (reference-spec.ts: upstream prose out, the provider's claims in), prerendered by Redocly.
 * Redocly links Redoc from its CDN unless the bundle is inlined (2.3 MB per page); instead every
 * page imports the one copy the site ships in assets/, so the site works offline and stays small.
 * Redocly ships the bundle as an ES module, which browsers refuse to load from file://; the site's
 * copy is a classic script (esbuild turns the module into one defining `Redoc`), so a reference
 * opened straight from the built files hydrates and its search works, with no server.
 * The output is byte-identical from run to run (no dates, no random ids).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { transformSync } from 'esbuild';

export interface ReferenceCommand {
  command: string;
  args: string[];
  /** Variables to add to the environment: no telemetry, no update notice (both would go online). */
  env: Record<string, string>;
}

export interface ReferenceInput {
  projectRoot: string;
  /** The reference spec (a JSON or YAML file written from referenceSpec()). */
  spec: string;
  /** Where the page goes, <site>/<id>/reference.html. */
  output: string;
  /** The provider's name, for the page title. */
  name: string;
}

/** Where the site keeps the shared Redoc bundle, relative to its root. */
export const redocAsset = 'assets/redoc.standalone.js';

export function referenceCommand(input: ReferenceInput): ReferenceCommand {
  return {
    command: path.join(input.projectRoot, 'node_modules/.bin/redocly'),
    args: ['build-docs', input.spec, '-o', input.output, '--title', `${input.name} API reference`],
    env: { REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_NOTIFICATIONS: 'true' },
  };
}

// Redoc's "API docs by Redocly" badge loads its logo from Redocly's CDN, with no option to turn
// it off: the site's copy of the bundle draws the word instead (an inline SVG, no request).
const remoteLogo = /https:\/\/cdn\.redoc\.ly\/redoc\/logo-mini(?:-full)?\.svg/g;
const localLogo = `data:image/svg+xml,${encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" width="52" height="14"><text x="0" y="11" font-family="sans-serif" font-size="11" fill="#0044d4">Redocly</text></svg>')}`;

/** The global the classic-script bundle defines: `{ RedocStandalone, hydrate, init }`. */
export const redocGlobal = 'Redoc';

/**
 * The Redoc bundle Redocly ships (the one its CDN serves for this version), with its logo inline,
 * as a classic script defining `Redoc` (a module would not load from file://). Its only
 * `import.meta` is on a Node-only path, which the browser never takes.
 */
export function redocBundle(projectRoot: string): string {
  const bundle = readFileSync(path.join(projectRoot, 'node_modules/@redocly/cli/lib/chunks/redoc.standalone.js'), 'utf8');
  if (bundle.search(remoteLogo) < 0) throw new Error('the Redoc bundle no longer names its CDN logo: check src/site/reference.ts against the Redocly version');
  return transformSync(bundle.replace(remoteLogo, localLogo), { format: 'iife', globalName: redocGlobal, minify: true, legalComments: 'inline', logLevel: 'silent' }).code;
}

const cdnBundle = /https:\/\/cdn\.redoc(?:ly\.com|\.ly)\/redoc\/[^"']*?\/redoc\.standalone\.js/g;

const moduleImport = /<script type="module">(\s*)import \{ hydrate \} from "[^"]+";/;
const hydrateCall = /\bhydrate\(__redoc_definition\b/;

/**
 * A page Redocly wrote, pointed at the site's copy of the bundle (`depth` folders below the root):
 * the CDN preload goes, and the module importing `hydrate` from the CDN becomes the classic
 * bundle plus a classic script calling `Redoc.hydrate` (both load from file:// as well).
 */
export function localizeReference(html: string, depth = 1): string {
  const local = `${'../'.repeat(depth)}${redocAsset}`;
  if (!moduleImport.test(html) || !hydrateCall.test(html)) throw new Error('the reference no longer imports and calls hydrate as expected: Redocly changed its template; update localizeReference');
  const out = html
    .replace(/<link rel="modulepreload"[^>]*>/g, '')
    .replace(moduleImport, `<script src="${local}"></script>\n<script>$1`)
    .replace(hydrateCall, `${redocGlobal}.hydrate(__redoc_definition`)
    .replace(cdnBundle, local);
  if (/https?:\/\/cdn\./.test(out)) throw new Error('the reference still loads from a CDN: Redocly changed its template; update localizeReference');
  return out;
}

const styledBlock = /<style data-styled="true"[^>]*>([\s\S]*?)<\/style>/;

/**
 * The stylesheet Redoc prerenders into every page's head (240 KB, the same for every reference
 * but the largest) moved to a shared file named by its content: `{ html, css, file }`, the page
 * linking `file`. Redoc injects its styles again when it hydrates, so nothing relies on the tag.
 */
export function shareStyles(html: string, depth = 1): { html: string; css?: string; file?: string } {
  const match = styledBlock.exec(html);
  if (!match) return { html };
  const css = match[1];
  const file = `assets/redoc-${createHash('sha256').update(css).digest('hex').slice(0, 12)}.css`;
  return { html: html.replace(match[0], `<link rel="stylesheet" href="${'../'.repeat(depth)}${file}">`), css, file };
}
