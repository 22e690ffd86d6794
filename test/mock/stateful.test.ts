/** Stateful mode: create → retrieve → list → delete agree, through the official SDK. */
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type RunningMock } from '../../src/mock/start.ts';

let mock: RunningMock;
let client: OpenAI;
beforeAll(async () => {
  mock = await startMock({ provider: 'openai', stateful: true });
  client = new OpenAI({ apiKey: 'test-key', baseURL: mock.url, maxRetries: 0 });
});
afterAll(() => mock?.close());

const notFound = (p: Promise<unknown>) => p.then(() => 'found', (e: unknown) => (e instanceof OpenAI.NotFoundError ? 'not found' : String(e)));

describe('stateful mock', () => {
  it('keeps files: uploaded, retrieved, listed, deleted', async () => {
    const a = await client.files.create({ file: new File(['{}'], 'a.jsonl'), purpose: 'batch' });
    const b = await client.files.create({ file: new File(['{}'], 'b.jsonl'), purpose: 'assistants' });
    expect(a.id).not.toBe(b.id);
    expect([a.filename, a.purpose]).toEqual(['a.jsonl', 'batch']);
    expect(await client.files.retrieve(a.id)).toEqual(a);
    const listed = [];
    for await (const f of client.files.list({ limit: 1 })) listed.push(f.id);
    expect(listed).toEqual([b.id, a.id]);
    expect((await client.files.delete(a.id)).deleted).toBe(true);
    expect(await notFound(client.files.retrieve(a.id))).toBe('not found');
    expect((await client.files.list()).data.map((f) => f.id)).toEqual([b.id]);
  });

  it('keeps vector stores, with their changes', async () => {
    const store = await client.vectorStores.create({ name: 'docs' });
    expect(store.name).toBe('docs');
    const renamed = await client.vectorStores.update(store.id, { name: 'manuals' });
    expect((await client.vectorStores.retrieve(store.id)).name).toBe('manuals');
    expect(renamed.id).toBe(store.id);
    expect((await client.vectorStores.list()).data.map((s) => s.id)).toContain(store.id);
    await client.vectorStores.delete(store.id);
    expect(await notFound(client.vectorStores.retrieve(store.id))).toBe('not found');
  });

  it('keeps batches, and cancels them', async () => {
    const batch = await client.batches.create({ input_file_id: 'file-in', endpoint: '/v1/chat/completions', completion_window: '24h' });
    expect(batch.input_file_id).toBe('file-in');
    expect((await client.batches.retrieve(batch.id)).id).toBe(batch.id);
    expect((await client.batches.cancel(batch.id)).status).toBe('cancelling');
    expect((await client.batches.list()).data.map((b) => b.id)).toContain(batch.id);
    expect(await notFound(client.batches.retrieve('batch_unknown'))).toBe('not found');
  });

  it('keeps responses, streamed or not', async () => {
    const r = await client.responses.create({ model: 'my-model', input: 'Hello there' });
    expect((await client.responses.retrieve(r.id)).output_text).toBe(r.output_text);
    const streamed = await client.responses.stream({ model: 'my-model', input: 'Streamed hello' }).finalResponse();
    expect((await client.responses.retrieve(streamed.id)).output_text).toBe(streamed.output_text);
    await client.responses.delete(r.id);
    expect(await notFound(client.responses.retrieve(r.id))).toBe('not found');
  });
});
