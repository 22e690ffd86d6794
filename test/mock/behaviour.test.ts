/** Answers follow the request: the official `openai` SDK against the native mock of `openai`. */
import { Ajv2020 } from 'ajv/dist/2020.js';
import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { openaiMock } from './helpers.ts';

const weather = {
  type: 'function' as const,
  function: {
    name: 'get_weather',
    parameters: { type: 'object', properties: { city: { type: 'string', minLength: 2 }, unit: { enum: ['c', 'f'] } }, required: ['city', 'unit'], additionalProperties: false },
  },
};
const time = {
  type: 'function' as const,
  function: { name: 'get_time', parameters: { type: 'object', properties: { zone: { type: 'string' }, offset: { type: 'integer', minimum: -12 } }, required: ['zone', 'offset'] } },
};
const ask = { model: 'my-model', messages: [{ role: 'user' as const, content: 'What is the weather in Paris?' }] };
const validAgainst = (schema: object, value: unknown) => new Ajv2020({ strict: false }).validate(schema, value);

const env = openaiMock();

describe('chat completions follow the request', () => {
  it('echoes the model and answers the same conversation the same way, another one differently', async () => {
    const [a, b, c] = await Promise.all([
      env.client.chat.completions.create(ask),
      env.client.chat.completions.create(ask),
      env.client.chat.completions.create({ ...ask, messages: [{ role: 'user', content: 'Something else' }] }),
    ]);
    expect(a.model).toBe('my-model');
    expect(a.choices[0].message.content).toBe(b.choices[0].message.content);
    expect(c.choices[0].message.content).not.toBe(a.choices[0].message.content);
    expect(a.id).toMatch(/^chatcmpl-/);
  });

  it('gives n choices, counted in usage', async () => {
    const one = await env.client.chat.completions.create(ask);
    const three = await env.client.chat.completions.create({ ...ask, n: 3 });
    expect(three.choices.map((c) => c.index)).toEqual([0, 1, 2]);
    expect(new Set(three.choices.map((c) => c.message.content)).size).toBe(3);
    const words = (s: string | null) => (s ?? '').split(/\s+/).filter(Boolean).length;
    expect(three.usage?.completion_tokens).toBe(three.choices.reduce((n, c) => n + words(c.message.content), 0));
    expect(three.usage?.total_tokens).toBe((three.usage?.prompt_tokens ?? 0) + (three.usage?.completion_tokens ?? 0));
    expect(three.usage?.prompt_tokens).toBe(one.usage?.prompt_tokens);
  });

  it('cuts at max_completion_tokens / max_tokens with finish_reason length', async () => {
    const full = await env.client.chat.completions.create(ask);
    for (const limit of [{ max_completion_tokens: 2 }, { max_tokens: 3 }]) {
      const cut = await env.client.chat.completions.create({ ...ask, ...limit });
      const n = Object.values(limit)[0];
      expect(cut.choices[0].finish_reason).toBe('length');
      expect(cut.usage?.completion_tokens).toBe(n);
      expect(full.choices[0].message.content?.startsWith(cut.choices[0].message.content ?? '-')).toBe(true);
    }
  });

  it('stops before a stop sequence', async () => {
    const full = (await env.client.chat.completions.create(ask)).choices[0].message.content ?? '';
    const third = full.split(' ')[2];
    const cut = await env.client.chat.completions.create({ ...ask, stop: [` ${third}`] });
    expect(cut.choices[0].message.content).toBe(full.slice(0, full.indexOf(` ${third}`)));
    expect(cut.choices[0].finish_reason).toBe('stop');
  });

  it('returns logprobs and top_logprobs when asked, none otherwise', async () => {
    const plain = await env.client.chat.completions.create(ask);
    expect(plain.choices[0].logprobs).toBeNull();
    const withLogprobs = await env.client.chat.completions.create({ ...ask, logprobs: true, top_logprobs: 2 });
    const entries = withLogprobs.choices[0].logprobs?.content ?? [];
    expect(entries.map((e) => e.token).join('')).toBe(withLogprobs.choices[0].message.content);
    expect(entries.every((e) => e.top_logprobs.length === 2 && e.logprob <= 0)).toBe(true);
  });

  it('answers JSON for json_object and a value valid against the schema for json_schema', async () => {
    const object = await env.client.chat.completions.create({ ...ask, response_format: { type: 'json_object' } });
    expect(typeof JSON.parse(object.choices[0].message.content ?? '')).toBe('object');
    const schema = { type: 'object', properties: { city: { type: 'string' }, days: { type: 'array', minItems: 2, items: { $ref: '#/$defs/day' } } }, required: ['city', 'days'], additionalProperties: false, $defs: { day: { type: 'object', properties: { t: { type: 'number', minimum: 10 } }, required: ['t'] } } };
    const shaped = await env.client.chat.completions.create({ ...ask, response_format: { type: 'json_schema', json_schema: { name: 'forecast', schema, strict: true } } });
    expect(validAgainst(schema, JSON.parse(shaped.choices[0].message.content ?? ''))).toBe(true);
  });

  it('calls a tool when forced, with arguments valid against its parameters', async () => {
    for (const tool_choice of ['required', { type: 'function', function: { name: 'get_weather' } }] as const) {
      const reply = await env.client.chat.completions.create({ ...ask, tools: [weather], tool_choice, parallel_tool_calls: false });
      const calls = reply.choices[0].message.tool_calls ?? [];
      expect(reply.choices[0].finish_reason).toBe('tool_calls');
      expect(calls).toHaveLength(1);
      const call = calls[0] as OpenAI.ChatCompletionMessageFunctionToolCall;
      expect(call.function.name).toBe('get_weather');
      expect(call.id).toMatch(/^call_/);
      expect(validAgainst(weather.function.parameters, JSON.parse(call.function.arguments))).toBe(true);
    }
  });

  it('calls tools in parallel unless parallel_tool_calls is false, and the named one only', async () => {
    const parallel = await env.client.chat.completions.create({ ...ask, tools: [weather, time] });
    expect((parallel.choices[0].message.tool_calls ?? []).map((c) => (c as OpenAI.ChatCompletionMessageFunctionToolCall).function.name)).toEqual(['get_weather', 'get_time']);
    const single = await env.client.chat.completions.create({ ...ask, tools: [weather, time], parallel_tool_calls: false });
    expect(single.choices[0].message.tool_calls).toHaveLength(1);
    const named = await env.client.chat.completions.create({ ...ask, tools: [weather, time], tool_choice: { type: 'function', function: { name: 'get_time' } } });
    const args = JSON.parse((named.choices[0].message.tool_calls?.[0] as OpenAI.ChatCompletionMessageFunctionToolCall).function.arguments);
    expect(validAgainst(time.function.parameters, args)).toBe(true);
    const none = await env.client.chat.completions.create({ ...ask, tools: [weather], tool_choice: 'none' });
    expect(none.choices[0].message.tool_calls).toBeUndefined();
  });

  it('answers with text after a tool result, so runTools ends', async () => {
    let calls = 0;
    const runner = env.client.chat.completions.runTools({
      ...ask,
      tools: [{ type: 'function', function: { name: 'get_weather', description: 'Weather in a city', parameters: weather.function.parameters, function: (args: { city: string }) => ((calls += 1), `Sunny in ${args.city}`), parse: JSON.parse } }],
    });
    const final = await runner.finalChatCompletion();
    expect(calls).toBe(1);
    expect(final.choices[0].finish_reason).toBe('stop');
    expect(final.choices[0].message.content?.length).toBeGreaterThan(0);
  });
});

