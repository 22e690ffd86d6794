import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type RunningMock } from '../../src/mock/start.ts';
import { call, fixtureSpec, sseData } from './helpers.ts';

let mock: RunningMock;
const key = { 'x-api-key': 'acme-test-key' };
const chat = { model: 'acme-1', messages: [{ role: 'user', content: 'hi' }] };

beforeAll(async () => {
  mock = await startMock({ provider: 'acme', spec: fixtureSpec(), limits: { maxBytes: 64 * 1024, maxDepth: 32 } });
});
afterAll(() => mock.close());

interface Case {
  name: string;
  method: string;
  route: string;
  body?: unknown;
  raw?: string;
  headers?: Record<string, string>;
  want: { status: number; param?: string | null; code?: string | null };
}

const cases: Case[] = [
  { name: 'valid chat request', method: 'POST', route: '/chat/completions', body: chat, headers: key, want: { status: 200 } },
  { name: 'bearer is an accepted alternative', method: 'POST', route: '/chat/completions', body: chat, headers: { authorization: 'Bearer k' }, want: { status: 200 } },
  { name: 'missing key', method: 'POST', route: '/chat/completions', body: chat, want: { status: 401, code: 'missing_api_key' } },
  { name: 'wrong scheme', method: 'POST', route: '/chat/completions', body: chat, headers: { authorization: 'Basic abc' }, want: { status: 401, code: 'invalid_auth_scheme' } },
  { name: 'missing required field', method: 'POST', route: '/chat/completions', body: { model: 'm' }, headers: key, want: { status: 400, param: 'messages' } },
  { name: 'wrong type deep inside', method: 'POST', route: '/chat/completions', body: { ...chat, messages: [{ role: 'user', content: 3 }] }, headers: key, want: { status: 400, param: 'messages[0].content' } },
  { name: 'partial: n must be 1', method: 'POST', route: '/chat/completions', body: { ...chat, n: 2 }, headers: key, want: { status: 400, param: 'n' } },
  { name: 'partial: n = 1 passes', method: 'POST', route: '/chat/completions', body: { ...chat, n: 1 }, headers: key, want: { status: 200 } },
  { name: 'unsupported field', method: 'POST', route: '/chat/completions', body: { ...chat, logprobs: true }, headers: key, want: { status: 400, param: 'logprobs', code: 'unsupported_parameter' } },
  { name: 'unsupported nested field', method: 'POST', route: '/chat/completions', body: { ...chat, messages: [{ role: 'user', content: 'a' }, { role: 'user', content: 'b', name: 'x' }] }, headers: key, want: { status: 400, param: 'messages[1].name' } },
  { name: 'ignored field accepted', method: 'POST', route: '/chat/completions', body: { ...chat, user: 'u-1' }, headers: key, want: { status: 200 } },
  { name: 'unsupported header', method: 'POST', route: '/chat/completions', body: chat, headers: { ...key, 'openai-organization': 'org' }, want: { status: 400, param: 'openai-organization' } },
  { name: 'malformed JSON', method: 'POST', route: '/chat/completions', raw: '{"model":', headers: { ...key, 'content-type': 'application/json' }, want: { status: 400, code: 'invalid_json' } },
  { name: 'deep nesting', method: 'POST', route: '/chat/completions', raw: `${'['.repeat(5000)}${']'.repeat(5000)}`, headers: { ...key, 'content-type': 'application/json' }, want: { status: 400, code: 'nesting_too_deep' } },
  { name: 'oversized body', method: 'POST', route: '/chat/completions', raw: JSON.stringify({ ...chat, user: 'x'.repeat(100_000) }), headers: { ...key, 'content-type': 'application/json' }, want: { status: 413 } },
  { name: 'wrong content type', method: 'POST', route: '/chat/completions', raw: 'hello', headers: { ...key, 'content-type': 'text/plain' }, want: { status: 415 } },
  { name: 'unknown path', method: 'GET', route: '/images/generations', headers: key, want: { status: 404 } },
  { name: 'wrong method', method: 'DELETE', route: '/models', headers: key, want: { status: 405 } },
  { name: '429 on demand', method: 'POST', route: '/chat/completions', body: chat, headers: { ...key, 'x-mock-status': '429' }, want: { status: 429, code: 'rate_limit_exceeded' } },
  { name: '500 on demand', method: 'GET', route: '/models', headers: { ...key, 'x-mock-status': '500' }, want: { status: 500 } },
  { name: 'bracket query array', method: 'GET', route: '/files?ids[]=file-a&ids[]=file-b&limit=5', headers: key, want: { status: 200 } },
  { name: 'bracket query array item checked', method: 'GET', route: '/files?ids[]=file-a&ids[]=nope', headers: key, want: { status: 400, param: 'ids[1]' } },
  { name: 'query integer coerced and checked', method: 'GET', route: '/files?limit=500', headers: key, want: { status: 400, param: 'limit' } },
];

