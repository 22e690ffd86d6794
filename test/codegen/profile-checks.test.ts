// The checks of every profile's generated module, driven by the claims in its operations table:
// each claimed field, when present, is reported as its status says. Needs `npm run build`.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { findField } from '../../src/runtime/field-path.ts';
import type { CheckResult, OperationTable, PrepareOptions, PrepareReport } from '../../src/runtime/index.ts';
import { projectRoot } from './helpers.ts';
import { chatAnswer, PROFILES } from './samples.ts';

interface ProfileModule {
  operationTable: OperationTable;
  checkRequest(operation: string, body: unknown): CheckResult;
  checkResponse(operation: string, status: number, body: unknown): CheckResult;
  prepareRequest<T>(operation: string, body: T, options?: PrepareOptions): { body: T; report: PrepareReport };
}

const chatRequest = { model: 'test-model', messages: [{ role: 'user', content: 'hi' }] };

/** A copy of `body` with a value at the claim path (`messages[].name` sets it on the first item). */
function withField(body: Record<string, unknown>, fieldPath: string, value: unknown): Record<string, unknown> {
  const copy = structuredClone(body);
  let node: Record<string, unknown> = copy;
  const parts = fieldPath.split('.');
  parts.forEach((part, i) => {
    const key = part.replace(/\[\]$/, '');
    const last = i === parts.length - 1;
    if (last) {
      node[key] = value;
      return;
    }
    if (part.endsWith('[]')) {
      const list = Array.isArray(node[key]) ? (node[key] as Record<string, unknown>[]) : (node[key] = [{}]);
      if (typeof list[0] !== 'object' || list[0] === null) list[0] = {};
      node = list[0];
    } else {
      if (typeof node[key] !== 'object' || node[key] === null || Array.isArray(node[key])) node[key] = {};
      node = node[key] as Record<string, unknown>;
    }
  });
  return copy;
}

describe.each(PROFILES)('checks of the %s profile', (id) => {
  let mod: ProfileModule;
  beforeAll(async () => {
    mod = (await import(path.join(projectRoot, 'generated', id, 'index.gen.ts'))) as ProfileModule;
  });

  it('accepts a minimal chat request, and OpenAI’s documented answer', () => {
    expect(mod.checkRequest('POST /chat/completions', chatRequest)).toMatchObject({ ok: true, errors: [] });
    expect(mod.checkResponse('POST /chat/completions', 200, chatAnswer)).toEqual({ ok: true, errors: [], warnings: [] });
  });

  it('reports each claimed request field as its status says', () => {
    const checked: string[] = [];
    for (const [operation, entry] of Object.entries(mod.operationTable)) {
      const base = operation === 'POST /chat/completions' ? chatRequest : {};
      for (const [field, claim] of Object.entries(entry.requestClaims ?? {})) {
        const result = mod.checkRequest(operation, withField(base, field, 1));
        const about = (list: CheckResult['errors']) => list.filter((issue) => issue.field === field && issue.status === claim.status);
        const where = `${operation} ${field} (${claim.status})`;
        if (claim.status === 'unsupported') expect(about(result.errors), where).toHaveLength(1);
        else if (claim.status === 'ignored' || claim.status === 'deprecated') {
          expect(about(result.warnings), where).toHaveLength(1);
          if (claim.replacement) expect(about(result.warnings)[0].message, where).toContain(claim.replacement);
        } else {
          // no claim-derived issue (a partial field may still break its narrowed schema, with status `partial`)
          const claimed = [...result.errors, ...result.warnings].filter((i) => i.field === field && ['unsupported', 'ignored', 'deprecated'].includes(i.status));
          expect(claimed, where).toEqual([]);
        }
        checked.push(claim.status);
      }
    }
    // the base profile claims nothing per field; every provider claims something
    if (id === 'openai') expect(checked).toEqual([]);
    else expect(checked.length).toBeGreaterThan(0);
  });

  it('strips ignored and unsupported fields when asked, keeping everything else', () => {
    for (const [operation, entry] of Object.entries(mod.operationTable)) {
      const claims = Object.entries(entry.requestClaims ?? {}).filter(([, c]) => c.status === 'ignored' || c.status === 'unsupported');
      if (!claims.length) continue;
      let body: Record<string, unknown> = operation === 'POST /chat/completions' ? chatRequest : {};
      for (const [field] of claims) body = withField(body, field, 1);
      const { body: prepared, report } = mod.prepareRequest(operation, body, { ignored: 'strip', unsupported: 'strip' });
      for (const [field] of claims) expect(findField(prepared, field), `${operation} ${field}`).toEqual([]);
      expect(report.stripped.map((issue) => issue.field).sort()).toEqual(claims.map(([field]) => field).sort());
      if (operation === 'POST /chat/completions') expect((prepared as typeof chatRequest).messages[0]).toMatchObject({ role: 'user' });
    }
  });
});

describe('claims scoped to a mode (DeepSeek: thinking, on by default)', () => {
  let mod: ProfileModule;
  beforeAll(async () => {
    mod = (await import(path.join(projectRoot, 'generated/deepseek/index.gen.ts'))) as ProfileModule;
  });
  const chat = (extra: Record<string, unknown>) => mod.checkRequest('POST /chat/completions', { model: 'deepseek-flash', messages: [{ role: 'user', content: 'hi' }], ...extra });
  const about = (result: CheckResult, field: string) => [...result.errors, ...result.warnings].filter((i) => i.field === field).map((i) => i.status);

  it('judge a body in the mode its fields select, else in the default mode, as the mock does', () => {
    expect(about(chat({ logprobs: true }), 'logprobs')).toEqual(['unsupported']);
    expect(about(chat({ logprobs: true, thinking: { type: 'enabled' } }), 'logprobs')).toEqual(['unsupported']);
    expect(about(chat({ logprobs: true, thinking: { type: 'disabled' } }), 'logprobs')).toEqual([]);
    expect(about(chat({ temperature: 0.5 }), 'temperature')).toEqual(['ignored']);
    expect(about(chat({ temperature: 0.5, thinking: { type: 'disabled' } }), 'temperature')).toEqual([]);
    expect(about(chat({ top_p: 0.5, thinking: { type: 'disabled' } }), 'top_p')).toEqual(['ignored']);
  });
});

describe('multipart requests', () => {
  it('apply claims to form fields (CompactifAI transcriptions do not take `stream`)', async () => {
    const mod = (await import(path.join(projectRoot, 'generated/compactifai/index.gen.ts'))) as ProfileModule;
    const form = new FormData();
    form.append('model', 'whisper');
    form.append('file', new Blob(['RIFF']), 'a.wav');
    form.append('stream', 'true');
    expect(mod.checkRequest('POST /audio/transcriptions', form).errors.map((i) => [i.field, i.status])).toEqual([['stream', 'unsupported']]);
    const { body, report } = mod.prepareRequest('POST /audio/transcriptions', form, { unsupported: 'strip' });
    expect(keysOf(body as FormData)).toEqual(['model', 'file']);
    expect(report.stripped.map((i) => i.field)).toEqual(['stream']);
    expect(keysOf(form)).toEqual(['model', 'file', 'stream']);
  });
});

function keysOf(form: FormData): string[] {
  const keys: string[] = [];
  form.forEach((_, key) => keys.push(key));
  return keys;
}
