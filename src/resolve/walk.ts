/** Small helpers for walking plain JSON values. */

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}


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

/** `GET /chat/completions` style name of an operation. */
export function operationKey(method: string, path: string): string {
  return `${method.toUpperCase()} ${path}`;
}
