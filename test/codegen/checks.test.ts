// The checks of the fixture profile's generated code (golden files, kept fresh by generator.test.ts).
import { describe, expect, it } from 'vitest';
import type { CheckResult, PrepareOptions, PrepareReport } from '../../src/runtime/index.ts';
import * as generated from '../fixtures/codegen/mini/expected/index.gen.ts';

/** Loosely typed, to also call operations the profile does not offer (its types are proven in types/mini.types.ts). */
const mini = generated as unknown as {
  checkRequest(operation: string, body: unknown): CheckResult;
  checkResponse(operation: string, status: number, body: unknown): CheckResult;
  checkStreamEvent(operation: string, event: unknown): CheckResult;
  prepareRequest<T>(operation: string, body: T, options?: PrepareOptions): { body: T; report: PrepareReport };
};
type Mini = typeof mini;

const OP = 'POST /chat/completions';
const base = { model: 'mini-1', messages: [{ role: 'user', content: 'hi' }] };

describe('checkRequest: one case per status of the vocabulary', () => {
  const cases: { status: string; body: Record<string, unknown>; ok: boolean; errors: [string, string][]; warnings: [string, string][]; message?: RegExp }[] = [
    { status: 'supported', body: { ...base, model: 'x' }, ok: true, errors: [], warnings: [] },
    { status: 'undocumented (no claim)', body: { ...base, temperature: 0.5 }, ok: true, errors: [], warnings: [] },
    { status: 'extension', body: { ...base, reasoning: { effort: 'high' } }, ok: true, errors: [], warnings: [] },
    { status: 'partial, within the contract', body: { ...base, n: 1 }, ok: true, errors: [], warnings: [] },
    { status: 'partial, outside the contract', body: { ...base, n: 2 }, ok: false, errors: [['n', 'partial']], warnings: [], message: /^n: must be 1 \(MiniAI: must be exactly 1\)$/ },
    { status: 'ignored', body: { ...base, logprobs: true }, ok: true, errors: [], warnings: [['logprobs', 'ignored']], message: /`logprobs` is ignored by MiniAI: no log probabilities are returned/ },
    { status: 'deprecated', body: { ...base, functions: [{ name: 'f' }] }, ok: true, errors: [], warnings: [['functions', 'deprecated']], message: /deprecated by MiniAI: kept for old clients; use `tools` instead/ },
    { status: 'unsupported', body: { ...base, logit_bias: { '1': 2 } }, ok: false, errors: [['logit_bias', 'unsupported']], warnings: [], message: /`logit_bias` is not supported by MiniAI: rejected with HTTP 400/ },
    {
      status: 'unsupported, nested in array items',
      body: { ...base, messages: [{ role: 'user', content: 'a', name: 'x' }, { role: 'system', content: 'b' }, { role: 'user', content: 'c', name: 'y' }] },
      ok: false,
      errors: [['messages[].name', 'unsupported']],
      warnings: [],
      message: /`messages\[\]\.name` \(at messages\[0\]\.name, messages\[2\]\.name\) is not supported by MiniAI/,
    },
    { status: 'invalid (schema violation)', body: { model: 'x', messages: [] }, ok: false, errors: [['messages', 'invalid']], warnings: [], message: /messages: must NOT have fewer than 1 items/ },
    { status: 'invalid (missing required)', body: { messages: base.messages }, ok: false, errors: [['model', 'invalid']], warnings: [], message: /model: must have required property 'model'/ },
  ];
  for (const { status, body, ok, errors, warnings, message } of cases) {
    it(status, () => {
      const result = mini.checkRequest(OP, body);
      expect(result.ok).toBe(ok);
      expect(result.errors.map((i) => [i.field, i.status])).toEqual(errors);
      expect(result.warnings.map((i) => [i.field, i.status])).toEqual(warnings);
      if (message) expect([...result.errors, ...result.warnings][0].message).toMatch(message);
    });
  }

  it('reports two ignored fields and a deprecated one together', () => {
    const result = mini.checkRequest(OP, { ...base, logprobs: true, top_logprobs: 2, functions: [] });
    expect(result).toMatchObject({ ok: true, errors: [] });
    expect(result.warnings.map((i) => i.field)).toEqual(['logprobs', 'top_logprobs', 'functions']);
  });

  it('validates inline request schemas', () => {
    expect(mini.checkRequest('POST /embeddings', { model: 'e', input: '' }).errors.map((i) => i.field)).toEqual(['input']);
    expect(mini.checkRequest('POST /embeddings', { model: 'e', input: 'x' }).ok).toBe(true);
  });

  it('refuses operations the profile does not offer (at run time as well)', () => {
    const result = mini.checkRequest('POST /audio/speech' as never, {});
    expect(result).toEqual({ ok: false, warnings: [], errors: [{ field: '', status: 'unsupported', message: 'POST /audio/speech is not offered by MiniAI' }] });
  });
});