describe('chat streams read by the SDK helpers', () => {
  it('streams text whose running snapshot ends as the plain answer', async () => {
    const plain = await env.client.chat.completions.create({ ...ask, n: 2 });
    const stream = env.client.chat.completions.stream({ ...ask, n: 2, stream_options: { include_usage: true } });
    const snapshots: string[] = [];
    stream.on('content', (_delta, snapshot) => snapshots.push(snapshot));
    const final = await stream.finalChatCompletion();
    expect(final.choices.map((c) => c.message.content)).toEqual(plain.choices.map((c) => c.message.content));
    expect(snapshots.at(-1)).toBe(plain.choices.at(-1)?.message.content);
    expect(final.usage).toEqual(plain.usage);
  });

  it('streams tool-call deltas that assemble into the same calls', async () => {
    const plain = await env.client.chat.completions.create({ ...ask, tools: [weather, time] });
    const stream = env.client.chat.completions.stream({ ...ask, tools: [weather, time] });
    const final = await stream.finalChatCompletion();
    expect(final.choices[0].message.tool_calls).toEqual(plain.choices[0].message.tool_calls);
    expect(final.choices[0].finish_reason).toBe('tool_calls');
  });

  it('streams legacy completions', async () => {
    const plain = await env.client.completions.create({ model: 'my-model', prompt: 'Once', max_tokens: 5 });
    const chunks = [];
    for await (const chunk of await env.client.completions.create({ model: 'my-model', prompt: 'Once', max_tokens: 5, stream: true })) chunks.push(chunk);
    expect(chunks.map((c) => c.choices[0]?.text ?? '').join('')).toBe(plain.choices[0].text);
    expect(chunks.at(-1)?.choices[0].finish_reason).toBe(plain.choices[0].finish_reason);
    expect(plain.usage?.completion_tokens).toBe(5);
  });

  it('rejects stream: true on an operation that cannot stream', async () => {
    const error = await env.client.embeddings.create({ model: 'e', input: 'x', stream: true } as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect((error as InstanceType<typeof OpenAI.BadRequestError>).param).toBe('stream');
  });
});

describe('the Responses API', () => {
  const input = 'What is the weather in Paris?';
  const fnTool = { type: 'function' as const, name: 'get_weather', parameters: weather.function.parameters, strict: true };

  it('answers a message with coherent ids and usage', async () => {
    const r = await env.client.responses.create({ model: 'my-model', input });
    expect(r.id).toMatch(/^resp_/);
    expect(r.status).toBe('completed');
    expect(r.error).toBeNull();
    expect(r.output_text.length).toBeGreaterThan(0);
    expect(r.usage?.output_tokens).toBe(r.output_text.split(' ').length);
    const cut = await env.client.responses.create({ model: 'my-model', input, max_output_tokens: 16 });
    expect([cut.status, cut.incomplete_details?.reason, cut.usage?.output_tokens]).toEqual(['incomplete', 'max_output_tokens', 16]);
  });

  it('calls function tools, then answers text after their output', async () => {
    const r = await env.client.responses.create({ model: 'my-model', input, tools: [fnTool], tool_choice: 'required' });
    const call = r.output[0] as OpenAI.Responses.ResponseFunctionToolCall;
    expect(call.type).toBe('function_call');
    expect(validAgainst(fnTool.parameters, JSON.parse(call.arguments))).toBe(true);
    const next = await env.client.responses.create({ model: 'my-model', tools: [fnTool], input: [{ role: 'user', content: input }, call, { type: 'function_call_output', call_id: call.call_id, output: 'Sunny' }] });
    expect(next.output[0].type).toBe('message');
  });

  it('streams the full event sequence; the helper assembles it without doubled text', async () => {
    const plain = await env.client.responses.create({ model: 'my-model', input });
    const stream = env.client.responses.stream({ model: 'my-model', input });
    const types: string[] = [];
    const snapshots: string[] = [];
    stream.on('event', (e) => types.push(e.type));
    stream.on('response.output_text.delta', (e) => snapshots.push(e.snapshot));
    const final = await stream.finalResponse();
    expect(types.slice(0, 4)).toEqual(['response.created', 'response.in_progress', 'response.output_item.added', 'response.content_part.added']);
    expect(types.slice(-4)).toEqual(['response.output_text.done', 'response.content_part.done', 'response.output_item.done', 'response.completed']);
    expect(final.output_text).toBe(plain.output_text);
    expect(snapshots.at(-1)).toBe(plain.output_text);
  });

  it('streams function-call argument events', async () => {
    const stream = env.client.responses.stream({ model: 'my-model', input, tools: [fnTool], tool_choice: 'required' });
    const types = new Set<string>();
    stream.on('event', (e) => types.add(e.type));
    const final = await stream.finalResponse();
    expect(types.has('response.function_call_arguments.delta') && types.has('response.function_call_arguments.done')).toBe(true);
    expect(validAgainst(fnTool.parameters, JSON.parse((final.output[0] as OpenAI.Responses.ResponseFunctionToolCall).arguments))).toBe(true);
  });
});

describe('other streams the SDK reads', () => {
  const audio = () => new File([new Uint8Array([1, 2, 3])], 'a.wav', { type: 'audio/wav' });

  it('streams a transcription', async () => {
    const events = [];
    for await (const e of await env.client.audio.transcriptions.create({ file: audio(), model: 'gpt-4o-transcribe', stream: true })) events.push(e);
    const deltas = events.filter((e) => e.type === 'transcript.text.delta').map((e) => (e as { delta: string }).delta);
    const done = events.at(-1) as { type: string; text: string };
    expect(deltas.length).toBeGreaterThan(0);
    expect(done.type).toBe('transcript.text.done');
    expect(done.text).toBe(deltas.join(''));
  });

  it('streams an Assistants run the AssistantStream folds', async () => {
    const stream = env.client.beta.threads.runs.stream('thread_abc', { assistant_id: 'asst_abc' });
    const deltas: string[] = [];
    stream.on('textDelta', (d) => deltas.push(d.value ?? ''));
    const run = await stream.finalRun();
    const messages = await stream.finalMessages();
    expect([run.status, run.thread_id, run.assistant_id]).toEqual(['completed', 'thread_abc', 'asst_abc']);
    expect((messages[0].content[0] as { text: { value: string } }).text.value).toBe(deltas.join(''));
  });

  it('streams speech as server-sent events with stream_format sse', async () => {
    const response = await env.client.audio.speech.create({ model: 'gpt-4o-mini-tts', voice: 'alloy', input: 'Hello', stream_format: 'sse' });
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const text = await response.text();
    expect(text).toContain('speech.audio.delta');
    expect(text).toContain('speech.audio.done');
  });

  it('streams partial images then the completed image', async () => {
    const types = [];
    for await (const e of await env.client.images.generate({ model: 'gpt-image-1', prompt: 'a cat', stream: true, partial_images: 2 })) types.push(e.type);
    expect(types).toEqual(['image_generation.partial_image', 'image_generation.partial_image', 'image_generation.completed']);
  });
});

describe('lists and objects hang together', () => {
  it('pages with limit and after until has_more is false', async () => {
    const ids = [];
    for await (const file of env.client.files.list({ limit: 2 })) ids.push(file.id);
    expect(ids.length).toBe(3);
    expect(new Set(ids).size).toBe(3);
    const evals = await env.client.evals.list({ limit: 100 });
    expect(evals.has_more).toBe(false);
    const before = await env.client.files.list({ before: ids[2] } as never);
    expect(before.data.map((f) => f.id)).toEqual(ids.slice(0, 2));
  });

  it('names listed items with OpenAI\'s prefixes (batch_, vs_)', async () => {
    expect((await env.client.batches.list({ limit: 1 })).data[0].id).toMatch(/^batch_/);
    expect((await env.client.vectorStores.list({ limit: 1 })).data[0].id).toMatch(/^vs_/);
  });

  it('answers a create with the request\'s values and an id from the request, without state', async () => {
    const batch = await env.client.batches.create({ input_file_id: 'file-abc', endpoint: '/v1/chat/completions', completion_window: '24h' });
    expect([batch.input_file_id, batch.endpoint, batch.completion_window]).toEqual(['file-abc', '/v1/chat/completions', '24h']);
    expect(batch.id).toMatch(/^batch_mock/);
    const store = await env.client.vectorStores.create({ name: 'manuals' });
    expect([store.name, store.id.startsWith('vs_')]).toEqual(['manuals', true]);
    const again = await env.client.vectorStores.create({ name: 'manuals' });
    expect(again.id).toBe(store.id);
    expect((await env.client.vectorStores.create({ name: 'other' })).id).not.toBe(store.id);
  });

  it('answers a retrieve with the id asked for', async () => {
    expect((await env.client.files.retrieve('file-xyz')).id).toBe('file-xyz');
    expect((await env.client.models.retrieve('my-model')).id).toBe('my-model');
    const message = await env.client.beta.threads.messages.retrieve('msg_1', { thread_id: 'thread_9' });
    expect([message.id, message.thread_id]).toEqual(['msg_1', 'thread_9']);
  });

  it('lists models by name, never the placeholder "string"', async () => {
    const models = await env.client.models.list();
    expect(models.data.length).toBeGreaterThan(0);
    expect(models.data.every((m) => m.id !== 'string')).toBe(true);
  });
});
