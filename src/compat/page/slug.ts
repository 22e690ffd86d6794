/**
 * Heading anchors as GitHub makes them (github-slugger's rules): lower case, everything but
 * letters, digits, spaces, `-` and `_` dropped, spaces to `-`; a repeated slug gets `-1`, `-2`.
 * The site uses the same ids, so one link works on GitHub and on the site.
 */
export function githubSlug(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

/** Slugs of one page's headings, in order, with GitHub's numbering of repeats. */
export class Slugger {
  private readonly seen = new Map<string, number>();

  slug(heading: string): string {
    const base = githubSlug(heading);
    let slug = base;
    let n = this.seen.get(base) ?? 0;
    while (this.seen.has(slug)) slug = `${base}-${++n}`;
    this.seen.set(base, n);
    this.seen.set(slug, 0);
    return slug;
  }
}

/** The text GitHub slugs for a markdown heading: inline code and links reduced to their text. */
export function headingText(markdown: string): string {
  return markdown.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/`/g, '').replace(/<[^>]+>/g, '');
}
