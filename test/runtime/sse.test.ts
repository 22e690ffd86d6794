import { describe, expect, it } from 'vitest';
import { StreamError } from '../../src/runtime/errors.ts';
import { parseSse, readEventStream, type SseEvent } from '../../src/runtime/sse.ts';

const encoder = new TextEncoder();

async function* chunks(parts: string[]): AsyncGenerator<Uint8Array> {
  for (const part of parts) yield encoder.encode(part);
}

function streamOf(parts: string[], failAfter = false): ReadableStream<Uint8Array> {
  let i = 0;
  return new ReadableStream({
    pull(controller) {
      if (i < parts.length) controller.enqueue(encoder.encode(parts[i++]));
      else if (failAfter) controller.error(new TypeError('terminated'));
      else controller.close();
    },
  });
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

describe('parseSse', () => {
  const cases: { name: string; given: string[]; want: SseEvent[] }[] = [
    { name: 'one event', given: ['data: {"a":1}\n\n'], want: [{ event: undefined, data: '{"a":1}', id: undefined }] },
    { name: 'CRLF split across chunks', given: ['data: x\r', '\n\r\n'], want: [{ event: undefined, data: 'x', id: undefined }] },
    { name: 'bare CR line ends', given: ['data: x\r\r'], want: [{ event: undefined, data: 'x', id: undefined }] },
    { name: 'multi-line data joined with LF', given: ['data: a\ndata: b\n\n'], want: [{ event: undefined, data: 'a\nb', id: undefined }] },
    { name: 'event name, id, comments, no space after colon', given: [': keep-alive\nevent: error\nid: 7\ndata:x\n\n'], want: [{ event: 'error', data: 'x', id: '7' }] },
    { name: 'event split in the middle of a line', given: ['da', 'ta: hel', 'lo\n', '\n'], want: [{ event: undefined, data: 'hello', id: undefined }] },
    { name: 'byte order mark at the start', given: ['\uFEFFdata: x\n\n'], want: [{ event: undefined, data: 'x', id: undefined }] },
    { name: 'blank lines without data dispatch nothing', given: ['\n\nevent: ping\n\n'], want: [] },
  ];
  for (const { name, given, want } of cases) {
    it(name, async () => {
      expect(await collect(parseSse(chunks(given)))).toEqual(want);
    });
  }

  it('raises a connection error when the stream ends inside an event', async () => {
    await expect(collect(parseSse(chunks(['data: {"a":1}\n\ndata: {"b"'])))).rejects.toMatchObject({ name: 'StreamError', kind: 'connection' });
  });

  it('splits multi-byte characters across chunks correctly', async () => {
    const bytes = encoder.encode('data: é\n\n');
    async function* split(): AsyncGenerator<Uint8Array> {
      yield bytes.slice(0, 7);
      yield bytes.slice(7);
    }
    expect((await collect(parseSse(split())))[0].data).toBe('é');
  });
});

describe('readEventStream', () => {
  it('yields parsed events and stops at [DONE], ignoring what follows', async () => {
    const events = await collect(readEventStream(streamOf(['data: {"n":1}\n\n', 'data: {"n":2}\n\ndata: [DONE]\n\ndata: {"n":3}\n\n']), 'POST /x'));
    expect(events).toEqual([{ n: 1 }, { n: 2 }]);
  });

  const errors: { name: string; given: string[]; kind: string; message?: string }[] = [
    { name: 'an OpenAI error envelope mid-stream', given: ['data: {"n":1}\n\n', 'data: {"error":{"message":"overloaded","type":"server_error"}}\n\n'], kind: 'error-event', message: 'overloaded' },
    { name: 'an `event: error` with text data', given: ['event: error\ndata: upstream timeout\n\n'], kind: 'error-event', message: 'upstream timeout' },
    { name: 'a Responses API error event', given: ['data: {"type":"error","code":"rate_limit","message":"slow down"}\n\n'], kind: 'error-event', message: 'slow down' },
    { name: 'data that is not JSON', given: ['data: {oops\n\n'], kind: 'parse' },
  ];
  for (const { name, given, kind, message } of errors) {
    it(`raises StreamError on ${name}`, async () => {
      const failure = await collect(readEventStream(streamOf(given), 'POST /x')).catch((err: unknown) => err);
      expect(failure).toBeInstanceOf(StreamError);
      expect((failure as StreamError).kind).toBe(kind);
      if (message) expect((failure as StreamError).error?.message).toBe(message);
    });
  }

  it('raises a connection StreamError when the connection breaks', async () => {
    const failure = await collect(readEventStream(streamOf(['data: {"n":1}\n\n'], true), 'POST /x')).catch((err: unknown) => err);
    expect(failure).toMatchObject({ name: 'StreamError', kind: 'connection' });
  });

  it('cancels the body when the consumer stops early', async () => {
    let cancelled = false;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(encoder.encode('data: {"n":1}\n\n'));
      },
      cancel() {
        cancelled = true;
      },
    });
    for await (const _ of readEventStream(body, 'POST /x')) break;
    expect(cancelled).toBe(true);
  });
});
