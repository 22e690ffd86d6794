/** Valid requests generated from an operation's schemas, for the every-operation tests. */
import type { OpenAPIDocument } from '../../src/build/types.ts';
import type { OperationModel } from '../../src/mock/model.ts';
import { sample } from '../../src/mock/sample.ts';

export interface GeneratedRequest {
  method: string;
  route: string;
  headers: Record<string, string>;
  body?: string | FormData;
}

export function validRequest(spec: OpenAPIDocument, op: OperationModel): GeneratedRequest {
  let route = op.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const param = op.parameters.find((p) => p.in === 'path' && p.name === name);
    const value = param ? sample(spec, param.schema, { mode: 'request' }) : 'id';
    return encodeURIComponent(String(value));
  });
  const query = new URLSearchParams(op.requiredQuery);
  for (const p of op.parameters.filter((p) => p.in === 'query' && p.required)) {
    const value = sample(spec, p.schema, { mode: 'request' });
    if (Array.isArray(value)) value.forEach((v) => query.append(`${p.name}[]`, String(v)));
    else query.append(p.name, typeof value === 'object' ? JSON.stringify(value) : String(value));
  }
  if ([...query].length > 0) route += `?${query}`;
  const headers: Record<string, string> = {};
  const content = op.body?.content ?? {};
  if (content['application/json']) {
    headers['content-type'] = 'application/json';
    return { method: op.method, route, headers, body: JSON.stringify(sample(spec, content['application/json'].schema, { mode: 'request' })) };
  }
  if (content['multipart/form-data']) {
    const value = sample(spec, content['multipart/form-data'].schema, { mode: 'request' }) as Record<string, unknown>;
    const form = new FormData();
    for (const [key, v] of Object.entries(value ?? {})) appendField(form, key, v);
    return { method: op.method, route, headers, body: form };
  }
  const [type] = Object.keys(content);
  if (type) {
    headers['content-type'] = type;
    return { method: op.method, route, headers, body: type === 'application/sdp' ? 'v=0\r\n' : 'mock' };
  }
  return { method: op.method, route, headers };
}

/** Files as blobs, arrays as `key[]`, objects as `key[sub]`: the way the official SDK sends forms. */
function appendField(form: FormData, key: string, value: unknown): void {
  if (value === 'binary') form.append(key, new Blob([new Uint8Array([1, 2, 3])]), 'mock.bin');
  else if (Array.isArray(value)) value.forEach((v) => appendField(form, `${key}[]`, v));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) appendField(form, `${key}[${k}]`, v);
  else form.append(key, String(value));
}
