/**
 * In the checkout, `oai-compat/runtime` and `oai-compat/providers/<id>` (what generated modules and
 * users import) resolve to the TypeScript sources, as the exports' `oai-compat-source` condition says.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export const sourceAliases = [
  { find: /^oai-compat\/runtime$/, replacement: path.join(root, 'src/runtime/index.ts') },
  { find: /^oai-compat\/providers\/([a-z0-9-]+)$/, replacement: path.join(root, 'generated/$1/index.gen.ts') },
];
