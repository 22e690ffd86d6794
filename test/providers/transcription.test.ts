/** The transcription format expresses every v2 claim: test/fixtures/profile/v2.yaml against its transcription. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseYaml } from '../../src/load/document.ts';
import { claimRows, clean, operationClaims, type Json } from './helpers.ts';
import { expectedRows, operationFacts, verifiedDate, type Transcription } from './transcription.ts';

const load = (file: string) => parseYaml(readFileSync(file, 'utf8'), file) as Json;
const spec = load('test/fixtures/profile/v2.yaml');
const want = load('test/fixtures/profile/v2-transcription.yaml') as unknown as Transcription;
const key = (r: { operation: string; location: string; field: string; models?: string[]; mode?: string }) => `${r.operation} ${r.location} ${r.field} ${r.models ?? ''} ${r.mode ?? ''}`;
const sorted = <T extends Parameters<typeof key>[0]>(rows: T[]) => [...rows].sort((a, b) => key(a).localeCompare(key(b)));

describe('the provider-claims format on every v2 construct', () => {
  it('transcribes defaults, rules, scopes, variants, conflicts, notInApi, returned, statuses and sources', () => {
    expect(sorted(claimRows(spec))).toEqual(sorted(expectedRows(want, 'acme-openai')));
  });

  it('transcribes operations with their lifecycle, and dates per source', () => {
    const got = [...operationClaims(spec)].map(([op, c]) => clean({ op, status: c.status, note: c.note, source: c.source, lifecycle: c.lifecycle }));
    expect(got).toEqual(operationFacts(want));
    expect(verifiedDate(want, 'tracker')).toBe('2026-11-20');
  });

  it('catches a difference in a scoped row', () => {
    const edited = structuredClone(want);
    (edited.claims[5] as unknown[])[3] = 'ignored';
    expect(sorted(claimRows(spec))).not.toEqual(sorted(expectedRows(edited, 'acme-openai')));
  });

  it('refuses a row with a key it does not know', () => {
    const edited = structuredClone(want);
    edited.claims.push({ operation: 'POST /chat/completions', location: 'request.body', field: 'x', status: 'supported', scope: 'all' });
    expect(() => expectedRows(edited, 'acme-openai')).toThrow(/unknown keys scope/);
  });
});
