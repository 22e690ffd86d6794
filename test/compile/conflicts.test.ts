import { describe, expect, it } from 'vitest';
import { handWrittenConflicts } from '../../src/compile/conflicts.ts';
import type { JsonObject } from '../../src/load/json.ts';
import { applyOverlay } from '../../src/overlay/index.ts';
import type { Claim } from '../../src/profile/types.ts';
import { chatSpec } from './fixture.ts';
import { operation, profile } from './model.ts';

const CLAIM = (field: string) => `/paths/~1chat~1completions/post/x-compat/fields/request.body/${field}`;
const REQUEST = "$.components.schemas.CreateChatCompletionRequest.allOf[1].properties";

function conflicts(actions: JsonObject[], claims: Record<string, Claim>) {
  const base = chatSpec();
  const applied = applyOverlay(base, { overlay: '1.1.0', info: { title: 't', version: '1' }, actions }, { strict: true, file: 'overlay.yaml' });
  expect(applied.diagnostics).toEqual([]);
  const model = profile('p', [operation('POST /chat/completions', { 'request.body': claims })]);
  return handWrittenConflicts({ base, spec: applied.document as JsonObject, model, provenance: applied.provenance });
}

describe('handWrittenConflicts', () => {
  it.each([
    ['re-adds an unsupported field', [{ target: "$.components.schemas.DeveloperMessage.properties", update: { extra: { type: 'string' } } }], { 'messages[].extra': { status: 'unsupported' } }, 'messages[].extra', /action 0 adds messages\[\]\.extra/],
    ['removes a supported field', [{ target: `${REQUEST}.n`, remove: true }], { n: { status: 'supported' } }, 'n', /action 0 removes n .* supported/],
    ['removes a field claimed ignored, through a copy-on-write by hand', [{ target: "$.components.schemas.CreateChatCompletionRequest.allOf[0]", update: { $ref: '#/components/schemas/ChatResponse' } }], { temperature: { status: 'ignored' } }, 'temperature', /action 0 removes temperature/],
    ['excludes a value a clamp rule accepts', [{ target: `${REQUEST}.n`, update: { maximum: 1 } }], { n: { status: 'partial', rules: [{ when: { above: 1 }, effect: 'clamp', to: 1 }] } }, 'n', /action 0 makes n .* reject 2/],
    ['excludes the one value a reject rule allows', [{ target: `${REQUEST}.n`, update: { enum: [2] } }], { n: { status: 'partial', rules: [{ when: { notIn: [1] }, effect: 'reject' }] } }, 'n', /reject 1/],
  ] as [string, JsonObject[], Record<string, Claim>, string, RegExp][])('fails when a hand-written action %s, naming both', (_, actions, claims, field, message) => {
    const [problem, ...rest] = conflicts(actions, claims);
    expect(rest).toEqual([]);
    expect(problem.message).toMatch(message);
    expect(problem.message).toContain(`(claim ${CLAIM(field)})`);
    expect(problem.location).toMatchObject({ file: 'overlay.yaml', action: 0, pointer: '/actions/0' });
  });

  it('accepts actions that agree with the claims', () => {
    const actions = [{ target: `${REQUEST}.n`, update: { maximum: 1 } }, { target: `${REQUEST}.top_logprobs`, remove: true }];
    expect(conflicts(actions, { n: { status: 'partial', rules: [{ when: { above: 1 }, effect: 'reject' }] }, top_logprobs: { status: 'unsupported' }, model: { status: 'supported' } })).toEqual([]);
  });
});
