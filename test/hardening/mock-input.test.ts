/**
 * Hostile requests against the native engine in this process: bracketed keys and multipart names
 * never reach a prototype, `x-mock-status` is strict, the fault queue is bounded, and the errors
 * Node's own HTTP parser answers come in OpenAI's envelope. The mock keeps serving after each.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignBracketed, parseQuery } from '../../src/mock/input.ts';
import { startMock, type RunningMock } from '../../src/mock/start.ts';
import { rawExchange } from './helpers.ts';

let mock: RunningMock;
const auth = { authorization: 'Bearer test-key' };

beforeAll(async () => {
  mock = await startMock({ provider: 'openai', maxFaults: 5, timeouts: { headersMs: 500, requestMs: 800, keepAliveMs: 1000 } });
});
afterAll(() => mock?.close());

const port = () => Number(new URL(mock.url).port);
const prototypeIsClean = () => {
  expect(Object.keys(Object.prototype)).toEqual([]);
  expect(({} as Record<string, unknown>).headers).toBeUndefined();
  expect(({} as Record<string, unknown>).count).toBeUndefined();
};
const stillServes = async () => {
  const models = await fetch(`${mock.url}/models`, { headers: auth });
  expect(models.status).toBe(200);
  const list = await fetch(`${mock.url}/files`, { headers: auth });
  expect(list.status).toBe(200);
};

describe('bracketed keys', () => {
  it('refuses a reserved segment anywhere in a query key with a 400 naming the key', async () => {
    for (const key of ['a[__proto__][headers][x y]', 'a[__proto__][count]', '__proto__[count]', 'a[b][constructor][prototype][count]', 'a[][__proto__]', 'a[0][prototype]']) {
      const reply = await fetch(`${mock.url}/models?${encodeURIComponent(key)}=7`, { headers: auth });
      expect(reply.status, key).toBe(400);
      expect((await reply.json()).error).toMatchObject({ param: key, code: 'invalid_key', type: 'invalid_request_error' });
    }
    prototypeIsClean();
    await stillServes();
  });

  it('refuses reserved multipart field names', async () => {
    const form = new FormData();
    form.set('purpose', 'batch');
    form.set('x[__proto__][count]', '7');
    form.set('file', new Blob(['{}']), 'a.jsonl');
    const reply = await fetch(`${mock.url}/files`, { method: 'POST', headers: auth, body: form });
    expect(reply.status).toBe(400);
    expect((await reply.json()).error.param).toBe('x[__proto__][count]');
    prototypeIsClean();
    await stillServes();
  });

  it('treats inherited names such as toString as ordinary keys', () => {
    const query = parseQuery(new URLSearchParams('toString=1&toString=2&a[hasOwnProperty][b]=3'));
    expect(JSON.parse(JSON.stringify(query))).toEqual({ toString: ['1', '2'], a: { hasOwnProperty: { b: '3' } } });
  });

  it('never touches a prototype for any random bracketed key (property)', () => {
    const segment = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'valueOf', '', '0', '1'), fc.string({ maxLength: 6 }));
    const key = fc.tuple(segment, fc.array(segment, { maxLength: 5 })).map(([head, rest]) => `${head}${rest.map((s) => `[${s}]`).join('')}`);
    fc.assert(
      fc.property(fc.array(fc.tuple(key, fc.string({ maxLength: 4 })), { maxLength: 6 }), (pairs) => {
        const target = Object.create(null) as Record<string, unknown>;
        for (const [k, v] of pairs) {
          try {
            assignBracketed(target, k, v);
          } catch (err) {
            expect((err as Error).message).toMatch(/reserved name/);
          }
        }
        prototypeIsClean();
        expect(Object.getPrototypeOf({})).toBe(Object.prototype);
      }),
      { numRuns: 3000, seed: 14 },
    );
  });

  it('answers random bracketed query keys and multipart names below 500, and keeps serving (property)', async () => {
    const segment = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', 'headers', 'count', '', '0'), fc.string({ maxLength: 5 }));
    const key = fc.tuple(segment, fc.array(segment, { maxLength: 4 })).map(([head, rest]) => `${head}${rest.map((s) => `[${s}]`).join('')}`);
    await fc.assert(
      fc.asyncProperty(key, fc.boolean(), async (k, multipart) => {
        let reply: Response;
        if (multipart) {
          const form = new FormData();
          form.set('purpose', 'batch');
          form.set(k, 'v');
          form.set('file', new Blob(['{}']), 'a.jsonl');
          reply = await fetch(`${mock.url}/files`, { method: 'POST', headers: auth, body: form });
        } else {
          reply = await fetch(`${mock.url}/files?${new URLSearchParams([[k, '1']])}`, { headers: auth });
        }
        expect(reply.status).toBeLessThan(500);
        await reply.arrayBuffer();
      }),
      { numRuns: 150, seed: 9 },
    );
    prototypeIsClean();
    await stillServes();
  });
});

describe('faults', () => {
  it('x-mock-status must be a decimal status from 400 to 599', async () => {
    for (const value of ['0x1f4', '600', '5e2', '399', ' 500x', '500.0']) {
      const reply = await fetch(`${mock.url}/models`, { headers: { ...auth, 'x-mock-status': value } });
      expect(reply.status, value).toBe(400);
      expect((await reply.json()).error).toMatchObject({ param: 'x-mock-status', code: 'invalid_mock_status' });
    }
    expect((await fetch(`${mock.url}/models`, { headers: { ...auth, 'x-mock-status': '503' } })).status).toBe(503);
  });

  it('bounds the fault queue and says so', async () => {
    const post = (body: unknown) => fetch(`${mock.url.replace(/\/v1$/, '')}/__mock/faults`, { method: 'POST', body: JSON.stringify(body) });
    expect((await post({ status: 500, count: 4 })).status).toBe(200);
    const full = await post({ status: 500, count: 2 });
    expect(full.status).toBe(409);
    expect((await full.json()).error.code).toBe('fault_queue_full');
    expect((await post({ status: 500, count: 10 ** 9 })).status).toBe(400);
    await fetch(`${mock.url.replace(/\/v1$/, '')}/__mock/faults`, { method: 'DELETE' });
    await stillServes();
  });
});

describe("Node's own answers", () => {
  it('answers malformed HTTP, oversized headers and slow clients in the OpenAI envelope', async () => {
    const malformed = await rawExchange(port(), 'GET /v1/models HTTP/1.1\r\nHost: x\r\nBad Header: y\r\n\r\n');
    expect(malformed).toMatch(/^HTTP\/1\.1 400 /);
    expect(JSON.parse(malformed.slice(malformed.indexOf('\r\n\r\n') + 4)).error.type).toBe('invalid_request_error');

    const huge = await rawExchange(port(), `GET /v1/models HTTP/1.1\r\nHost: x\r\nx-big: ${'a'.repeat(20_000)}\r\n\r\n`);
    expect(huge).toMatch(/^HTTP\/1\.1 431 /);
    expect(huge).toContain('"code":"headers_too_large"');

    // Headers never finished: the mock answers 408 and closes instead of holding the socket.
    const slowHeaders = await rawExchange(port(), 'GET /v1/models HTTP/1.1\r\nHost: x\r\n', 8000);
    expect(slowHeaders).toMatch(/^HTTP\/1\.1 408 /);
    // A body that never arrives.
    const slowBody = await rawExchange(port(), `POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nauthorization: Bearer k\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n{`, 8000);
    expect(slowBody).toMatch(/^HTTP\/1\.1 408 /);
    await stillServes();
  });
});
