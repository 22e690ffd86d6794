/** Typed errors the generated clients raise, and a tolerant reader of OpenAI-style error bodies. */
import { isObject } from '../load/json.ts';

/** OpenAI's error object, with every field present (null when the provider did not send it). */
export interface ErrorDetail {
  message: string;
  type: string | null;
  param: string | null;
  code: string | null;
}

export class OaiCompatError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'OaiCompatError';
  }
}

/** A non-2xx answer. `error` is OpenAI's `{ error: {...} }` envelope, normalized. */
export class ApiError extends OaiCompatError {
  readonly status: number;
  readonly error: ErrorDetail;
  /** The raw response body (text), as received. */
  readonly body: string;
  readonly headers: Headers;
  readonly provider: string;
  readonly operation: string;

  constructor(init: { status: number; error: ErrorDetail; body: string; headers: Headers; provider: string; operation: string }) {
    super(`${init.provider} answered ${init.status} to ${init.operation}: ${init.error.message}`);
    this.name = 'ApiError';
    this.status = init.status;
    this.error = init.error;
    this.body = init.body;
    this.headers = init.headers;
    this.provider = init.provider;
    this.operation = init.operation;
  }
}

/** The request never got an answer (DNS, refused connection, reset before headers). */
export class ConnectionError extends OaiCompatError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ConnectionError';
  }
}

export type StreamErrorKind = 'error-event' | 'connection' | 'parse' | 'not-a-stream';

/** A stream that failed after it started: an error event, a broken connection, or unreadable data. */
export class StreamError extends OaiCompatError {
  readonly kind: StreamErrorKind;
  /** The provider's error, for `error-event`. */
  readonly error?: ErrorDetail;

  constructor(kind: StreamErrorKind, message: string, options?: { cause?: unknown; error?: ErrorDetail }) {
    super(message, options);
    this.name = 'StreamError';
    this.kind = kind;
    this.error = options?.error;
  }
}

const MAX_MESSAGE = 500;

/**
 * Reads an error body the way real providers send it: OpenAI's envelope, `{ error: "text" }`,
 * a flat `{ message, type, code }`, FastAPI's `{ detail }`, or plain text / HTML.
 */
export function parseErrorBody(text: string, status: number): ErrorDetail {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    const trimmed = text.trim();
    return detail(trimmed ? trimmed.slice(0, MAX_MESSAGE) : `HTTP ${status}`);
  }
  return errorDetailOf(value, status);
}

/** The same, on an already parsed value (stream error events carry one). */
export function errorDetailOf(value: unknown, status?: number): ErrorDetail {
  const fallback = status === undefined ? 'unknown error' : `HTTP ${status}`;
  if (!isRecord(value)) return detail(value === undefined || value === null ? fallback : String(value));
  const inner = value.error;
  if (typeof inner === 'string') return detail(inner, value);
  if (isRecord(inner)) return detail(textOf(inner.message) ?? fallback, inner);
  if ('message' in value) return detail(textOf(value.message) ?? fallback, value);
  if ('detail' in value) return detail(textOf(value.detail) ?? fallback, value);
  return detail(JSON.stringify(value).slice(0, MAX_MESSAGE));
}

function detail(message: string, source: Record<string, unknown> = {}): ErrorDetail {
  return { message, type: scalar(source.type), param: scalar(source.param), code: scalar(source.code) };
}

function textOf(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  return typeof value === 'string' ? value : JSON.stringify(value).slice(0, MAX_MESSAGE);
}

function scalar(value: unknown): string | null {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : null;
}

/** A JSON object: the project's one check, under the name the runtime modules use. */
export const isRecord = isObject;
