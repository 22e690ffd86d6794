// Every profile's generated client against a local HTTP server: JSON call, auth, streamed chat
// completion, error answers, mid-stream failures. Needs generated/ (npm run build).
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ApiError, ConnectionError, StreamError } from '../../src/runtime/errors.ts';
import { projectRoot } from './helpers.ts';
import { json, sse, startServer, text, type TestServer } from './server.ts';
import { chatAnswer, chatChunk, PROFILES } from './samples.ts';

type ProfileModule = typeof import('../../generated/openai/index.gen.ts');
const request = { model: 'test-model', messages: [{ role: 'user' as const, content: 'hi' }] };

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.seen.length = 0;
});

describe.each(PROFILES)('the %s client', (id) => {
  let mod: ProfileModule;
  beforeAll(async () => {
    mod = (await import(path.join(projectRoot, 'generated', id, 'index.gen.ts'))) as ProfileModule;
  });
  const client = () => mod.createClient({ apiKey: 'test-key', baseUrl: server.baseUrl });
  const authOf = (headers: Record<string, unknown>) =>
    mod.profile.auth.scheme === 'header' ? headers[mod.profile.auth.header!] : headers.authorization;
  const expectedAuth = (key: string) => (mod.profile.auth.scheme === 'header' ? key : `Bearer ${key}`);

  it('makes a JSON call with the profile’s auth, and the answer passes checkResponse', async () => {
    server.answer = json(200, chatAnswer);
    const { data } = await client().POST('/chat/completions', { body: request });
    expect(data).toEqual(chatAnswer);
    expect(server.seen).toHaveLength(1);
    expect(server.seen[0]).toMatchObject({ method: 'POST', url: '/v1/chat/completions', body: request });
    expect(authOf(server.seen[0].headers)).toBe(expectedAuth('test-key'));
    expect(mod.checkResponse('POST /chat/completions', 200, data)).toEqual({ ok: true, errors: [], warnings: [] });
  });

  it('reads the API key from the environment variable the profile names', async () => {
    const name = mod.profile.auth.env;
    const saved = process.env[name];
    process.env[name] = 'key-from-env';
    try {
      server.answer = json(200, chatAnswer);
      await mod.createClient({ baseUrl: server.baseUrl }).POST('/chat/completions', { body: request });
      expect(authOf(server.seen[0].headers)).toBe(expectedAuth('key-from-env'));
    } finally {
      if (saved === undefined) delete process.env[name];
      else process.env[name] = saved;
    }
  });

  it('streams a chat completion until [DONE], each event passing checkStreamEvent', async () => {
    server.answer = sse([chatChunk('Hel'), ': keep-alive\n\n', chatChunk('lo'), chatChunk(null, 'stop')]);
    const contents: (string | null | undefined)[] = [];
    for await (const event of client().stream('/chat/completions', { body: request })) {
      expect(mod.checkStreamEvent('POST /chat/completions', event)).toEqual({ ok: true, errors: [], warnings: [] });
      contents.push(event.choices[0]?.delta?.content);
    }
    expect(contents).toEqual(['Hel', 'lo', undefined]);
    expect(server.seen[0].headers.accept).toBe('text/event-stream');
    expect(server.seen[0].body).toEqual({ ...request, stream: true });
  });

  const errorCases = [
    {
      name: 'an OpenAI error envelope',
      answer: json(400, { error: { message: 'n must be 1', type: 'invalid_request_error', param: 'n', code: 'invalid_value' } }),
      want: { status: 400, error: { message: 'n must be 1', type: 'invalid_request_error', param: 'n', code: 'invalid_value' } },
    },
    { name: 'a string error', answer: json(401, { error: 'Invalid API key' }), want: { status: 401, error: { message: 'Invalid API key', type: null, param: null, code: null } } },
    { name: 'a plain-text error', answer: text(502, 'Bad Gateway'), want: { status: 502, error: { message: 'Bad Gateway', type: null, param: null, code: null } } },
  ];
  for (const { name, answer, want } of errorCases) {
    it(`raises ApiError on ${name}`, async () => {
      server.answer = answer;
      const failure = await client().POST('/chat/completions', { body: request }).catch((err: unknown) => err);
      expect(failure).toBeInstanceOf(ApiError);
      expect(failure).toMatchObject({ ...want, operation: 'POST /chat/completions', provider: mod.profile.name });
    });
  }

  it('raises ApiError when a stream request is refused', async () => {
    server.answer = json(429, { error: { message: 'slow down', type: 'rate_limit_error' } });
    const failure = await collect(client().stream('/chat/completions', { body: request })).catch((err: unknown) => err);
    expect(failure).toMatchObject({ name: 'ApiError', status: 429, error: { message: 'slow down' } });
  });

  const streamFailures = [
    { name: 'an error event mid-stream', answer: sse([chatChunk('Hel'), { error: { message: 'model overloaded', type: 'server_error' } }], 'close'), kind: 'error-event' },
    { name: 'a broken connection', answer: sse([chatChunk('Hel'), 'data: {"id":"x",'], 'destroy'), kind: 'connection' },
    { name: 'a JSON answer instead of a stream', answer: json(200, chatAnswer), kind: 'not-a-stream' },
  ];
  for (const { name, answer, kind } of streamFailures) {
    it(`raises StreamError (${kind}) on ${name}`, async () => {
      server.answer = answer;
      const seen: unknown[] = [];
      const failure = await collect(client().stream('/chat/completions', { body: request }), seen).catch((err: unknown) => err);
      expect(failure).toBeInstanceOf(StreamError);
      expect((failure as StreamError).kind).toBe(kind);
      expect(seen).toHaveLength(kind === 'not-a-stream' ? 0 : 1);
    });
  }

  it('raises ConnectionError when nothing listens', async () => {
    const closed = await startServer();
    const baseUrl = closed.baseUrl;
    await closed.close();
    const failure = await mod.createClient({ apiKey: 'k', baseUrl }).POST('/chat/completions', { body: request }).catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(ConnectionError);
  });
});

async function collect<T>(events: AsyncIterable<T>, into: unknown[] = []): Promise<unknown[]> {
  for await (const event of events) into.push(event);
  return into;
}
