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
import { appliedSpec, baseSpec, clean, operationClaims, PROVIDERS, readText, type Json, type ProviderId } from './helpers.ts';
import { fixtureDefaults, fixtureRows, rowKey, sortRows, specDefaults, specRows, type Transcription } from './rows.ts';

const schema = JSON.parse(readText('spec/schemas/x-compat.schema.json')) as Json;

function transcription(id: ProviderId): Transcription {
  const file = `test/fixtures/provider-claims/${id}.yaml`;
  return parseYaml(readText(file), file) as Transcription;
}

describe.each(PROVIDERS)('provider %s', (id) => {
  let spec: Json;
  const want = transcription(id);
  const rootSource = (): string => String((spec['x-compat'] as Json).source);
  beforeAll(async () => {
    const applied = await appliedSpec(id);
    expect(applied.diagnostics).toEqual([]);
    spec = applied.spec;
  });

  it('(a) x-compat validates against the schema after application', () => {
    expect(parseProfile(spec, { id, validators: compileXCompatSchema(schema) }).diagnostics).toEqual([]);
  });

  it('(b) every row of the docs is claimed, and nothing else (both ways)', () => {
    const got = specRows(spec);
    const wantRows = fixtureRows(want, rootSource());
    const gotKeys = new Set(got.map(rowKey));
    const wantKeys = new Set(wantRows.map(rowKey));
    expect(wantRows.filter((r) => !gotKeys.has(rowKey(r))).map(rowKey), 'rows of the docs the overlay does not claim').toEqual([]);
    expect(got.filter((r) => !wantKeys.has(rowKey(r))).map(rowKey), 'claims with no row in the docs').toEqual([]);
    expect(sortRows(got)).toEqual(sortRows(wantRows));
  });

  it('(b) states the defaults of the docs ("all other fields ..."), and no other', () => {
    expect(sortRows(specDefaults(spec))).toEqual(sortRows(fixtureDefaults(want, rootSource())));
  });

  it('(b) names the modes and behaviours of the docs', () => {
    const root = spec['x-compat'] as Json;
    expect(((root.modes ?? []) as Json[]).map((m) => m.id)).toEqual(want.modes ?? []);
    expect(((root.behaviours ?? []) as Json[]).map((b) => b.id)).toEqual(want.behaviours ?? []);
  });

  it('(b) offers exactly the operations of the docs, with their status and note', () => {
    const got = [...operationClaims(spec)].map(([op, c]) => clean({ op, status: c.status, note: c.note, source: c.source }));
    const wantOps = want.operations.map(([op, status, note]) => clean({ op, status, note, source: want.sources?.[op] }));
    const byOp = (a: Json, b: Json) => String(a.op).localeCompare(String(b.op));
    expect(got.sort(byOp)).toEqual(wantOps.sort(byOp));
  });

  it('(b) names the provider, server, auth and models of the docs', () => {
    const root = spec['x-compat'] as Json;
    expect((root.provider as Json).id).toBe(want.provider);
    expect((spec.servers as Json[]).map((s) => s.url)).toEqual([want.server]);
    expect(root.auth).toEqual(want.auth);
    expect(root.models).toEqual(want.models);
    if (want.source) expect(root.source).toBe(want.source);
  });

  it('(b) every source is a dated public URL', () => {
    const root = spec['x-compat'] as Json;
    for (const source of root.sources as Json[]) {
      expect(String(source.url)).toMatch(/^https:\/\//);
      // the date the copy gives, else the day it was read; never later than the last reading
      expect(String(source.verified) <= '2026-11-30', String(source.id)).toBe(true);
    }
  });

  it('(b) records the capabilities the docs mention without claiming them', () => {
    const got = (((spec['x-compat'] as Json).unverified ?? []) as Json[]).map((u) => [u.operation ?? '-', u.location ?? '-', u.field ?? '-']);
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
