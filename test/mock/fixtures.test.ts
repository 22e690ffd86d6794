/** Scripted scenarios (`fixtures`): the documented agent loop run by the official SDK, and load-time checks. */
import path from 'node:path';
import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { DiagnosticError } from '../../src/diagnostics/diagnostic.ts';
import { startMock } from '../../src/mock/start.ts';
import type { FixturesFile } from '../../src/mock/fixtures.ts';
import { openaiMock, projectRoot } from './helpers.ts';

const example = path.join(projectRoot, 'docs/examples/mock-agent-loop.yaml');
const weatherTool = { type: 'function' as const, function: { name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' }, unit: { type: 'string' } } } } };

describe('the documented agent loop', () => {
  const env = openaiMock({ fixtures: example });

  async function loop(stream: boolean): Promise<string | null> {
    const messages: OpenAI.ChatCompletionMessageParam[] = [{ role: 'user', content: 'What is the weather in Paris?' }];
    for (let turn = 0; turn < 5; turn++) {
      const reply = stream
        ? await env.client.chat.completions.stream({ model: 'gpt-4o', messages, tools: [weatherTool] }).finalChatCompletion()
        : await env.client.chat.completions.create({ model: 'gpt-4o', messages, tools: [weatherTool] });
      const message = reply.choices[0].message;
      messages.push(message);
      if (!message.tool_calls?.length) return message.content;
      for (const call of message.tool_calls as OpenAI.ChatCompletionMessageFunctionToolCall[]) {
        expect([call.function.name, JSON.parse(call.function.arguments)]).toEqual(['get_weather', { city: 'Paris', unit: 'c' }]);
        messages.push({ role: 'tool', tool_call_id: call.id, content: '{"sky":"sunny","celsius":22}' });
      }
    }
    return 'no end';
  }

  it('calls the tool, then answers, on chat completions (plain and streamed)', async () => {
    expect(await loop(false)).toBe('It is sunny in Paris, 22 °C.');
    expect(await loop(true)).toBe('It is sunny in Paris, 22 °C.');
  });

  it('does the same on the Responses API', async () => {
    const first = await env.client.responses.create({ model: 'gpt-4o', input: 'What is the weather in Paris?' });
    const call = first.output[0] as OpenAI.Responses.ResponseFunctionToolCall;
    expect(call.name).toBe('get_weather');
    const final = await env.client.responses
      .stream({ model: 'gpt-4o', input: [{ role: 'user', content: 'What is the weather in Paris?' }, call, { type: 'function_call_output', call_id: call.call_id, output: 'sunny' }] })
      .finalResponse();
    expect(final.output_text).toBe('It is sunny in Paris, 22 °C.');
  });

  it('fails only the scripted call, and the SDK retry gets through', async () => {
    const retrying = new OpenAI({ apiKey: 'test-key', baseURL: env.mock.url, maxRetries: 1 });
    await env.client.embeddings.create({ model: 'e', input: 'one' });
    const second = await env.client.embeddings.create({ model: 'e', input: 'two' }).catch((e: unknown) => e);
    expect(second).toBeInstanceOf(OpenAI.InternalServerError);
    expect((await retrying.embeddings.create({ model: 'e', input: 'three' })).data.length).toBeGreaterThan(0);
  });
});

describe('fixture answers', () => {
  const fixtures: FixturesFile = {
    fixtures: [
      { match: { operation: 'POST /chat/completions', headers: { 'x-case': 'drop' } }, drop: true },
      { match: { operation: 'POST /chat/completions', headers: { 'x-case': 'raw' } }, stream: { delayMs: 5, chunks: [{ id: 'c1', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [{ index: 0, delta: { content: 'Hi' }, finish_reason: 'stop' }] }, '[DONE]'] } },
      { match: { operation: 'POST /chat/completions', body: { model: { $regex: '^limited-' } } }, error: { status: 429, message: 'Quota', code: 'rate_limit_exceeded' } },
      { match: { operation: 'GET /models' }, body: { object: 'list', data: [{ id: 'only-one', object: 'model', created: 0, owned_by: 'me' }] } },
    ],
  };
  const env = openaiMock({ fixtures });
  const ask = { model: 'm', messages: [{ role: 'user' as const, content: 'hi' }] };

  it('drops the connection', async () => {
    const error = await env.client.chat.completions.create(ask, { headers: { 'x-case': 'drop' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.APIConnectionError);
  });

  it('streams the scripted chunks', async () => {
    const chunks = [];
    for await (const c of await env.client.chat.completions.create({ ...ask, stream: true }, { headers: { 'x-case': 'raw' } })) chunks.push(c);
    expect(chunks.map((c) => c.choices[0].delta.content)).toEqual(['Hi']);
  });

  it('answers the scripted error and body', async () => {
    const error = await env.client.chat.completions.create({ ...ask, model: 'limited-1' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.RateLimitError);
    expect((error as InstanceType<typeof OpenAI.RateLimitError>).code).toBe('rate_limit_exceeded');
    expect((await env.client.models.list()).data.map((m) => m.id)).toEqual(['only-one']);
    expect((await env.client.chat.completions.create(ask)).choices[0].message.content?.length).toBeGreaterThan(0);
  });
});

describe('a scripted provider transformation (reply.as), as a probe sees it', () => {
  const fixtures: FixturesFile = {
    fixtures: [
      { match: { operation: 'POST /chat/completions', body: { n: 3 } }, reply: { as: { n: 2 } } },
      { match: { operation: 'POST /chat/completions', body: { max_tokens: 50 } }, reply: { as: { max_tokens: 3 } } },
      { match: { operation: 'POST /chat/completions', body: { stop: 'never' } }, reply: { as: { stop: 'a' }, text: 'scripted text' } },
      { match: { operation: 'POST /responses', body: { max_output_tokens: 40 } }, reply: { as: { max_output_tokens: 16 } } },
    ],
  };
  const env = openaiMock({ fixtures });
  const ask = { model: 'gpt-4o', messages: [{ role: 'user' as const, content: 'Write a long sentence' }] };

  it('answers n=3 with 2 choices, streamed or not', async () => {
    expect((await env.client.chat.completions.create({ ...ask, n: 3 })).choices.map((c) => c.index)).toEqual([0, 1]);
    const streamed = await env.client.chat.completions.stream({ ...ask, n: 3 }).finalChatCompletion();
    expect(streamed.choices).toHaveLength(2);
    expect((await env.client.chat.completions.create({ ...ask, n: 4 })).choices).toHaveLength(4);
  });

  it('cuts at the scripted max_tokens, keeping the generated text', async () => {
    const full = await env.client.chat.completions.create(ask);
    const cut = await env.client.chat.completions.create({ ...ask, max_tokens: 50 });
    expect([cut.usage?.completion_tokens, cut.choices[0].finish_reason]).toEqual([3, 'length']);
    expect(full.choices[0].message.content?.startsWith(cut.choices[0].message.content as string)).toBe(true);
    const response = await env.client.responses.create({ model: 'gpt-4o', input: 'Write a long sentence', max_output_tokens: 40 });
    expect([response.status, response.usage?.output_tokens]).toEqual(['incomplete', 16]);
  });

  it('puts scripted text into the answer of the scripted request', async () => {
    expect((await env.client.chat.completions.create({ ...ask, stop: 'never' })).choices[0].message.content).toBe('scripted text');
  });

  it('checks reply.as against the profile', async () => {
    const error = await startMock({ provider: 'kluster', fixtures: { fixtures: [{ match: { operation: 'POST /chat/completions' }, reply: { as: { tools: [] } } }] } }).catch((e: unknown) => e);
    expect((error as DiagnosticError).diagnostics[0].location?.pointer).toBe('/fixtures/0/reply/as/tools');
  });
});

describe('fixtures are checked against the profile when loaded', () => {
  const load = (provider: string, fixtures: FixturesFile) => startMock({ provider, fixtures }).then((m) => (m.close(), 'loaded'), (e: unknown) => e);

  it.each([
    ['openai', { operation: 'POST /nowhere' }, '/fixtures/0/match/operation', /not an operation/],
    ['kluster', { operation: 'POST /chat/completions', body: { tools: [] } }, '/fixtures/0/match/body/tools', /rejects 'tools'/],
    ['openai', { operation: 'POST /chat/completions', body: { mesages: [] } }, '/fixtures/0/match/body/mesages', /not a request field/],
  ])('%s: %j is an error at %s', async (provider, match, pointer, message) => {
    const error = await load(provider, { fixtures: [{ match: match as never, reply: { text: 'x' } }] });
    expect(error).toBeInstanceOf(DiagnosticError);
    expect((error as DiagnosticError).diagnostics[0].location?.pointer).toBe(pointer);
    expect((error as DiagnosticError).diagnostics[0].message).toMatch(message);
  });

  it('needs exactly one answer per fixture', async () => {
    const error = await load('openai', { fixtures: [{ match: { operation: 'GET /models' }, body: {}, drop: true }] });
    expect((error as DiagnosticError).diagnostics[0].location?.pointer).toBe('/fixtures/0');
  });
});
