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
import { appliedSpec, baseSpec, claimRows, clean, operationClaims, PROVIDERS, readText, type ClaimRow, type Json, type ProviderId } from './helpers.ts';

const schema = JSON.parse(readText('spec/schemas/x-compat.schema.json')) as Json;

interface Transcription {
  provider: string;
  server: string;
  auth: Json;
  models: string[];
  operations: string[][];
  claims: string[][];
  sources?: Record<string, string>;
  unverified?: string[][];
  /** Source id → its `verified` date (absent: every source was verified 2026-11-21). */
  sourceDates?: Record<string, string>;
  /** Ids of the sources that are third parties' pages. */
  thirdParty?: string[];
  /** Ids of the provider-wide behaviours. */
  behaviours?: string[];
  /** `[operation, state, date, replacement, answer status, source]`. */
  lifecycle?: unknown[][];
  /** `[operation, location, status, note]`: the status of the fields no claim names. */
  defaults?: string[][];
}

/** The v2 keys a fixture row may carry in its last column. */
interface RowExtras {
  models?: string[];
  mode?: string;
  rules?: unknown[][];
  returned?: string;
  conflicts?: unknown[][];
  source?: string;
}

function transcription(id: ProviderId): Transcription {
  const file = `test/fixtures/provider-claims/${id}.yaml`;
  return parseYaml(readText(file), file) as Transcription;
}

/** The fixture's rows, `*` expanded to every operation, with their non-default sources. */
function expectedRows(t: Transcription): ClaimRow[] {
  const operations = t.operations.map(([op]) => op);
  return (t.claims as unknown as [string, string, string, string, string?, string?, RowExtras?][]).flatMap(([operation, location, field, status, note, replacement, extras = {}]) =>
    (operation === '*' ? operations : [operation]).map((op) => {
      const source = extras.source ?? t.sources?.[`${op} ${location} ${field}`] ?? t.sources?.[`${operation} ${location} ${field}`] ?? t.sources?.[`${operation} ${location}`];
      const { models, mode, rules, returned, conflicts } = extras;
      return clean({ operation: op, location, field, status, note: note ?? undefined, replacement: replacement ?? undefined, source, models, mode, rules, returned, conflicts }) as unknown as ClaimRow;
    }),
  );
}

/** A row's identity: the field, and the models or mode its claim is scoped to. */
const key = (r: ClaimRow): string => `${r.operation} | ${r.location} | ${r.field}${r.models ? ` | models ${r.models.join(',')}` : ''}${r.mode ? ` | mode ${r.mode}` : ''}`;
const sortRows = (rows: ClaimRow[]): ClaimRow[] => [...rows].sort((a, b) => key(a).localeCompare(key(b)));

describe.each(PROVIDERS)('provider %s', (id) => {
  let spec: Json;
  const want = transcription(id);
  beforeAll(async () => {
    const applied = await appliedSpec(id);
    expect(applied.diagnostics).toEqual([]);
    spec = applied.spec;
  });

  it('(a) x-compat validates against the schema after application', () => {
    expect(parseProfile(spec, { id, validators: compileXCompatSchema(schema) }).diagnostics).toEqual([]);
  });

  it('(b) every row of the docs is claimed, and nothing else (both ways)', () => {
    const got = claimRows(spec);
    const wantRows = expectedRows(want);
    const gotKeys = new Set(got.map(key));
    const wantKeys = new Set(wantRows.map(key));
    expect(wantRows.filter((r) => !gotKeys.has(key(r))).map(key), 'rows of the docs the overlay does not claim').toEqual([]);
    expect(got.filter((r) => !wantKeys.has(key(r))).map(key), 'claims with no row in the docs').toEqual([]);
    expect(sortRows(got)).toEqual(sortRows(wantRows));
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
  });

  it('(b) every source is a dated public URL, third parties marked', () => {
    const root = spec['x-compat'] as Json;
    const sources = root.sources as Json[];
    for (const source of sources) {
      expect(String(source.url)).toMatch(/^https:\/\//);
      expect(source.verified, String(source.id)).toBe(want.sourceDates?.[String(source.id)] ?? '2026-11-21');
    }
    if (want.sourceDates) expect(sources.map((s) => s.id).sort()).toEqual(Object.keys(want.sourceDates).sort());
    expect(sources.filter((s) => s.thirdParty === true).map((s) => s.id)).toEqual(want.thirdParty ?? []);
  });

  it('(b) names the behaviours of the docs', () => {
    expect((((spec['x-compat'] as Json).behaviours ?? []) as Json[]).map((b) => b.id)).toEqual(want.behaviours ?? []);
  });

  it('(b) dates the lifecycle of the operations the docs retire or deprecate', () => {
    const got = [...operationClaims(spec)]
      .filter(([, c]) => c.lifecycle !== undefined)
      .map(([op, c]) => {
        const l = c.lifecycle as Json;
        return [op, l.state, l.date ?? null, l.replacement ?? null, (l.answer as Json | undefined)?.status ?? null, l.source ?? c.source ?? (spec['x-compat'] as Json).source];
      });
    const byOp = (a: unknown[], b: unknown[]) => String(a[0]).localeCompare(String(b[0]));
    expect(got.sort(byOp)).toEqual([...(want.lifecycle ?? [])].sort(byOp));
  });

  it('(b) states the defaults the docs give for unnamed fields', () => {
    const got = [...operationClaims(spec)].flatMap(([op, c]) => Object.entries((c.defaults ?? {}) as Json).map(([location, d]) => [op, location, (d as Json).status, (d as Json).note]));
    const order = (a: unknown[], b: unknown[]) => `${String(a[0])} ${String(a[1])}`.localeCompare(`${String(b[0])} ${String(b[1])}`);
    expect(got.sort(order)).toEqual([...(want.defaults ?? [])].sort(order));
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
