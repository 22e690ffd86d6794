/**
 * One probe request over HTTP: the key goes into a header and nowhere else (the recorded exchange
 * carries the path and body only, and any echo of the key in an answer is blanked before parsing).
 */
import type { Body, Observed } from './designs/types.ts';

export interface HttpTarget {
  /** Base URL, `https://api.groq.com/openai/v1`. */
  baseUrl: string;
  /** Authentication headers (built from the key): sent, never recorded. */
  auth: Record<string, string>;
  /** The key itself, blanked wherever an answer echoes it. */
  secret?: string;
  timeoutMs?: number;
}

/** Recorded answers are bounded: a JSON body over this size is kept as a cut string, a stream's first events only. */
const MAX_BODY_CHARS = 8000;
const MAX_EVENTS = 60;

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The `data` of each server-sent event (our own small reader: the SDKs' parsers are not exported). */
export function parseEvents(text: string): unknown[] {
  const events: unknown[] = [];
  for (const block of text.split(/\r?\n\r?\n/)) {
    const data = block.split(/\r?\n/).filter((l) => l.startsWith('data:')).map((l) => l.slice(5).replace(/^ /, '')).join('\n');
    if (data) events.push(data === '[DONE]' ? data : (parseJson(data) ?? data));
  }
  return events;
}

export function redact(text: string, secret: string | undefined): string {
  return secret && secret.length >= 4 ? text.split(secret).join('[redacted]') : text;
}

export interface Sent extends Observed {
  /** Milliseconds to wait before retrying a 429 (from `retry-after-ms` or `retry-after`). */
  retryAfterMs?: number;
}

function retryAfter(headers: Headers): number | undefined {
  const ms = Number(headers.get('retry-after-ms'));
  if (headers.has('retry-after-ms') && Number.isFinite(ms) && ms >= 0) return ms;
  const value = headers.get('retry-after');
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

export async function send(target: HttpTarget, role: string, path: string, body: Body, signal?: AbortSignal): Promise<Sent> {
  const started = performance.now();
  const request = { method: 'POST', path, body };
  const url = `${target.baseUrl.replace(/\/+$/, '')}${path}`;
  const timeout = AbortSignal.timeout(target.timeoutMs ?? 120_000);
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', ...target.auth },
      body: JSON.stringify(body),
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    });
    const text = redact(await res.text(), target.secret);
    const contentType = res.headers.get('content-type') ?? '';
    const headers: Record<string, string> = { 'content-type': contentType };
    for (const name of ['retry-after', 'retry-after-ms']) if (res.headers.has(name)) headers[name] = res.headers.get(name) as string;
    const ms = Math.round(performance.now() - started);
    if (contentType.includes('text/event-stream')) {
      const events = parseEvents(text);
      return { exchange: { role, request, response: { status: res.status, body: events.slice(0, MAX_EVENTS), headers }, ms }, events };
    }
    const json = parseJson(text) ?? (text || undefined);
    const recorded = text.length > MAX_BODY_CHARS ? `${text.slice(0, MAX_BODY_CHARS)}…` : json;
    const wait = res.status === 429 ? retryAfter(res.headers) : undefined;
    return { exchange: { role, request, response: { status: res.status, body: recorded, headers }, ms }, json, ...(wait !== undefined ? { retryAfterMs: wait } : {}) };
  } catch (err) {
    if (signal?.aborted) throw err;
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    const message = redact(cause?.code ?? cause?.message ?? (err as Error).message, target.secret);
    return { exchange: { role, request, error: message, ms: Math.round(performance.now() - started) } };
  }
}