describe('checkResponse and checkStreamEvent', () => {
  const answer = { id: 'c1', object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content: 'hello' } }], usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 } };
  const cases: { name: string; status: number; body: unknown; errors: [string, string][] }[] = [
    { name: 'a valid answer', status: 200, body: answer, errors: [] },
    { name: 'a field the profile calls unsupported', status: 200, body: { ...answer, usage: { ...answer.usage, completion_tokens_details: {} } }, errors: [['usage.completion_tokens_details', 'unsupported']] },
    { name: 'a schema violation', status: 200, body: { ...answer, object: 'chat.completion.chunk' }, errors: [['object', 'invalid']] },
    { name: 'an error envelope on 400', status: 400, body: { error: { message: 'bad', type: 'invalid_request_error', param: null, code: null } }, errors: [] },
    { name: 'a malformed error envelope on 400', status: 400, body: { error: 'bad' }, errors: [['error', 'invalid']] },
    { name: 'a status without a schema', status: 500, body: 'oops', errors: [] },
  ];
  for (const { name, status, body, errors } of cases) {
    it(name, () => expect(mini.checkResponse(OP, status, body).errors.map((i) => [i.field, i.status])).toEqual(errors));
  }

  it('checks stream events against the text/event-stream schema', () => {
    const chunk = { id: 'c1', object: 'chat.completion.chunk', choices: [{ index: 0, delta: { content: 'h' }, finish_reason: null }] };
    expect(mini.checkStreamEvent(OP, chunk).ok).toBe(true);
    expect(mini.checkStreamEvent(OP, { ...chunk, object: 'chat.completion' }).errors.map((i) => i.field)).toEqual(['object']);
    expect(mini.checkStreamEvent('GET /models', {}).errors[0].message).toBe('GET /models does not stream on MiniAI');
  });
});

describe('prepareRequest', () => {
  const body = { ...base, messages: [{ role: 'user', content: 'a', name: 'x' }], logprobs: true, logit_bias: {}, functions: [] };
  const cases: { name: string; options?: Parameters<Mini['prepareRequest']>[2]; keys: string[]; ok: boolean; errors: string[]; warnings: string[]; stripped: string[] }[] = [
    { name: 'defaults: keep ignored, refuse unsupported', keys: ['model', 'messages', 'logprobs', 'logit_bias', 'functions'], ok: false, errors: ['logit_bias', 'messages[].name'], warnings: ['logprobs', 'functions'], stripped: [] },
    { name: 'strip unsupported', options: { unsupported: 'strip' }, keys: ['model', 'messages', 'logprobs', 'functions'], ok: true, errors: [], warnings: ['logprobs', 'functions'], stripped: ['logit_bias', 'messages[].name'] },
    { name: 'strip both', options: { ignored: 'strip', unsupported: 'strip' }, keys: ['model', 'messages', 'functions'], ok: true, errors: [], warnings: ['functions'], stripped: ['logprobs', 'logit_bias', 'messages[].name'] },
    { name: 'ignored as errors', options: { ignored: 'error', unsupported: 'strip' }, keys: ['model', 'messages', 'logprobs', 'functions'], ok: false, errors: ['logprobs'], warnings: ['functions'], stripped: ['logit_bias', 'messages[].name'] },
  ];
  for (const { name, options, keys, ok, errors, warnings, stripped } of cases) {
    it(name, () => {
      const { body: prepared, report } = mini.prepareRequest(OP, body, options);
      expect(Object.keys(prepared)).toEqual(keys);
      expect(report.ok).toBe(ok);
      expect(report.errors.map((i) => i.field)).toEqual(errors);
      expect(report.warnings.map((i) => i.field)).toEqual(warnings);
      expect(report.stripped.map((i) => i.field)).toEqual(stripped);
    });
  }

  it('never changes the caller’s body', () => {
    const copy = structuredClone(body);
    const { body: prepared } = mini.prepareRequest(OP, body, { ignored: 'strip', unsupported: 'strip' });
    expect(body).toEqual(copy);
    expect(prepared.messages[0]).toEqual({ role: 'user', content: 'a' });
  });

  it('reports schema violations of the prepared body', () => {
    const { report } = mini.prepareRequest(OP, { ...base, n: 3 });
    expect(report.errors.map((i) => [i.field, i.status])).toEqual([['n', 'partial']]);
  });
});
