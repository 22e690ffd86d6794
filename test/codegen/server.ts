/** A scripted HTTP server on 127.0.0.1 for client tests: each test sets what the next answers are. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: unknown;
}

export type Answer = (res: ServerResponse, req: SeenRequest) => void;

export interface TestServer {
  baseUrl: string;
  seen: SeenRequest[];
  answer: Answer;
  close(): Promise<void>;
}

export async function startServer(): Promise<TestServer> {
  const state: TestServer = { baseUrl: '', seen: [], answer: (res) => res.writeHead(500).end('no answer scripted'), close: async () => undefined };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown = text;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        // not JSON: keep the text
      }
      const seen = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body };
      state.seen.push(seen);
      state.answer(res, seen);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  state.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return state;
}

export const json =
  (status: number, value: unknown): Answer =>
  (res) =>
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));

export const text =
  (status: number, value: string): Answer =>
  (res) =>
    res.writeHead(status, { 'content-type': 'text/plain' }).end(value);

/** Sends the events (objects as JSON data, strings verbatim), then `[DONE]` unless `end` says otherwise. */
export const sse =
  (events: (object | string)[], end: 'done' | 'close' | 'destroy' = 'done'): Answer =>
  (res) => {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    for (const event of events) res.write(typeof event === 'string' ? event : `data: ${JSON.stringify(event)}\n\n`);
    if (end === 'done') res.end('data: [DONE]\n\n');
    else if (end === 'close') res.end();
    else setTimeout(() => res.destroy(), 20);
  };
