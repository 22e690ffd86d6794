/** Plan stage on a small profile model: which fields are probed, with which design and what they document. */
import { describe, expect, it } from 'vitest';
import { planProbe, renderPlan } from '../../src/probe/plan.ts';
import type { OperationModel, ProfileModel } from '../../src/profile/types.ts';

const chat: OperationModel = {
  key: 'POST /chat/completions',
  method: 'POST',
  path: '/chat/completions',
  pointer: '/paths/~1chat~1completions/post',
  status: 'supported',
  defaults: { 'request.body': { status: 'ignored' } },
  fields: {
    'request.body': {
      n: [{ status: 'partial', rules: [{ when: { notIn: [1] }, effect: 'reject' }] }],
      seed: [{ status: 'supported' }, { status: 'unsupported', models: ['small'] }],
      logprobs: [{ status: 'supported' }, { status: 'unsupported', mode: 'thinking' }, { status: 'ignored', mode: 'thinking', models: ['small'] }],
      'response_format[type=json_schema]': [{ status: 'unsupported' }],
      response_format: [{ status: 'supported' }],
      user: [{ status: 'ignored' }],
      thinking: [{ status: 'extension' }],
      'messages[role=system]': [{ status: 'supported' }],
    },
  },
};
const modes = [{ id: 'thinking', title: 'Thinking', how: 'on by default', default: true }];
const profile = { id: 'acme', name: 'Acme', models: ['large', 'small'], modes, operations: [chat], auth: { scheme: 'bearer', env: 'ACME_API_KEY' } } as unknown as ProfileModel;

describe('planProbe', () => {
  it('probes each designed field, checks claimed fields by acceptance, and leaves the rest unobservable', () => {
    const plan = planProbe(profile);
    const rows = Object.fromEntries(plan.fields.map((f) => [f.field, [f.documented, f.kind, f.cost]]));
    expect(rows).toMatchObject({
      n: ['partial', 'effect', 3],
      seed: ['supported', 'effect', 3],
      user: ['ignored', 'acceptance', 1],
      thinking: ['extension', 'none', 0],
      // The default "ignored" does not reach what the operation cannot do without.
      tools: ['undocumented', 'effect', 2],
      max_tokens: ['ignored', 'effect', 2],
      // The requests select no mode: the default mode's claim holds.
      logprobs: ['unsupported', 'effect', 2],
      response_format: ['supported', 'effect', 2],
      'response_format[type=json_schema]': ['unsupported', 'effect', 2],
    });
    expect(plan.mode).toBe('thinking');
    expect(rows['messages[role=system]']).toBeUndefined();
    expect(plan.model).toBe('large');
    expect(plan.requests).toBe(plan.fields.reduce((sum, f) => sum + f.cost, 0));
  });

  it('reads the claim scoped to the model sent, and keeps only --fields', () => {
    const plan = planProbe(profile, { model: 'small', fields: ['seed', 'user', 'logprobs'] });
    expect(plan.fields.map((f) => [f.field, f.documented])).toEqual([
      ['logprobs', 'ignored'],
      ['seed', 'unsupported'],
      ['user', 'ignored'],
    ]);
    expect(renderPlan(plan, 1)).toContain('model small (thinking mode): 3 fields, at most 6 requests (more than --max-requests 1');
  });
});
