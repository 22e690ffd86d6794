/** Small helpers for walking plain JSON values. */
import { isObject, type JsonObject } from '../load/json.ts';

export { isObject, type JsonObject };

/** Calls `visit` for every `$ref` string below `node` (no paths: this runs over whole 3 MB specs). */
export function forEachRef(node: unknown, visit: (ref: string) => void): void {
  if (Array.isArray(node)) {
    for (const item of node) if (item !== null && typeof item === 'object') forEachRef(item, visit);
    return;
  }
  if (!isObject(node)) return;
  for (const key in node) {
    const value = node[key];
    if (key === '$ref' && typeof value === 'string') visit(value);
    else if (value !== null && typeof value === 'object') forEachRef(value, visit);
  }
}
