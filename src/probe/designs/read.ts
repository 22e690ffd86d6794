/** Small readers of chat/completions answers for the judges: choices, text, finish, tool calls, errors. */
import { isObject } from '../../load/json.ts';
import type { Observed } from './types.ts';

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj | undefined => (isObject(v) ? v : undefined);

export const ok = (o: Observed | undefined): boolean => !!o?.exchange.response && o.exchange.response.status >= 200 && o.exchange.response.status < 300;

export function choices(o: Observed | undefined): Obj[] {
  const list = obj(o?.json)?.choices;
  return Array.isArray(list) ? list.filter((c): c is Obj => !!obj(c)) : [];
}

/** The text of the first choice (chat `message.content` or legacy `text`). */
export function text(o: Observed | undefined, index = 0): string | undefined {
  const choice = choices(o)[index];
  const content = obj(choice?.message)?.content ?? choice?.text;
  return typeof content === 'string' ? content : undefined;
}

export function finish(o: Observed | undefined): string | undefined {
  const reason = choices(o)[0]?.finish_reason;
  return typeof reason === 'string' ? reason : undefined;
}

export function completionTokens(o: Observed | undefined): number | undefined {
  const n = obj(obj(o?.json)?.usage)?.completion_tokens;
  return typeof n === 'number' ? n : undefined;
}

export function toolCalls(o: Observed | undefined): { name: string }[] {
  const calls = obj(choices(o)[0]?.message)?.tool_calls;
  return Array.isArray(calls) ? calls.map((c) => ({ name: String(obj(obj(c)?.function)?.name ?? '') })) : [];
}

/** The error of a non-2xx answer: its `param` and message, when the body is OpenAI's envelope (or close). */
export function errorOf(o: Observed | undefined): { param?: string; message: string } | undefined {
  const status = o?.exchange.response?.status;
  if (!status || status < 400) return undefined;
  const error = obj(obj(o.json)?.error) ?? obj(o.json);
  const message = typeof error?.message === 'string' ? error.message : typeof o.json === 'string' ? o.json : JSON.stringify(o.json ?? '');
  return { ...(typeof error?.param === 'string' ? { param: error.param } : {}), message };
}

/** Whether an error names `field` (its `param`, or the field's name quoted in the message). */
export function names(error: { param?: string; message: string }, field: string): boolean {
  const top = field.split(/[.[]/)[0];
  if (error.param !== undefined && (error.param === field || error.param === top || error.param.startsWith(`${top}.`) || error.param.startsWith(`${top}[`))) return true;
  return new RegExp(`(^|[^A-Za-z0-9_])${top.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^A-Za-z0-9_])`).test(error.message);
}

/** Stream chunks (the JSON events), without `[DONE]`. */
export function chunks(o: Observed | undefined): Obj[] {
  return (o?.events ?? []).map(obj).filter((e): e is Obj => !!e);
}

export function streamed(o: Observed | undefined): boolean {
  return (o?.exchange.response?.headers?.['content-type'] ?? '').includes('text/event-stream');
}

/** A short quote of a value for a reason or an excerpt. */
export function quote(value: unknown, max = 80): string {
  const s = typeof value === 'string' ? value : JSON.stringify(value);
  return s === undefined ? 'nothing' : s.length > max ? `${s.slice(0, max)}…` : s;
}
