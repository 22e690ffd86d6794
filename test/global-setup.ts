/** Runs once before the suite: makes sure the pinned base spec is in place. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fetchBaseSpec } from '../src/resolve/base-spec.ts';

export default async function setup(): Promise<void> {
  const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  await fetchBaseSpec(projectRoot);
}
