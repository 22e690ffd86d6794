/**
 * Where oai-compat itself is installed: the checkout (this file is src/load/package-root.ts) or the
 * package (dist/load/package-root.js), both two levels down. The JSON Schemas, the base-spec pin
 * and the shipped profiles are read from here; a user's own files from the project (cli/project.ts).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The resolved profiles the package ships (built by `npm pack`, see scripts/build-package.ts). */
export const shippedProfilesDir = path.join(packageRoot, 'dist/generated');
