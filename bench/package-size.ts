/**
 * Sizes: per profile, what the build writes (generated/<id>/, and its validators), and the
 * minified + gzip browser bundle of `createClient` + `checkRequest`: what a page loads before it
 * runs, and apart the chunk the first check loads (the fast request validators). Targets (issue 9):
 * the openai validators at most 4.8 MB (a fifth of the 24 MB of one module per schema), a seed
 * provider's bundle at most 100 KB gzip. The tarball's size is printed by `npm pack --dry-run`.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { bundleForBrowser, clientAndCheckEntry } from './browser-bundle.ts';
import type { Figure } from './measure.ts';

function folderBytes(dir: string, filter: (name: string) => boolean = () => true): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && filter(entry.name)) total += statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return total;
}

const KB = 1024;

export async function benchSizes(root: string): Promise<Figure[]> {
  const generated = path.join(root, 'generated');
  const profiles = readdirSync(generated, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(path.join(generated, e.name, 'index.gen.ts')))
    .map((e) => e.name)
    .sort();
  const figures: Figure[] = [];
  for (const id of profiles) {
    const dir = path.join(generated, id);
    figures.push({ name: `${id}: generated/${id}/`, value: Math.round(folderBytes(dir) / KB), unit: 'KB' });
    figures.push({ name: `${id}: validators`, value: Math.round(folderBytes(dir, (n) => n.startsWith('validators')) / KB), unit: 'KB', note: id === 'openai' ? 'target ≤ 4915 KB' : undefined });
    const bundle = await bundleForBrowser(root, clientAndCheckEntry(id));
    figures.push({ name: `${id}: browser bundle, min`, value: Math.round(bundle.bytes / KB), unit: 'KB' });
    figures.push({ name: `${id}: browser bundle, min + gzip`, value: Math.round(bundle.gzipBytes / KB), unit: 'KB', note: id === 'openai' ? undefined : 'target ≤ 100 KB' });
    figures.push({ name: `${id}: chunk of fast validators (Node only; browsers never fetch it), min + gzip`, value: Math.round(bundle.lazyGzipBytes / KB), unit: 'KB' });
  }
  return figures;
}
