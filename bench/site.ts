/**
 * Bench of the docs site: builds it as `npm run docs` does (API references included) and measures
 * its size against the budgets: the index page at most 500 KB, a seed provider page at most
 * 300 KB, the whole site at most 8 MB (one Redoc bundle shared by every reference).
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { timeCommand, type Figure } from './measure.ts';

const seedProviders = ['compactifai', 'kluster', 'neosantara', 'oxlo'];
const KB = 1000;

function sizeOf(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .reduce((n, e) => n + statSync(path.join(e.parentPath, e.name)).size, 0);
}

const verdict = (value: number, budget: number, unit: string) => `budget ${budget} ${unit}: ${value <= budget ? 'ok' : 'OVER BUDGET'}`;

export async function benchSite(projectRoot: string): Promise<Figure[]> {
  const node = path.join(projectRoot, 'node_modules/.bin/node');
  const seconds = timeCommand(node, ['scripts/docs.ts'], { cwd: projectRoot }) / 1000;
  const site = path.join(projectRoot, 'generated/site');
  const index = statSync(path.join(site, 'index.html')).size / KB;
  const pages = seedProviders.map((id) => ({ id, size: statSync(path.join(site, id, 'index.html')).size / KB }));
  const largest = pages.reduce((a, b) => (b.size > a.size ? b : a));
  const references = seedProviders.map((id) => statSync(path.join(site, id, 'reference.html')).size / KB);
  const total = sizeOf(site) / (KB * KB);
  // Every profile's page and reference is built: the figures are for the whole site.
  const built = readdirSync(site, { withFileTypes: true }).filter((e) => e.isDirectory() && statSync(path.join(site, e.name, 'reference.html'), { throwIfNoEntry: false }));
  const anyLargest = built.map((e) => ({ id: e.name, size: statSync(path.join(site, e.name, 'index.html')).size / KB })).reduce((a, b) => (b.size > a.size ? b : a));
  return [
    { name: `npm run docs (site + ${built.length} API references)`, value: seconds, unit: 's', note: 'one run' },
    { name: 'index page', value: index, unit: 'KB', note: verdict(index, 500, 'KB') },
    { name: `largest seed provider page (${largest.id})`, value: largest.size, unit: 'KB', note: verdict(largest.size, 300, 'KB') },
    { name: `largest provider page of all profiles (${anyLargest.id})`, value: anyLargest.size, unit: 'KB', note: 'no budget; for comparison' },
    { name: 'largest seed API reference', value: Math.max(...references), unit: 'KB', note: 'plus the shared Redoc bundle' },
    { name: 'whole site', value: total, unit: 'MB', note: verdict(total, 8, 'MB') },
  ];
}
