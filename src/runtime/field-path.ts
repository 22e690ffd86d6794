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

/** Whether the field at `path` is present anywhere in `body`, without allocating (checks run per request). */
export function hasField(body: unknown, path: string): boolean {
  return presentFrom(body, parseFieldPath(path), 0);
}

function presentFrom(node: unknown, segments: readonly Segment[], depth: number): boolean {
  if (!isRecord(node)) return false;
  const { key, each } = segments[depth];
  const value = node[key];
  if (value === undefined || !Object.prototype.hasOwnProperty.call(node, key)) return false;
  if (depth === segments.length - 1) return true;
  if (!each) return presentFrom(value, segments, depth + 1);
  if (!Array.isArray(value)) return false;
  for (let i = 0; i < value.length; i++) if (presentFrom(value[i], segments, depth + 1)) return true;
  return false;
}

/** Every concrete location (keys and indexes) where the field at `path` is present in `body`. */
export function findField(body: unknown, path: string): (string | number)[][] {
  const segments = parseFieldPath(path);
  const found: (string | number)[][] = [];
  // One shared stack; a location is copied only when the field is found (checks run per request).
  const at: (string | number)[] = [];
  const walk = (node: unknown, depth: number): void => {
    if (!isRecord(node)) return;
    const { key, each } = segments[depth];
    const value = node[key];
    if (value === undefined || !Object.prototype.hasOwnProperty.call(node, key)) return;
    at.push(key);
    if (depth === segments.length - 1) found.push(at.slice());
    else if (!each) walk(value, depth + 1);
    else if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        at.push(i);
        walk(value[i], depth + 1);
        at.pop();
      }
    }
    at.pop();
  };
  walk(body, 0);
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
