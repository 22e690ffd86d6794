/**
 * (a) the claims each overlay places validate against spec/schemas/x-compat.schema.json, and
 * (b) they equal a hand transcription of the provider's docs (test/fixtures/provider-claims/),
 * both ways: nothing missing, nothing extra.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsPlugin from 'ajv-formats';
import { parseYaml } from '../../src/load/document.ts';
import { parseProfile } from '../../src/profile/parse.ts';
import { compileXCompatSchema } from '../../src/profile/schema.ts';
import { appliedSpec, baseSpec, claimRows, clean, operationClaims, PROVIDERS, readText, type ClaimRow, type Json } from './helpers.ts';
import { expectedRows, hasTranscription, operationFacts, transcription, verifiedDate } from './transcription.ts';

const schema = JSON.parse(readText('spec/schemas/x-compat.schema.json')) as Json;

const key = (r: ClaimRow): string => `${r.operation} | ${r.location} | ${r.field} | ${r.models?.join(',') ?? ''} | ${r.mode ?? ''}`;
const sortRows = (rows: ClaimRow[]): ClaimRow[] => [...rows].sort((a, b) => key(a).localeCompare(key(b)));

it('finds the providers and a transcription of the docs for each', () => {
  expect(PROVIDERS.length).toBeGreaterThan(0);
  expect(PROVIDERS.filter((id) => !hasTranscription(id)), 'providers without test/fixtures/provider-claims/<id>.yaml').toEqual([]);
});

describe.each(PROVIDERS.filter(hasTranscription))('provider %s', (id) => {
  let spec: Json;
  const want = transcription(id);
  beforeAll(async () => {
    const applied = await appliedSpec(id);
    expect(applied.diagnostics).toEqual([]);
    spec = applied.spec;
  });
  const root = () => spec['x-compat'] as Json;

  it('(a) x-compat validates against the schema after application', () => {
    expect(parseProfile(spec, { id, validators: compileXCompatSchema(schema) }).diagnostics).toEqual([]);
  });

  it('(b) every row of the docs is claimed, and nothing else (both ways)', () => {
    const got = claimRows(spec);
    const wantRows = expectedRows(want, String(root().source));
    const gotKeys = new Set(got.map(key));
    const wantKeys = new Set(wantRows.map(key));
    expect(wantRows.filter((r) => !gotKeys.has(key(r))).map(key), 'rows of the docs the overlay does not claim').toEqual([]);
    expect(got.filter((r) => !wantKeys.has(key(r))).map(key), 'claims with no row in the docs').toEqual([]);
    expect(sortRows(got)).toEqual(sortRows(wantRows));
  });

  it('(b) offers exactly the operations of the docs, with their status and note', () => {
    const got = [...operationClaims(spec)].map(([op, c]) => clean({ op, status: c.status, note: c.note, source: c.source, lifecycle: c.lifecycle }));
    const byOp = (a: Json, b: Json) => String(a.op).localeCompare(String(b.op));
    expect(got.sort(byOp)).toEqual(operationFacts(want).sort(byOp));
  });

  it('(b) names the provider, server, auth, models, modes and behaviours of the docs', () => {
    expect((root().provider as Json).id).toBe(want.provider);
    expect(want.provider).toBe(id);
    expect((spec.servers as Json[]).map((s) => s.url)).toEqual([want.server]);
    expect(root().auth).toEqual(want.auth);
    expect(root().models).toEqual(want.models);
    expect(((root().modes ?? []) as Json[]).map((m) => [m.id, m.title])).toEqual(want.modes ?? []);
    expect(((root().behaviours ?? []) as Json[]).map((b) => [b.id, b.kind])).toEqual(want.behaviours ?? []);
  });

  it('(b) every source is a dated public URL, checked when the transcription says', () => {
    for (const source of root().sources as Json[]) {
      expect(String(source.url)).toMatch(/^https:\/\//);
      expect(String(source.verified)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const date = verifiedDate(want, String(source.id));
      if (date !== undefined) expect(source.verified, String(source.id)).toBe(date);
    }
  });

  it('(b) records the capabilities the docs mention without claiming them', () => {
    const got = ((root().unverified ?? []) as Json[]).map((u) => [u.operation ?? '-', u.location ?? '-', u.field ?? '-']);
    expect(got).toEqual(want.unverified ?? []);
  });
});

describe('base profile openai', () => {
  const file = 'spec/providers/openai/profile.yaml';
  const profile = parseYaml(readText(file), file) as Json;

  it('validates against the profile definition of the x-compat schema', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    const addFormats = ((addFormatsPlugin as unknown as { default?: typeof addFormatsPlugin }).default ?? addFormatsPlugin) as unknown as (a: Ajv2020) => void;
    addFormats(ajv);
    ajv.addSchema(schema);
    const validate = ajv.getSchema(`${String(schema.$id)}#/$defs/profile`);
    expect(validate?.(profile), JSON.stringify(validate?.errors)).toBe(true);
  });

  it('names the base spec server and the OpenAI key', async () => {
    const { spec } = await baseSpec();
    expect(profile.servers).toEqual((spec.servers as Json[]).map((s) => ({ url: s.url })));
    expect((profile['x-compat'] as Json).auth).toEqual({ scheme: 'bearer', env: 'OPENAI_API_KEY' });
    expect(((profile['x-compat'] as Json).provider as Json).id).toBe('openai');
  });
});
