/**
 * A browser bundle of one profile's client and checks, as an app would ship it: esbuild bundles an
 * entry importing `createClient` and `checkRequest` from `oai-compat/providers/<id>` for the
 * browser platform (a Node built-in anywhere on that path fails the bundle), minified. Used by the
 * size bench and by the browser test (test/runtime/browser.e2e.test.ts).
 */
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

export interface BrowserBundle {
  code: string;
  bytes: number;
  gzipBytes: number;
}

/** `entry` (JavaScript source importing from `oai-compat/providers/<id>`) bundled from this checkout. */
export async function bundleForBrowser(root: string, entry: string): Promise<BrowserBundle> {
  const result = await build({
    stdin: { contents: entry, resolveDir: root, loader: 'js' },
    bundle: true,
    write: false,
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
  const code = result.outputFiles[0].text;
  return { code, bytes: Buffer.byteLength(code), gzipBytes: gzipSync(code, { level: 9 }).length };
}

/** The smallest real use: a client and a check. */
export function clientAndCheckEntry(id: string): string {
  return `import { createClient, checkRequest } from 'oai-compat/providers/${id}';\nexport { createClient, checkRequest };\n`;
}
