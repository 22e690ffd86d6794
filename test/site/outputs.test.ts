/**
 * What every provider output must (not) contain, and that every link of the markdown pages
 * resolves (GitHub's heading slugs). Reads generated/ as `npm run build` wrote it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CapabilitiesDocument } from '../../src/capabilities/evaluate.ts';
import { renderHtmlBlocks } from '../../src/compat/page/blocks.ts';
import { githubSlug, Slugger } from '../../src/compat/page/slug.ts';
import type { CompatReport } from '../../src/compat/types.ts';
import { parseYaml } from '../../src/load/document.ts';
import type { ProfileModel } from '../../src/profile/types.ts';
import { renderProviderPage } from '../../src/site/provider-page.ts';
import { referenceSpec } from '../../src/site/reference-spec.ts';
import { discoverProfiles } from '../../src/build/build.ts';
import { countRow, describeCounts, documentedCount, emptyCounts } from '../../src/compat/counts.ts';
import { brokenLinks } from './links.ts';

const capabilities = JSON.parse(readFileSync('generated/capabilities.json', 'utf8')) as CapabilitiesDocument;
// Every profile in spec/providers, the base profile (OpenAI's own API) included.
const profiles = await discoverProfiles(process.cwd());
const read = (file: string) => readFileSync(file, 'utf8');

describe('GitHub heading slugs', () => {
  it.each([
    ['`POST /chat/completions`', 'post-chatcompletions'],
    ['Capability: Several choices (n > 1)', 'capability-several-choices-n--1'],
    ['Messages: `system`', 'messages-system'],
    ['Straße über_all', 'straße-über_all'],
    ['Stream  ✨ events', 'stream---events'],
  ])('%s → %s', (heading, slug) => {
    expect(githubSlug(heading.replace(/`/g, ''))).toBe(slug);
  });

  it('numbers repeated headings as GitHub does', () => {
    const s = new Slugger();
    expect(['Request fields', 'Request fields', 'Request fields-1', 'Request fields'].map((h) => s.slug(h))).toEqual(['request-fields', 'request-fields-1', 'request-fields-1-1', 'request-fields-2']);
  });
});

it('capabilities.json answers for every profile', () => {
  expect(capabilities.providers.map((p) => p.id)).toEqual(profiles);
  expect(profiles.length).toBeGreaterThanOrEqual(19);
});

describe.each(profiles)('%s: no OpenAI prose, links, model names or contact details', (id) => {
  const report = JSON.parse(read(`generated/${id}/compat.json`)) as CompatReport;
  const model = JSON.parse(read(`generated/${id}/profile.json`)) as ProfileModel;
  // The provider's own words may name an OpenAI model ("use our names instead of gpt-4").
  const own = read(`spec/providers/${id}/${id === 'openai' ? 'profile' : 'overlay'}.yaml`);
  const outputs: [string, string][] = [
    ['COMPATIBILITY.md', read(`generated/${id}/COMPATIBILITY.md`)],
    ['site page', renderProviderPage(report, capabilities, model)],
    ['reference spec', JSON.stringify(referenceSpec(parseYaml(read(`generated/${id}/openapi.yaml`), 'openapi.yaml') as Record<string, unknown>, report))],
  ];

  it.each(outputs)('%s', (_name, text) => {
    expect(text).not.toMatch(/\]\(\/docs\/|href="\/docs\/|\(\/docs\//);
    expect(text).not.toContain('Starting a new project');
    expect(text).not.toMatch(/help\.openai\.com|openai\.com\/policies|platform\.openai\.com|support@openai/);
    const models = [...new Set(text.match(/\b(gpt-[0-9][\w.-]*|o[134]-mini|chatgpt-[\w.-]+)/g) ?? [])];
    expect(models.filter((m) => !own.includes(m))).toEqual([]);
  });

  it('the page, MATRIX.md and compat.json give the same counts', () => {
    // compat.json: the report's counts are the sum of its endpoints' and a recount of its rows.
    const recount = emptyCounts();
    for (const row of report.fields) if (report.operations.find((o) => o.operation === row.operation)?.offered) countRow(recount, row);
    expect(report.counts).toEqual(recount);
    const said = `${report.operations.filter((o) => o.offered).length} endpoint`;
    expect(outputs[0][1]).toContain(`${said}${report.operations.filter((o) => o.offered).length === 1 ? '' : 's'} offered; ${describeCounts(report.counts)}.`);
    expect(outputs[1][1]).toContain(describeCounts(report.counts));
    const matrixRow = read('generated/MATRIX.md').split('\n').find((l) => l.startsWith(`| ${report.provider.name} | ${report.operations.filter((o) => o.offered).length} | `));
    expect(matrixRow?.split(' | ')[2]).toBe(String(documentedCount(report.counts)));
  });

  it('the reference spec carries the provider\'s title, server and claims', () => {
    const spec = JSON.parse(outputs[2][1]) as { info: { title: string; description: string; contact?: unknown }; servers: { url: string }[] };
    expect(spec.info.title).toBe(`${report.provider.name} API`);
    expect(spec.info.contact).toBeUndefined();
    expect(spec.servers[0].url).toBe(report.provider.baseUrl);
    const claimed = report.fields.find((f) => f.claimed && f.location === 'request.body');
    if (claimed) expect(outputs[2][1]).toContain(`\`${claimed.field}\``);
  });
});

describe('markdown pages', () => {
  const files = ['generated/MATRIX.md', ...capabilities.providers.map((p) => `generated/${p.id}/COMPATIBILITY.md`)];

  it('every relative link and anchor resolves', () => {
    expect(brokenLinks(files)).toEqual([]);
  });

  it('COMPATIBILITY.md and the site page say the same', () => {
    const report = JSON.parse(read('generated/kluster/compat.json')) as CompatReport;
    const page = renderProviderPage(report, capabilities);
    const markdown = read('generated/kluster/COMPATIBILITY.md');
    for (const heading of markdown.match(/^#{1,3} .*$/gm) ?? []) {
      const text = heading.replace(/^#+ /, '');
      expect(page).toContain(renderHtmlBlocks([{ kind: 'para', text }]).slice(3, -4));
    }
  });
});
