/** Link checking for the site (HTML ids) and the markdown pages (GitHub heading slugs). */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { headingText, Slugger } from '../../src/compat/page/slug.ts';

export function siteFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

/** The anchors a page offers: HTML ids, or for markdown the GitHub slugs of its headings. */
export function anchorsOf(file: string): Set<string> {
  const text = readFileSync(file, 'utf8');
  if (file.endsWith('.md')) {
    const slugger = new Slugger();
    const out = new Set<string>();
    let fenced = false;
    for (const line of text.split('\n')) {
      if (line.startsWith('```')) fenced = !fenced;
      const m = !fenced && /^#{1,6} (.*)$/.exec(line);
      if (m) out.add(slugger.slug(headingText(m[1])));
    }
    return out;
  }
  return new Set([...text.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
}

/** Relative links of a page (HTML hrefs, or markdown link targets outside code). */
export function linksOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const raw = file.endsWith('.md')
    ? [...text.replace(/```[\s\S]*?```/g, '').matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1])
    : [...text.matchAll(/<a [^>]*href="([^"]*)"/g)].map((m) => m[1].replace(/&amp;/g, '&'));
  return raw.filter((href) => !/^[a-z]+:/i.test(href));
}

/** Every relative link and anchor of `files` that does not resolve: `file: link`. */
export function brokenLinks(files: readonly string[]): string[] {
  const broken: string[] = [];
  const anchors = new Map<string, Set<string>>();
  for (const file of files) {
    for (const link of linksOf(file)) {
      const [target, fragment] = link.split('#') as [string, string | undefined];
      const resolved = target ? path.resolve(path.dirname(file), target.split('?')[0]) : file;
      if (!existsSync(resolved)) {
        broken.push(`${file}: ${link}`);
        continue;
      }
      if (!fragment) continue;
      if (!anchors.has(resolved)) anchors.set(resolved, anchorsOf(resolved));
      if (!anchors.get(resolved)!.has(decodeURIComponent(fragment))) broken.push(`${file}: ${link}`);
    }
  }
  return broken;
}
