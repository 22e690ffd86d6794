/**
 * Property-based robustness of the native engine on loopback: random and malformed bodies never
 * get a 5xx or crash it, memory stays flat, deep and oversized bodies are refused cleanly, and
 * many concurrent streams all complete. Every run is bounded in count.
 */
import fc from 'fast-check';
import { request, Agent } from 'node:http';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type RunningMock } from '../../src/mock/start.ts';
import { sseData } from './helpers.ts';

let mock: RunningMock;
// A full collection before each heap reading, also without --expose-gc: otherwise the reading is
// mostly uncollected garbage (several MB either way), and the memory check flaps.
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;
const agent = new Agent({ keepAlive: true, maxSockets: 8 });
const auth = { authorization: 'Bearer test-key' };

beforeAll(async () => {
  mock = await startMock({ provider: 'openai', limits: { maxBytes: 1024 * 1024, maxDepth: 64 } });
});
afterAll(async () => {
  agent.destroy();
  await mock?.close();
});

/** One request over the keep-alive agent; resolves with the status and body. */
function send(method: string, path: string, body: string | Buffer | undefined, headers: Record<string, string>): Promise<{ status: number; text: string }> {
  const url = new URL(`${mock.url}${path}`);
  return new Promise((resolve, reject) => {
    const req = request({ agent, host: url.hostname, port: url.port, method, path: url.pathname + url.search, headers: { ...headers, ...(body ? { 'content-length': String(Buffer.byteLength(body)) } : {}) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

const jsonHeaders = { ...auth, 'content-type': 'application/json' };
const chatPaths = ['/chat/completions', '/responses', '/embeddings', '/moderations', '/images/generations', '/files', '/models'];

describe('robustness of the native engine', () => {
  it('never answers 5xx to thousands of random JSON bodies, and every error is an OpenAI envelope', async () => {
    const bodies = fc.oneof(
      fc.jsonValue({ maxDepth: 6 }),
      fc.record({ model: fc.oneof(fc.string(), fc.integer()), messages: fc.array(fc.record({ role: fc.constantFrom('user', 'system', 'assistant', 'tool', 'x'), content: fc.oneof(fc.string(), fc.jsonValue({ maxDepth: 3 })) }), { maxLength: 4 }), stream: fc.boolean(), n: fc.integer({ min: -2, max: 4 }) }, { requiredKeys: [] }),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...chatPaths), bodies, async (path, body) => {
        const reply = await send('POST', path, JSON.stringify(body), jsonHeaders);
        expect(reply.status).toBeLessThan(500);
        if (reply.status >= 400) expect(Object.keys(JSON.parse(reply.text).error).sort()).toEqual(['code', 'message', 'param', 'type']);
      }),
      { numRuns: 2000, seed: 42 },
    );
  });

  it('never answers 5xx to malformed bytes, odd content types and odd paths', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('GET', 'POST', 'DELETE', 'PUT', 'PATCH'),
        fc.oneof(fc.constantFrom(...chatPaths), fc.webPath(), fc.string({ maxLength: 40 }).map((s) => `/${encodeURIComponent(s)}`)),
        fc.oneof(fc.string({ maxLength: 300 }), fc.uint8Array({ maxLength: 300 }).map((a) => Buffer.from(a))),
        fc.constantFrom('application/json', 'text/plain', 'multipart/form-data; boundary=x', 'multipart/form-data', 'application/x-www-form-urlencoded', ''),
        async (method, path, body, type) => {
          const headers: Record<string, string> = { ...auth, ...(type ? { 'content-type': type } : {}) };
          const reply = await send(method, path.startsWith('/') ? path : `/${path}`, method === 'GET' ? undefined : body, headers);
          expect(reply.status).toBeLessThan(500);
        },
      ),
      { numRuns: 1500, seed: 7 },
    );
  });

  it('keeps memory flat over repeated bursts', async () => {
    const burst = async () => {
      for (let i = 0; i < 500; i++) await send('POST', '/chat/completions', JSON.stringify({ model: 'm', messages: [{ role: 'user', content: `hi ${i}` }] }), jsonHeaders);
    };
    await burst();
    collect();
    const before = process.memoryUsage().heapUsed;
    for (let round = 0; round < 4; round++) await burst();
    collect();
    const growth = process.memoryUsage().heapUsed - before;
    // 2,000 requests; a leak of even 10 KB per request would show as 20 MB.
    expect(growth).toBeLessThan(16 * 1024 * 1024);
  });

  it('refuses deeply nested JSON and oversized bodies with 400 and 413, and keeps serving', async () => {
    const deep = await send('POST', '/chat/completions', `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`, jsonHeaders);
    expect([deep.status, JSON.parse(deep.text).error.code]).toEqual([400, 'nesting_too_deep']);
    const huge = await send('POST', '/chat/completions', JSON.stringify({ model: 'm', messages: [{ role: 'user', content: 'x'.repeat(2 * 1024 * 1024) }] }), jsonHeaders);
    expect(huge.status).toBe(413);
    const after = await send('POST', '/chat/completions', JSON.stringify({ model: 'm', messages: [{ role: 'user', content: 'hi' }] }), jsonHeaders);
    expect(after.status).toBe(200);
  });

  it('completes 200 concurrent streams', async () => {
    const wide = new Agent({ keepAlive: true, maxSockets: 200 });
    const url = new URL(`${mock.url}/chat/completions`);
    const one = () =>
      new Promise<string[]>((resolve, reject) => {
        const req = request({ agent: wide, host: url.hostname, port: url.port, method: 'POST', path: url.pathname, headers: jsonHeaders }, (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => (text += c));
          res.on('end', () => resolve(sseData(text)));
        });
        req.on('error', reject);
        req.end(JSON.stringify({ model: 'm', messages: [{ role: 'user', content: 'hi' }], stream: true }));
      });
    const streams = await Promise.all(Array.from({ length: 200 }, one));
    wide.destroy();
    expect(streams.every((events) => events.length >= 4 && events.at(-1) === '[DONE]')).toBe(true);
  });
});
