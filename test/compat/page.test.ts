/**
 * The provider page from a small fixture profile (test/fixtures/compat/mini): what the probe
 * observed next to what the docs say, the "Errors" group, and one wording of the counts in
 * COMPATIBILITY.md, the site page and the site index.
 */
import { describe, expect, it } from 'vitest';
import { capabilityDocument } from '../../src/capabilities/generator.ts';
import { describeCounts } from '../../src/compat/counts.ts';
import { buildMatrix } from '../../src/compat/matrix.ts';
import { buildCompatReport } from '../../src/compat/model.ts';
import { renderProviderMarkdown } from '../../src/compat/page/markdown.ts';
import { observationAgrees, statusWithObservation } from '../../src/compat/page/observed.ts';
import { parseProfile } from '../../src/profile/parse.ts';
import { renderIndexPage } from '../../src/site/index-page.ts';
import { renderProviderPage } from '../../src/site/provider-page.ts';
import { miniBase, miniBaseInfo, miniProvenance, miniSpec } from '../helpers/mini-compat.ts';

const base = miniBase;
const spec = miniSpec;
const provenance = miniProvenance;
const baseInfo = miniBaseInfo;
const model = parseProfile(spec, { id: 'mini' }).model;
const report = buildCompatReport({ id: 'mini', spec, base, provenance, overlayFile: 'spec/providers/mini/overlay.yaml', model }, baseInfo).report;
const models = new Map([['mini', model]]);
const capabilities = capabilityDocument([report], models);
const markdown = renderProviderMarkdown(report, model);
const site = renderProviderPage(report, capabilities, model);
const row = (field: string) => report.fields.find((f) => f.operation === 'POST /chat/completions' && f.location === 'request.body' && f.field === field)!;
/** The markdown table line of a request field. */
const line = (field: string) => markdown.split('\n').find((l) => l.startsWith(`| \`${field}\` |`));

describe('observed vs documented', () => {
  it('compat.json carries the observation on the row', () => {
    expect(row('store').observed).toEqual({ status: 'honoured', date: '2026-11-30', model: 'mini-1', note: 'stored and listed', evidence: 'probe/mini.json' });
    expect(row('tools').observed).toEqual({ status: 'ignored', date: '2026-11-30' });
    expect(row('n').observed).toBeUndefined();
  });

  it('the page shows both where they differ, a quiet mark where they agree, nothing where unobserved', () => {
    expect(line('store')).toBe('| `store` | documented: unsupported · observed 2026-11-30: honoured | observed with `mini-1`, stored and listed, evidence: `probe/mini.json` |');
    expect(line('tools')).toBe('| `tools` | ignored · observed 2026-11-30 | tools are stripped |');
    expect(line('n')).toMatch(/^\| `n` \| partial \|/);
    expect(site).toContain('documented: unsupported · observed 2026-11-30: honoured');
    expect(site).toContain('ignored · observed 2026-11-30');
  });

  it('the site index marks the cell with the verdict where it differs', () => {
    const index = renderIndexPage(buildMatrix([report], { baseProfile: 'openai', minProviders: 1 }), capabilities);
    const cell = (field: string) => new RegExp(`data-key="POST /chat/completions request.body ${field}".*?<td data-provider="mini"[^>]*>([^\\n]*?)</td>`).exec(index)?.[1];
    expect(cell('store')).toBe('unsupported <small class="observed">observed: honoured</small>');
    expect(cell('tools')).toBe('ignored <small class="observed">✓</small>');
    expect(cell('n')).toBe('partial');
  });

  it('inconclusive verdicts neither confirm nor contradict', () => {
    const observed = { status: 'inconclusive' as const, date: '2026-11-30' };
    expect(observationAgrees('supported', observed)).toBe(false);
    expect(statusWithObservation('supported', observed)).toBe('supported · observed 2026-11-30: inconclusive');
    expect(statusWithObservation('unsupported', { status: 'rejected', date: '2026-11-30' })).toBe('unsupported · observed 2026-11-30');
    expect(statusWithObservation('partial', { status: 'ignored', date: '2026-11-30' }, [{ when: { above: 1 }, effect: 'ignore' }])).toBe('partial · observed 2026-11-30');
    expect(statusWithObservation('partial', { status: 'ignored', date: '2026-11-30' })).toBe('documented: partial · observed 2026-11-30: ignored');
    expect(statusWithObservation('supported', { status: 'rejected', date: '2026-11-30' })).toBe('documented: supported · observed 2026-11-30: rejected');
  });
});

describe('the Errors group', () => {
  const section = (text: string, heading: string) => text.slice(text.indexOf(`\n## ${heading}\n`), text.indexOf('\n## ', text.indexOf(`\n## ${heading}\n`) + 1));

  it('gathers the error and rate-limit behaviours under "Errors", the others under "Behaviours"', () => {
    const errors = section(markdown, 'Errors');
    expect(errors).toContain('### Errors\n\n- **OpenAI\'s error envelope**: Errors come in OpenAI\'s envelope with MiniAI\'s own messages.');
    expect(errors).toContain('### Rate limits\n\n- **Over quota answers 429**: Back off and retry.');
    expect(errors).not.toContain('System messages are hoisted');
    const behaviours = section(markdown, 'Behaviours');
    expect(behaviours).toContain('System messages are hoisted');
    expect(behaviours).not.toContain('error envelope');
    expect(site).toContain('<h2 id="errors">Errors</h2>');
  });
});

describe('one wording of the counts', () => {
  it('the page header, each endpoint and the site index say what compat.json counts', () => {
    const header = `${report.operations.filter((o) => o.offered).length} endpoints offered; ${describeCounts(report.counts)}.`;
    expect(markdown).toContain(header);
    expect(site).toContain(header);
    for (const op of report.operations.filter((o) => o.offered)) {
      const said = describeCounts(op.counts!);
      expect(markdown).toContain(said.charAt(0).toUpperCase() + said.slice(1));
    }
    const index = renderIndexPage(buildMatrix([report], { baseProfile: 'openai', minProviders: 1 }), capabilities);
    expect(index).toContain(`<th data-provider="mini" title="${describeCounts(report.counts)}">`);
  });
});
