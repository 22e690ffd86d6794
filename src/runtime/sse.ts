/**
 * Server-sent events, read by hand because openapi-fetch 0.17 has no SSE support: a line parser
 * per the WHATWG event-stream format, then the OpenAI conventions on top (`[DONE]`, error events).
 */
import { errorDetailOf, isRecord, StreamError } from './errors.ts';

export interface SseEvent {
  /** The `event:` field, when the server sent one. */
  event?: string;
  data: string;
  id?: string;
}

/** Splits a byte stream into events. A stream cut in the middle of an event is a connection error. */
export async function* parseSse(body: AsyncIterable<Uint8Array>): AsyncGenerator<SseEvent> {
  const decoder = new TextDecoder();
  let buffer = '';
  let fields: { event?: string; data: string[]; id?: string } = { data: [] };
  let first = true;
  const takeLines = function* (final: boolean): Generator<string> {
    let start = 0;
    for (let i = 0; i < buffer.length; i++) {
      const c = buffer[i];
      if (c !== '\n' && c !== '\r') continue;
      // A CR at the end of a chunk may be the first half of CRLF: wait for the next chunk.
      if (c === '\r' && i === buffer.length - 1 && !final) break;
      yield buffer.slice(start, i);
      if (c === '\r' && buffer[i + 1] === '\n') i++;
      start = i + 1;
    }
    buffer = buffer.slice(start);
  };
  const feed = function* (line: string): Generator<SseEvent> {
    if (line === '') {
      if (fields.data.length) yield { event: fields.event, data: fields.data.join('\n'), id: fields.id };
      fields = { data: [] };
      return;
    }
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const name = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (name === 'data') fields.data.push(value);
    else if (name === 'event') fields.event = value;
    else if (name === 'id') fields.id = value;
  };
  for await (const chunk of body) {
    let text = decoder.decode(chunk, { stream: true });
    if (first && text.length) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    buffer += text;
    for (const line of takeLines(false)) yield* feed(line);
  }
  buffer += decoder.decode();
  for (const line of takeLines(true)) yield* feed(line);
  if (buffer !== '' || fields.data.length) {
    throw new StreamError('connection', 'the stream ended in the middle of an event');
  }
}

/**
 * Turns an event stream into parsed JSON events: ends at `[DONE]`, raises a StreamError on an
 * error event (`event: error`, `{ "error": ... }`, or a Responses `{ "type": "error" }`), on
 * data that is not JSON, and on a broken connection.
 */
export async function* readEventStream<T>(body: ReadableStream<Uint8Array>, label: string): AsyncGenerator<T, void, undefined> {
  const events = parseSse(iterate(body));
  try {
    while (true) {
      let step: IteratorResult<SseEvent>;
      try {
        step = await events.next();
      } catch (err) {
        if (err instanceof StreamError) throw err;
        throw new StreamError('connection', `the connection broke during the ${label} stream: ${(err as Error).message}`, { cause: err });
      }
      if (step.done) return;
      const { event, data } = step.value;
      if (data.trim() === '[DONE]') return;
      let value: unknown;
      try {
        value = JSON.parse(data);
      } catch (err) {
        if (event === 'error') throw errorEvent(label, data);
        throw new StreamError('parse', `the ${label} stream sent data that is not JSON: ${data.slice(0, 200)}`, { cause: err });
      }
      if (event === 'error' || isErrorPayload(value)) throw errorEvent(label, value);
      yield value as T;
    }
  } finally {
    await events.return(undefined);
    await body.cancel().catch(() => undefined);
  }
}

function isErrorPayload(value: unknown): boolean {
  if (!isRecord(value)) return false;
  if (value.type === 'error') return true;
  return 'error' in value && value.error !== null && value.error !== undefined && !('choices' in value) && !('object' in value);
}

function errorEvent(label: string, value: unknown): StreamError {
  const error = errorDetailOf(value);
  return new StreamError('error-event', `the ${label} stream sent an error: ${error.message}`, { error });
}

async function* iterate(body: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = body.getReader();
  try {
    while (true) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}
