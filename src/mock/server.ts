/**
 * The mock's HTTP server: time limits for slow clients, OpenAI envelopes for the errors Node
 * answers by itself (malformed requests, oversized headers, timeouts), and listen failures as
 * one-line errors.
 */
import type * as Http from 'node:http';
import type { Socket } from 'node:net';
import { errorBody, mockError } from './errors.ts';

export interface ServerTimeouts {
  /** Milliseconds a client has to send the request headers (Node's `headersTimeout`). */
  headersMs: number;
  /** Milliseconds a client has to send the whole request, body included (Node's `requestTimeout`). */
  requestMs: number;
  /** Milliseconds an idle keep-alive connection stays open. */
  keepAliveMs: number;
}

export const defaultTimeouts: ServerTimeouts = { headersMs: 10_000, requestMs: 30_000, keepAliveMs: 30_000 };

/** Timeouts from `OAI_COMPAT_MOCK_HEADERS_TIMEOUT_MS` and `OAI_COMPAT_MOCK_REQUEST_TIMEOUT_MS`, else the defaults. */
export function timeoutsFromEnv(env: NodeJS.ProcessEnv = process.env): ServerTimeouts {
  const read = (name: string, fallback: number) => {
    const text = env[name];
    return text !== undefined && /^\d{1,9}$/.test(text) && Number(text) > 0 ? Number(text) : fallback;
  };
  return {
    headersMs: read('OAI_COMPAT_MOCK_HEADERS_TIMEOUT_MS', defaultTimeouts.headersMs),
    requestMs: read('OAI_COMPAT_MOCK_REQUEST_TIMEOUT_MS', defaultTimeouts.requestMs),
    keepAliveMs: defaultTimeouts.keepAliveMs,
  };
}

// `import ... from 'node:http'` builds the module's whole namespace, whose lazy getters load
// undici (about 30 ms at start); the builtin's exports object does not.
const { createServer } = process.getBuiltinModule('node:http') as typeof Http;

const clientErrors: Record<string, { status: number; message: string; code: string }> = {
  HPE_HEADER_OVERFLOW: { status: 431, message: 'The request headers are too large.', code: 'headers_too_large' },
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, message: 'The request was not received in time.', code: 'request_timeout' },
  HPE_HEADERS_TIMEOUT: { status: 408, message: 'The request headers were not received in time.', code: 'request_timeout' },
};

/** Answers a request Node's parser refused, in OpenAI's envelope, then closes the connection. */
function answerClientError(err: NodeJS.ErrnoException, socket: Socket): void {
  if (!socket.writable || (err.code === 'ECONNRESET' && !socket.readable)) {
    socket.destroy();
    return;
  }
  const known = clientErrors[err.code ?? ''] ?? { status: 400, message: 'The request is not valid HTTP/1.1.', code: 'bad_request' };
  const text = JSON.stringify(errorBody(mockError(known.status, known.message, { code: known.code })));
  const reason = known.status === 431 ? 'Request Header Fields Too Large' : known.status === 408 ? 'Request Timeout' : 'Bad Request';
  socket.end(`HTTP/1.1 ${known.status} ${reason}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(text)}\r\nconnection: close\r\n\r\n${text}`);
}

export function createMockServer(handler: Http.RequestListener, timeouts: ServerTimeouts = defaultTimeouts): Http.Server {
  const server = createServer(
    { keepAliveTimeout: timeouts.keepAliveMs, headersTimeout: timeouts.headersMs, requestTimeout: timeouts.requestMs, connectionsCheckingInterval: Math.min(1000, timeouts.headersMs) },
    handler,
  );
  server.on('clientError', answerClientError);
  return server;
}
