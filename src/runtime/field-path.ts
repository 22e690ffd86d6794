/** Claim field paths (`messages[].name`) applied to request and response bodies. */
import { isRecord } from './errors.ts';

interface Segment {
  key: string;
  /** `[]`: the value is an array and the path continues into each item. */
  each: boolean;
}

const cache = new Map<string, Segment[]>();

export function parseFieldPath(path: string): Segment[] {
  let segments = cache.get(path);
  if (!segments) {
    segments = path.split('.').map((part) => (part.endsWith('[]') ? { key: part.slice(0, -2), each: true } : { key: part, each: false }));
    cache.set(path, segments);
  }
  return segments;
}

/** Every concrete location (keys and indexes) where the field at `path` is present in `body`. */
export function findField(body: unknown, path: string): (string | number)[][] {
  const segments = parseFieldPath(path);
  const found: (string | number)[][] = [];
  const walk = (node: unknown, depth: number, at: (string | number)[]): void => {
    if (!isRecord(node)) return;
    const { key, each } = segments[depth];
    if (!Object.prototype.hasOwnProperty.call(node, key) || node[key] === undefined) return;
    const here = [...at, key];
    if (depth === segments.length - 1) {
      found.push(here);
      return;
    }
    const value = node[key];
    if (each) {
      if (Array.isArray(value)) value.forEach((item, i) => walk(item, depth + 1, [...here, i]));
    } else walk(value, depth + 1, here);
  };
  walk(body, 0, []);
  return found;
}

/** Removes the field at each location (which must come from `findField` on the same value). */
export function removeAt(body: unknown, locations: readonly (string | number)[][]): void {
  for (const location of locations) {
    let node: unknown = body;
    for (const step of location.slice(0, -1)) node = (node as Record<string | number, unknown>)[step];
    if (isRecord(node)) delete node[location[location.length - 1] as string];
  }
}

/** `messages[0].name` from a location, for messages. */
export function formatLocation(location: readonly (string | number)[]): string {
  return location.map((step, i) => (typeof step === 'number' ? `[${step}]` : i === 0 ? step : `.${step}`)).join('');
}

/** An Ajv instance path (`/messages/0/name`) in claim notation (`messages[].name`) and concretely. */
export function fromInstancePath(pointer: string, extra?: string): { field: string; at: string } {
  const tokens = pointer === '' ? [] : pointer.slice(1).split('/').map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (extra !== undefined) tokens.push(extra);
  let field = '';
  let at = '';
  for (const token of tokens) {
    if (/^(0|[1-9][0-9]*)$/.test(token)) {
      field += '[]';
      at += `[${token}]`;
    } else {
      field += field === '' ? token : `.${token}`;
      at += at === '' ? token : `.${token}`;
    }
  }
  return { field, at };
}
