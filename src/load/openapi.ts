/** Facts of the OpenAPI document format that every stage needs. */
import { isObject, type JsonObject } from './json.ts';
import { toPointer } from './pointer.ts';

/** The fixed fields of a Path Item that hold operations (OAS 3.1, 4.8.9). */
export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

export type HttpMethod = (typeof HTTP_METHODS)[number];

export function isHttpMethod(key: string): key is HttpMethod {
  return (HTTP_METHODS as readonly string[]).includes(key);
}

/** `POST /chat/completions`: how every output names an operation. */
export function operationKey(method: string, path: string): string {
  return `${method.toUpperCase()} ${path}`;
}

export interface OperationRef {
  /** `POST /chat/completions` */
  key: string;
  path: string;
  method: HttpMethod;
  /** JSON pointer of the Operation Object. */
  pointer: string;
  operation: JsonObject;
  /** The Path Item holding it (path-level parameters live there). */
  pathItem: JsonObject;
}

/** The operations of a document, in path then method order as written. */
export function listOperations(document: JsonObject): OperationRef[] {
  const result: OperationRef[] = [];
  const paths = isObject(document.paths) ? document.paths : {};
  for (const [path, pathItem] of Object.entries(paths)) {
    if (!isObject(pathItem)) continue;
    for (const method of HTTP_METHODS) {
      const operation = pathItem[method];
      if (isObject(operation)) result.push({ key: operationKey(method, path), path, method, pointer: toPointer(['paths', path, method]), operation, pathItem });
    }
  }
  return result;
}

/** Operation order: by path, then by method in the order OpenAPI lists them. */
export function compareOperations(a: string, b: string): number {
  const [methodA, pathA] = a.split(' ', 2);
  const [methodB, pathB] = b.split(' ', 2);
  if (pathA !== pathB) return pathA < pathB ? -1 : 1;
  const order = (m: string) => (HTTP_METHODS as readonly string[]).indexOf(m.toLowerCase());
  return order(methodA) - order(methodB);
}
