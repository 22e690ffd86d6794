/** Small helpers for walking plain JSON values. */

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** Calls `visit` for every `$ref` string below `node`, with the JSON pointer path of the `$ref` key's owner. */
export function forEachRef(node: unknown, visit: (ref: string, path: (string | number)[]) => void, path: (string | number)[] = []): void {
  if (Array.isArray(node)) {
    node.forEach((item, i) => forEachRef(item, visit, [...path, i]));
    return;
  }
  if (!isObject(node)) return;
  for (const [key, value] of Object.entries(node)) {
    if (key === '$ref' && typeof value === 'string') visit(value, path);
    else if (value !== null && typeof value === 'object') forEachRef(value, visit, [...path, key]);
  }
}

/** `GET /chat/completions` style name of an operation. */
export function operationKey(method: string, path: string): string {
  return `${method.toUpperCase()} ${path}`;
}
