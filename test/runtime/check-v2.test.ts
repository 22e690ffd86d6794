/** Vocabulary v2 in the runtime checks: model-scoped claims and location defaults (from the profile model). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { collectOperations } from '../../src/codegen/operations.ts';
import { profileOf } from '../../src/codegen/profile.ts';
import { parseYaml } from '../../src/load/document.ts';
import { parseProfile } from '../../src/profile/parse.ts';
import { checkRequest, prepareRequest } from '../../src/runtime/check.ts';
import type { OperationTable, ProviderProfile } from '../../src/runtime/types.ts';

const file = 'test/fixtures/profile/v2.yaml';
const provider: ProviderProfile = { id: 'acme', name: 'Acme AI', baseUrl: 'https://api.acme.example/v1', auth: { scheme: 'bearer', env: 'ACME_API_KEY' } };
const chat = 'POST /chat/completions';

/** The operations table codegen would emit for the fixture, with the chat default set to `status`. */
function table(status: 'supported' | 'ignored' | 'unsupported'): OperationTable {
  const spec = parseYaml(readFileSync(file, 'utf8'), file) as Record<string, any>;
  spec.paths['/chat/completions'].post['x-compat'].defaults['request.body'].status = status;
  const { model } = parseProfile(spec, { id: 'acme' });
  // Claims only: the fixture has no schemas, so there are no validators.
  const entries = collectOperations(spec, model).map(({ key, method, path, requestClaims, requestClaimsByModel, requestDefault, requestListed, responseClaims }) => [
    key,
    { method, path, responses: {}, requestClaims, requestClaimsByModel, requestDefault, requestListed, responseClaims },
  ]);
  return Object.fromEntries(entries) as OperationTable;
}

describe('model-scoped claims', () => {
  const ops = table('supported');
  const body = (model: string) => ({ model, messages: [], reasoning_effort: 'high' });

  it('are emitted per model, the unscoped claims with that model\'s in their place', () => {
    expect(ops[chat].requestClaimsByModel?.['acme-small'].reasoning_effort).toEqual({ status: 'unsupported', note: 'small models do not reason' });
    expect(ops[chat].requestClaimsByModel?.['acme-large'].reasoning_effort).toEqual({ status: 'supported' });
    expect(ops[chat].requestClaimsByModel?.['acme-small'].logprobs).toEqual({ status: 'unsupported' });
    expect(ops[chat].requestClaims?.reasoning_effort).toBeUndefined();
  });

  it('apply when the request names the model', () => {
    expect(checkRequest(ops, provider, chat, body('acme-small')).errors).toEqual([
      { field: 'reasoning_effort', status: 'unsupported', message: '`reasoning_effort` is not supported by Acme AI: small models do not reason' },
    ]);
    expect(checkRequest(ops, provider, chat, body('acme-large')).ok).toBe(true);
    expect(checkRequest(ops, provider, chat, body('another-model')).ok).toBe(true);
  });

  it('apply to prepareRequest too', () => {
    const { body: sent, report } = prepareRequest(ops, provider, chat, body('acme-small'), { unsupported: 'strip' });
    expect(sent).toEqual({ model: 'acme-small', messages: [] });
    expect(report.stripped.map((i) => i.field)).toEqual(['reasoning_effort']);
  });
});

describe('location defaults', () => {
  const body = { model: 'acme-large', messages: [], n: 1, top_k: 5 };

  it('a supported default adds nothing', () => {
    expect(table('supported')[chat].requestDefault).toBeUndefined();
    expect(checkRequest(table('supported'), provider, chat, body).ok).toBe(true);
  });

  it('an unsupported default makes unlisted fields errors', () => {
    const result = checkRequest(table('unsupported'), provider, chat, body);
    expect(result.errors.map((i) => [i.field, i.status])).toEqual([
      ['model', 'unsupported'],
      ['top_k', 'unsupported'],
    ]);
    expect(result.errors[1].message).toBe("`top_k` is not supported by Acme AI (by default: the docs list the fields it takes; All other fields behave as in OpenAI's API)");
  });

  it('an ignored default makes unlisted fields warnings, which prepareRequest can strip', () => {
    const ops = table('ignored');
    const result = checkRequest(ops, provider, chat, body);
    expect(result.ok).toBe(true);
    expect(result.warnings.map((i) => [i.field, i.status])).toEqual([
      ['model', 'ignored'],
      ['top_k', 'ignored'],
    ]);
    const { body: sent } = prepareRequest(ops, provider, chat, body, { ignored: 'strip' });
    expect(sent).toEqual({ messages: [], n: 1 });
  });

  it('a claim on a nested path lists its top-level field', () => {
    // `messages[role=system]` and the other messages claims name `messages`: never by default.
    expect(checkRequest(table('unsupported'), provider, chat, { messages: [] }).ok).toBe(true);
  });
});

describe('endpoint lifecycle', () => {
  /** The fixture (its POST /completions is retired) with chat deprecated, through codegen's table and profile. */
  function retiring() {
    const spec = parseYaml(readFileSync(file, 'utf8'), file) as Record<string, any>;
    spec.paths['/chat/completions'].post['x-compat'].lifecycle = { state: 'deprecated', date: '2026-12-31', replacement: 'POST /responses' };
    const { model } = parseProfile(spec, { id: 'acme' });
    // The build slices unoffered operations away; the table holds the offered ones.
    const offered = new Set(model.operations.map((o) => o.key));
    const entries = collectOperations(spec, model).filter((op) => offered.has(op.key)).map(({ key, method, path, lifecycle }) => [key, { method, path, responses: {}, lifecycle }]);
    return { ops: Object.fromEntries(entries) as OperationTable, acme: { ...provider, ...profileOf(model), name: 'Acme AI' } };
  }

  it('a deprecated operation: checkRequest and prepareRequest warn with the date and the replacement', () => {
    const { ops, acme } = retiring();
    const warning = { field: '', status: 'deprecated', message: 'POST /chat/completions is deprecated by Acme AI on 2026-12-31; use POST /responses' };
    expect(checkRequest(ops, acme, chat, { model: 'acme-large', messages: [] })).toEqual({ ok: true, errors: [], warnings: [warning] });
    expect(prepareRequest(ops, acme, chat, { model: 'acme-large', messages: [] }).report.warnings).toEqual([warning]);
  });

  it('a retired operation: the check refuses it saying when it was retired and what to use', () => {
    const { ops, acme } = retiring();
    expect(acme.retired).toEqual({ 'POST /completions': { state: 'retired', date: '2026-09-27', replacement: 'POST /chat/completions' } });
    expect(checkRequest(ops, acme, 'POST /completions', {}).errors).toEqual([
      { field: '', status: 'unsupported', message: 'POST /completions was retired by Acme AI on 2026-09-27; use POST /chat/completions' },
    ]);
    expect(checkRequest(ops, provider, 'POST /completions', {}).errors[0].message).toBe('POST /completions is not offered by Acme AI');
  });
});