describe('native engine on the fixture profile', () => {
  it.each(cases)('$name → $want.status', async (c) => {
    const reply = await call(mock.url, c.method, c.route, { body: c.body, raw: c.raw, headers: c.headers });
    expect(reply.status).toBe(c.want.status);
    if (c.want.status >= 400) {
      const body = reply.json();
      expect(Object.keys(body.error).sort()).toEqual(['code', 'message', 'param', 'type']);
      expect(body.error.message.length).toBeGreaterThan(0);
      if (c.want.param !== undefined) expect(body.error.param).toBe(c.want.param);
      if (c.want.code !== undefined) expect(body.error.code).toBe(c.want.code);
    }
  });

  it('answers in the documented shape, echoing the requested model, with the claimed rate-limit headers', async () => {
    const reply = await call(mock.url, 'POST', '/chat/completions', { body: { ...chat, model: 'acme-2' }, headers: key });
    expect(reply.json().choices[0].message.content.length).toBeGreaterThan(0);
    expect(reply.json().model).toBe('acme-2');
    expect(reply.headers.get('x-ratelimit-limit-requests')).toBe('10000');
    expect(reply.headers.get('x-ratelimit-remaining-requests')).toBe('9999');
  });

  it('streams chunks joining into the message, without a usage chunk where stream_options is ignored', async () => {
    const plain = await call(mock.url, 'POST', '/chat/completions', { body: chat, headers: key });
    const reply = await call(mock.url, 'POST', '/chat/completions', { body: { ...chat, stream: true, stream_options: { include_usage: true } }, headers: key });
    expect(reply.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const data = sseData(reply.text);
    expect(data.at(-1)).toBe('[DONE]');
    const chunks = data.slice(0, -1).map((d) => JSON.parse(d));
    expect(chunks.length).toBeGreaterThanOrEqual(4);
    expect(chunks.map((c) => c.choices[0]?.delta?.content ?? '').join('')).toBe(plain.json().choices[0].message.content);
    expect(chunks.every((c) => c.choices.length === 1)).toBe(true);
    expect(chunks.at(-1).choices[0].finish_reason).toBe('stop');
  });

  it('applies the profile: value rules clamp and reject, defaults ignore unclaimed fields, models are listed', async () => {
    const content = async (extra: object) => (await call(mock.url, 'POST', '/chat/completions', { body: { ...chat, ...extra }, headers: key })).json();
    const base = await content({});
    const clamped = await content({ max_tokens: 50 });
    expect([clamped.usage.completion_tokens, clamped.choices[0].finish_reason]).toEqual([5, 'length']);
    // seed and stop are not claimed: the operation's default (ignored) applies, so they change nothing.
    expect((await content({ seed: 7, stop: base.choices[0].message.content.split(' ')[1] })).choices[0].message.content).toBe(base.choices[0].message.content);
    const rejected = await call(mock.url, 'POST', '/chat/completions', { body: { ...chat, temperature: 0 }, headers: key });
    expect([rejected.status, rejected.json().error.param]).toEqual([400, 'temperature']);
    expect((await call(mock.url, 'GET', '/models', { headers: key })).json().data.map((m: { id: string }) => m.id)).toEqual(['acme-1', 'acme-2']);
  });

  it('accepts multipart bodies and checks their fields', async () => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array([1, 2, 3])]), 'a.wav');
    form.append('model', 'whisper');
    form.append('temperature', '0.5');
    form.append('include[]', 'logprobs');
    const ok = await call(mock.url, 'POST', '/audio/transcriptions', { raw: form, headers: key });
    expect(ok.status).toBe(200);
    expect(typeof ok.json().text).toBe('string');
    const bad = new FormData();
    bad.append('file', new Blob([new Uint8Array([1])]), 'a.wav');
    bad.append('model', 'whisper');
    bad.append('temperature', '7');
    const reply = await call(mock.url, 'POST', '/audio/transcriptions', { raw: bad, headers: key });
    expect([reply.status, reply.json().error.param]).toEqual([400, 'temperature']);
  });

  it('answers binary operations with bytes of the declared type', async () => {
    const reply = await fetch(`${mock.url}/files/file-1/content`, { headers: key });
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toBe('application/octet-stream');
    expect((await reply.arrayBuffer()).byteLength).toBeGreaterThan(0);
  });

  it('fails queued faults in order, then recovers', async () => {
    const base = mock.url.replace(/\/v1$/, '');
    // API operations live under /v1 only; control endpoints outside it.
    expect((await call(base, 'GET', '/models', { headers: key })).status).toBe(404);
    expect((await call(base, 'POST', '/__mock/faults', { body: { status: 503, count: 2 } })).json()).toEqual({ queued: 2 });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await call(mock.url, 'GET', '/models', { headers: key })).status);
    expect(statuses).toEqual([503, 503, 200]);
  });
});
