/**
 * Golden tests against the providers' own docs: every endpoint, field and header that the docs in
 * ../shared/provider-docs/ list appears in generated/<id>/compat.json with the docs' status and
 * note. The expected rows are the hand transcriptions in test/fixtures/provider-claims/.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CompatReport } from '../../src/compat/types.ts';
import { parseYaml } from '../../src/load/document.ts';

interface Transcription {
  provider: string;
  server: string;
  models: string[];
  operations: [string, string, string?][];
  claims: [string, string, string, string, string?, string?][];
  unverified?: [string, string, string][];
}

const transcription = (id: string) => parseYaml(readFileSync(`test/fixtures/provider-claims/${id}.yaml`, 'utf8'), `${id}.yaml`) as Transcription;
const compat = (id: string) => JSON.parse(readFileSync(`generated/${id}/compat.json`, 'utf8')) as CompatReport;

describe.each(['neosantara', 'compactifai', 'kluster'])('%s: compat.json says what the docs say', (id) => {
  const docs = transcription(id);
  const report = compat(id);
  const offered = report.operations.filter((o) => o.offered).map((o) => o.operation);

  it('the server and the models', () => {
    expect(report.provider.baseUrl).toBe(docs.server);
    expect(report.provider.models ?? []).toEqual(expect.arrayContaining(docs.models));
  });

  it.each(docs.operations)('endpoint %s is %s', (operation, status, note) => {
    const row = report.operations.find((o) => o.operation === operation);
    expect(row, operation).toMatchObject({ status, offered: true });
    if (note) expect(row?.note).toBe(note);
  });

  it.each(docs.claims.map((c) => [c.slice(0, 3).join(' '), c] as const))('%s', (_name, [operation, location, field, status, note, replacement]) => {
    for (const op of operation === '*' ? offered : [operation]) {
      const row = report.fields.find((r) => r.operation === op && r.location === location && r.field === field);
      expect(row, `${op} ${location} ${field}`).toBeDefined();
      expect(row?.status, `${op} ${location} ${field}`).toBe(status);
      expect(row?.claimed).toBe(true);
      if (note) expect(row?.note).toBe(note);
      if (replacement) expect(row?.replacement).toBe(replacement);
      expect(row?.source).toMatch(/^https:\/\//);
    }
  });
});

describe('oxlo: the capabilities its guide asks to verify are recorded, not claimed', () => {
  const docs = transcription('oxlo');
  const report = compat('oxlo');
  const named = (docs.unverified ?? []).filter(([operation]) => operation !== '-');

  it('lists every capability of the guide', () => {
    expect(report.provider.unverified?.length).toBe(docs.unverified?.length);
  });

  it.each(named)('%s %s %s', (operation, location, field) => {
    const recorded = report.provider.unverified?.find((u) => u.operation === operation && (location === '-' || (u.location === location && u.field === field)));
    expect(recorded?.capability).toBeTruthy();
    if (location === '-') {
      expect(report.operations.find((o) => o.operation === operation)?.unverified).toBe(recorded?.capability);
    } else {
      const row = report.fields.find((r) => r.operation === operation && r.location === location && r.field === field);
      expect(row?.unverified).toBe(recorded?.capability);
      // Asked to verify is not a claim: the status is the claim's if one exists, else undocumented.
      const claim = docs.claims.find((c) => c[0] === operation && c[1] === location && c[2] === field);
      expect(row?.status).toBe(claim ? claim[3] : 'undocumented');
    }
  });

  it('records the one endpoint the guide shows, and its claims', () => {
    for (const [operation, status] of docs.operations) expect(report.operations.find((o) => o.operation === operation)?.status).toBe(status);
    for (const [operation, location, field, status] of docs.claims) {
      expect(report.fields.find((r) => r.operation === operation && r.location === location && r.field === field)?.status).toBe(status);
    }
  });
});
