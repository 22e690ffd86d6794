/** Verdict stage: agreement of observed verdicts with documented statuses, and the judging of failures. */
import { describe, expect, it } from 'vitest';
import type { Design, Observed } from '../../src/probe/designs/types.ts';
import { names } from '../../src/probe/designs/read.ts';
import { agrees, judgeField } from '../../src/probe/verdict.ts';
import type { Claim } from '../../src/profile/types.ts';

const clamp: Claim = { status: 'partial', rules: [{ when: { above: 1 }, effect: 'clamp', to: 1 }] };
const mustBeOne: Claim = { status: 'partial', rules: [{ when: { notIn: [1] }, effect: 'reject' }] };
const ignoreSome: Claim = { status: 'partial', rules: [{ when: { equals: 0 }, effect: 'ignore' }] };

describe('agrees(documented, verdict, claim)', () => {
  it.each([
    ['supported', 'honoured', undefined, true],
    ['supported', 'ignored', undefined, false],
    ['supported', 'rejected', undefined, false],
    ['extension', 'honoured', undefined, true],
    ['deprecated', 'honoured', undefined, true],
    ['deprecated', 'rejected', undefined, false],
    ['undocumented', 'honoured', undefined, true],
    ['undocumented', 'transformed', undefined, false],
    ['ignored', 'ignored', undefined, true],
    ['ignored', 'rejected', undefined, false],
    ['ignored', 'honoured', undefined, false],
    ['unsupported', 'rejected', undefined, true],
    ['unsupported', 'ignored', undefined, false],
    ['unsupported', 'honoured', undefined, false],
    ['partial', 'honoured', clamp, true],
    ['partial', 'transformed', clamp, true],
    ['partial', 'rejected', clamp, false],
    ['partial', 'rejected', mustBeOne, true],
    ['partial', 'ignored', mustBeOne, false],
    ['partial', 'ignored', ignoreSome, true],
    ['partial', 'rejected', { status: 'partial', note: 'Must be 1' }, true],
    ['supported', 'inconclusive', undefined, true],
    ['ignored', 'unobservable', undefined, true],
  ] as const)('%s vs %s (%o) → %s', (documented, verdict, claim, want) => {
    expect(agrees(documented, verdict, claim)).toBe(want);
  });
});

const exchange = (role: string, status: number, json?: unknown, error?: string): Observed => ({
  exchange: { role, request: { method: 'POST', path: '/chat/completions', body: {} }, ...(error ? { error } : { response: { status, body: json } }), ms: 1 },
  json,
});
const design: Design = { steps: [{ role: 'control', body: () => ({}) }, { role: 'treatment', body: () => ({}) }], judge: () => ({ verdict: 'honoured', reason: 'the design judged' }) };
const envelope = (message: string, param: string | null = null) => ({ error: { message, type: 'invalid_request_error', param, code: null } });

describe('judgeField', () => {
  it.each([
    ['a treatment 400 whose param names the field', [exchange('control', 200), exchange('treatment', 400, envelope('bad', 'logprobs'))], 'rejected'],
    ['a treatment 400 whose message names it', [exchange('control', 200), exchange('treatment', 400, envelope("Unrecognized request argument supplied: logprobs"))], 'rejected'],
    ['a treatment 400 about another field', [exchange('control', 200), exchange('treatment', 400, envelope('bad', 'temperature'))], 'inconclusive'],
    ['a failed control', [exchange('control', 400, envelope('bad', 'logprobs')), exchange('treatment', 200)], 'inconclusive'],
    ['a 429 that outlasted the retries', [exchange('control', 200), exchange('treatment', 429, envelope('slow down'))], 'inconclusive'],
    ['a transport failure', [exchange('control', 200), exchange('treatment', 0, undefined, 'ECONNRESET')], 'inconclusive'],
    ['answers the design reads', [exchange('control', 200), exchange('treatment', 200)], 'honoured'],
  ] as const)('%s → %s', (_, done, want) => {
    expect(judgeField('logprobs', design, [...done]).verdict).toBe(want);
  });

  it('tells a field name from a word that contains it', () => {
    expect(names({ message: "'n' must be 1" }, 'n')).toBe(true);
    expect(names({ message: 'invalid n_predict' }, 'n')).toBe(false);
    expect(names({ message: 'x', param: 'stream_options.include_usage' }, 'stream_options')).toBe(true);
  });
});
