/** Stateful mode: create → retrieve → list → delete agree, through the official SDK. */
import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { openaiMock } from './helpers.ts';

const env = openaiMock({ stateful: true });

const notFound = (p: Promise<unknown>) => p.then(() => 'found', (e: unknown) => (e instanceof OpenAI.NotFoundError ? 'not found' : String(e)));

describe('stateful mock', () => {
  it('keeps files: uploaded, retrieved, listed, deleted', async () => {
    const a = await env.client.files.create({ file: new File(['{}'], 'a.jsonl'), purpose: 'batch' });
    const b = await env.client.files.create({ file: new File(['{}'], 'b.jsonl'), purpose: 'assistants' });
    expect(a.id).not.toBe(b.id);
    expect([a.filename, a.purpose]).toEqual(['a.jsonl', 'batch']);
    expect(a.status).toBe('uploaded');
    expect(await env.client.files.retrieve(a.id)).toEqual({ ...a, status: 'processed' });
    expect((await env.client.files.waitForProcessing(b.id, { pollInterval: 5 })).status).toBe('processed');
    const listed = [];
    for await (const f of env.client.files.list({ limit: 1 })) listed.push(f.id);
    expect(listed).toEqual([b.id, a.id]);
    expect((await env.client.files.delete(a.id)).deleted).toBe(true);
    expect(await notFound(env.client.files.retrieve(a.id))).toBe('not found');
    expect((await env.client.files.list()).data.map((f) => f.id)).toEqual([b.id]);
  });

  it('keeps vector stores, with their changes', async () => {
    const store = await env.client.vectorStores.create({ name: 'docs' });
    expect(store.name).toBe('docs');
    const renamed = await env.client.vectorStores.update(store.id, { name: 'manuals' });
    expect((await env.client.vectorStores.retrieve(store.id)).name).toBe('manuals');
    expect(renamed.id).toBe(store.id);
    expect((await env.client.vectorStores.list()).data.map((s) => s.id)).toContain(store.id);
    await env.client.vectorStores.delete(store.id);
    expect(await notFound(env.client.vectorStores.retrieve(store.id))).toBe('not found');
  });

  it('keeps batches, and cancels them', async () => {
    const batch = await env.client.batches.create({ input_file_id: 'file-in', endpoint: '/v1/chat/completions', completion_window: '24h' });
    expect(batch.input_file_id).toBe('file-in');
    expect((await env.client.batches.retrieve(batch.id)).id).toBe(batch.id);
    expect((await env.client.batches.cancel(batch.id)).status).toBe('cancelling');
    expect((await env.client.batches.list()).data.map((b) => b.id)).toContain(batch.id);
    expect(await notFound(env.client.batches.retrieve('batch_unknown'))).toBe('not found');
  });

  it('keeps responses, streamed or not', async () => {
    const r = await env.client.responses.create({ model: 'my-model', input: 'Hello there' });
    expect((await env.client.responses.retrieve(r.id)).output_text).toBe(r.output_text);
    const streamed = await env.client.responses.stream({ model: 'my-model', input: 'Streamed hello' }).finalResponse();
    expect((await env.client.responses.retrieve(streamed.id)).output_text).toBe(streamed.output_text);
    const events = [];
    for await (const e of await env.client.responses.retrieve(r.id, { stream: true })) events.push(e);
    expect(events.at(-1)).toMatchObject({ type: 'response.completed', response: { id: r.id, output: r.output } });
    await env.client.responses.delete(r.id);
    expect(await notFound(env.client.responses.retrieve(r.id))).toBe('not found');
  });
});
