/**
 * The official SDK's helpers that wait or re-read (pollers, a response retrieved as a stream),
 * against the native mock of `openai`. Embeddings: embeddings.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { openaiMock } from './helpers.ts';

const env = openaiMock();

describe("the SDK's pollers end", () => {
  const poll = { pollIntervalMs: 5 };

  it('runs: createAndPoll sees the queued run completed', async () => {
    const run = await env.client.beta.threads.runs.create('thread_1', { assistant_id: 'asst_1' });
    expect(run.status).toBe('queued');
    expect((await env.client.beta.threads.runs.createAndPoll('thread_1', { assistant_id: 'asst_1' }, poll)).status).toBe('completed');
  });

  it('vector store files and file batches: createAndPoll and uploadAndPoll complete', async () => {
    expect((await env.client.vectorStores.files.createAndPoll('vs_1', { file_id: 'file-1' }, poll)).status).toBe('completed');
    expect((await env.client.vectorStores.fileBatches.createAndPoll('vs_1', { file_ids: ['file-1'] }, poll)).status).toBe('completed');
    expect((await env.client.vectorStores.files.uploadAndPoll('vs_1', new File(['hello'], 'a.txt'), poll)).status).toBe('completed');
  });

  it('files: waitForProcessing sees the file processed', async () => {
    expect((await env.client.files.waitForProcessing('file-1', { pollInterval: 5 })).status).toBe('processed');
  });
});

describe('a response retrieved as a stream', () => {
  it('replays its events, ending with response.completed', async () => {
    const types: string[] = [];
    for await (const e of await env.client.responses.retrieve('resp_1', { stream: true })) types.push(e.type);
    expect(types.slice(0, 2)).toEqual(['response.created', 'response.in_progress']);
    expect(types.at(-1)).toBe('response.completed');
  });
});
