/** The compat model on vocabulary v2 constructs (test/fixtures/compat/v2-claims.yaml on the mini base). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildCompatReport } from '../../src/compat/model.ts';
import { renderProviderMarkdown } from '../../src/compat/page/markdown.ts';
import type { FieldRow } from '../../src/compat/types.ts';
import { parseYaml } from '../../src/load/document.ts';
import { parseProfile } from '../../src/profile/parse.ts';

const load = (file: string) => parseYaml(readFileSync(file, 'utf8'), file) as Record<string, any>;
const base = load('test/fixtures/compat/mini/base.yaml');
const claims = load('test/fixtures/compat/v2-claims.yaml');
const spec = structuredClone(base);
spec['x-compat'] = claims.root;
spec.paths['/chat/completions'].post['x-compat'] = claims.chat;
delete spec.paths['/embeddings'];
delete spec.paths['/models'];
const parsed = parseProfile(spec, { id: 'minitwo' });
const { report, diagnostics } = buildCompatReport({ id: 'minitwo', spec, base, provenance: [], overlayFile: 'o.yaml', model: parsed.model }, { title: 'Mini API', version: '1', sha256: '0'.repeat(64) });
const chat = 'POST /chat/completions';
const rows = (location: FieldRow['location'], field: string) => report.fields.filter((r) => r.operation === chat && r.location === location && r.field === field);
const row = (location: FieldRow['location'], field: string) => rows(location, field)[0];

describe('compat model v2', () => {
  it('parses and builds without a problem', () => {
    expect(parsed.diagnostics).toEqual([]);
    expect(diagnostics).toEqual([]);
  });

  it('gives unlisted fields the default, flagged by default; undocumented only where no default', () => {
    expect(row('request.body', 'temperature')).toMatchObject({ status: 'supported', byDefault: true, note: "all other fields behave as in OpenAI's API", source: 'https://docs.minitwo.example/compat', claimed: false });
    expect(row('request.body', 'model')).toMatchObject({ status: 'supported', byDefault: true });
    expect(row('response.body', 'usage')).toMatchObject({ status: 'undocumented' });
    expect(row('response.body', 'usage').byDefault).toBeUndefined();
    expect(report.operations.find((o) => o.operation === chat)?.defaults).toEqual({ 'request.body': { status: 'supported', note: "all other fields behave as in OpenAI's API", source: 'https://docs.minitwo.example/compat', verified: '2026-11-30' } });
  });

  it('keeps inheritance ahead of the default', () => {
    expect(row('request.body', 'tools[].function.name')).toMatchObject({ status: 'supported', byDefault: true });
    expect(row('request.body', 'metadata')).toMatchObject({ status: 'ignored', claimed: true });
  });

  it('adds one row per scoped claim after the field\'s row', () => {
    expect(rows('request.body', 'tools').map((r) => [r.status, r.models, r.mode, r.note])).toEqual([
      ['supported', undefined, undefined, undefined],
      ['unsupported', ['mini-small'], undefined, 'no tools on small models'],
      ['ignored', undefined, 'thinking', undefined],
    ]);
  });

  it('carries rules, variants, returned, response.stream rows and notInApi', () => {
    expect(row('request.body', 'n')).toMatchObject({ status: 'partial', rules: [{ when: { notIn: [1] }, effect: 'reject' }] });
    expect(row('request.body', 'messages[role=system]')).toMatchObject({ status: 'supported', variantOf: 'messages', inBase: true, claimed: true });
    expect(row('response.body', 'id')).toMatchObject({ status: 'supported', returned: 'empty' });
    expect(row('response.stream', 'choices[].delta.content')).toMatchObject({ status: 'supported', claimed: true });
    expect(row('request.body', 'prompt_cache_key')).toMatchObject({ status: 'ignored', notInApi: true, inBase: false, inProvider: false });
  });

  it('tells provider deprecation from OpenAI\'s, and keeps conflicts and third-party sources', () => {
    expect(row('request.body', 'store')).toMatchObject({ status: 'deprecated', deprecatedBy: 'provider', conflicts: [{ status: 'ignored', note: 'silently dropped', source: 'https://forum.example/minitwo', verified: '2026-11-29' }] });
    expect(row('request.body', 'store').thirdParty).toBeUndefined();
    expect(row('request.body', 'max_tokens')).toMatchObject({ status: 'supported', byDefault: true, deprecatedBy: 'openai' });
    expect(row('request.body', 'metadata')).toMatchObject({ thirdParty: true, source: 'https://forum.example/minitwo' });
  });

  it('carries the root behaviours, modes and lifecycle, and the operation lifecycle', () => {
    expect(report.provider).toMatchObject({
      models: ['mini-large', 'mini-small'],
      modes: [{ id: 'thinking', title: 'Thinking', how: 'thinking: {type: enabled}' }],
      behaviours: [{ id: 'hoisting', kind: 'messages', title: 'System messages are hoisted' }],
      lifecycle: { state: 'deprecated', date: '2027-01-31', replacement: 'the v2 API' },
    });
    expect(report.operations.find((o) => o.operation === chat)?.lifecycle).toMatchObject({ state: 'deprecated', date: '2026-12-31', replacement: 'POST /responses' });
  });

  it('counts covered fields by status (by default included), one per field key, limits apart', () => {
    const counts = report.operations.find((o) => o.operation === chat)!.counts!;
    const mainRows = report.fields.filter((r) => !r.models && !r.mode && !r.notInApi);
    expect(counts.byDefault).toBe(mainRows.filter((r) => r.byDefault).length);
    expect(counts.byDefault).toBeGreaterThan(10);
    expect(counts.byStatus.unsupported).toBe(0); // the scoped `tools` row is not counted
    expect(counts.notInApi).toBe(1);
    expect(counts.limits).toBe(1);
    expect(counts.undocumented).toBe(mainRows.filter((r) => r.status === 'undocumented').length);
    expect(report.counts).toEqual(counts);
  });

  it('renders into COMPATIBILITY.md', () => {
    const md = renderProviderMarkdown(report, parsed.model);
    for (const text of ['messages[role=system]', 'prompt_cache_key', 'mini-small', 'choices[].delta.content']) expect(md).toContain(text);
  });

  it('shows a claim whose only source is a third party as unverified, and says so of that source', () => {
    const md = renderProviderMarkdown(report, parsed.model);
    const line = (field: string) => md.split('\n').find((l) => l.startsWith(`| \`${field}\` |`));
    expect(line('metadata')).toMatch(/\(unverified: third-party source \d+\) \|$/);
    expect(line('store')).not.toContain('unverified');
    expect(md).toMatch(/\[[^\]]*\]\(https:\/\/forum\.example\/minitwo\), verified [\d-]+ \(a third party: claims citing only it are unverified\)/);
  });
});
