/**
 * A browser bundle of one profile's client and checks, as an app would ship it: esbuild bundles an
 * entry importing `createClient` and `checkRequest` from `oai-compat/providers/<id>` for the
 * browser platform (a Node built-in anywhere on that path fails the bundle), minified, with code
 * splitting as apps bundle: what is imported dynamically (the fast request validators, loaded by
 * the first check) lands in chunks of its own. Used by the size bench and by the browser test
 * (test/runtime/browser.e2e.test.ts).
 */
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

export interface BrowserBundle {
  /** Every output file by name (`page.js` is the entry), as a page serves them side by side. */
  files: Record<string, string>;
  /** The entry chunk's code. */
  code: string;
  /** The entry and the chunks it imports statically: what a page loads before it runs. */
  bytes: number;
  gzipBytes: number;
  /** The chunks imported dynamically only, loaded when first used. */
  lazyBytes: number;
  lazyGzipBytes: number;
}

const ENTRY = 'page.js';

/** `entry` (JavaScript source importing from `oai-compat/providers/<id>`) bundled from this checkout. */
export async function bundleForBrowser(root: string, entry: string): Promise<BrowserBundle> {
  const outdir = path.join(root, '.cache', 'browser-bundle');
  const result = await build({
    stdin: { contents: entry, resolveDir: root, loader: 'js', sourcefile: 'page-entry.js' },
    bundle: true,
    write: false,
    splitting: true,
    outdir,
    entryNames: 'page',
    chunkNames: '[name]-[hash]',
    metafile: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    legalComments: 'none',
    logLevel: 'silent',
    // The checkout's sources, as the package exports' `oai-compat-source` condition maps them.
    alias: { 'oai-compat/runtime': path.join(root, 'src/runtime/index.ts') },
    plugins: [
      {
        name: 'oai-compat-providers',
        setup(b) {
          b.onResolve({ filter: /^oai-compat\/providers\// }, (args) => ({ path: path.join(root, 'generated', args.path.split('/').pop()!, 'index.gen.ts') }));
        },
      },
    ],
  });
  const files = Object.fromEntries(result.outputFiles.map((file) => [path.relative(outdir, file.path), file.text]));
  // The entry, then what it imports statically, transitively.
  const outputs = result.metafile.outputs;
  const initial = new Set<string>();
  const visit = (name: string): void => {
    if (initial.has(name)) return;
    initial.add(name);
    for (const imported of outputs[path.relative(root, path.join(outdir, name))]?.imports ?? []) {
      if (imported.kind === 'import-statement') visit(path.relative(path.relative(root, outdir), imported.path));
    }
  };
  visit(ENTRY);
  const size = (names: string[]) => ({
    bytes: names.reduce((sum, name) => sum + Buffer.byteLength(files[name]), 0),
    gzipBytes: names.reduce((sum, name) => sum + gzipSync(files[name], { level: 9 }).length, 0),
  });
  const now = size([...initial]);
  const later = size(Object.keys(files).filter((name) => !initial.has(name)));
  return { files, code: files[ENTRY], ...now, lazyBytes: later.bytes, lazyGzipBytes: later.gzipBytes };
}

/** The smallest real use: a client and a check. */
export function clientAndCheckEntry(id: string): string {
  return `import { createClient, checkRequest } from 'oai-compat/providers/${id}';\nexport { createClient, checkRequest };\n`;
}
