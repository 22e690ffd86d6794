/**
 * Coherent lists and objects without state: a list answers a small fixed collection (3 items
 * cloned from the template, or the profile's models) cut by `limit`, `after` and `before`, with
 * `first_id`/`last_id`/`has_more` that end; an object fetched by id answers with that id and the
 * path's other ids.
 */
type Obj = Record<string, unknown>;

const COLLECTION_SIZE = 3;

/** OpenAI's own id prefixes where the spec's examples give none. */
const KNOWN_PREFIXES: Record<string, string> = { files: 'file-', vector_stores: 'vs_', batches: 'batch_' };

export function isList(body: unknown): body is Obj & { data: Obj[] } {
  return !!body && typeof body === 'object' && !Array.isArray(body) && Array.isArray((body as Obj).data) && ('has_more' in (body as Obj) || (body as Obj).object === 'list');
}

/** `file-abc123` → `file-`; ids without a prefix take one from the path's last segment. */
function idPrefix(id: unknown, path: string): string {
  const m = typeof id === 'string' ? /^([A-Za-z]+[-_])/.exec(id) : null;
  if (m && id !== 'string') return m[1];
  const segment = path.split('/').filter((s) => s && !s.startsWith('{')).at(-1) ?? 'item';
  if (segment in KNOWN_PREFIXES) return KNOWN_PREFIXES[segment];
  return `${segment.replace(/(ch|sh|x)es$/, '$1').replace(/s$/, '')}_`;
}

/** Sets the keys named like path parameters (`thread_id`) to their values, where the object has them. */
export function withPathIds<T extends Obj>(value: T, pathParams: Record<string, string>): T {
  let out = value;
  for (const [name, v] of Object.entries(pathParams)) if (name in value && typeof value[name] === 'string') out = { ...out, [name]: v };
  return out;
}

export function virtualItems(template: Obj & { data: Obj[] }, path: string, pathParams: Record<string, string>): Obj[] {
  const first = template.data[0];
  if (!first || typeof first !== 'object') return [];
  if (typeof first.id !== 'string') return Array.from({ length: COLLECTION_SIZE }, () => withPathIds(first, pathParams));
  const prefix = idPrefix(first.id, path);
  return Array.from({ length: COLLECTION_SIZE }, (_, i) => withPathIds({ ...first, id: `${prefix}mock${i + 1}` }, pathParams));
}

/** One page of `items` by the usual cursor parameters; `has_more` is false on the last page. */
export function page(template: Obj, items: Obj[], query: Record<string, unknown>): Obj {
  const limit = Number(query.limit);
  let start = 0;
  let end = items.length;
  const indexOf = (id: unknown) => items.findIndex((x) => x.id === id);
  if (query.after !== undefined) start = indexOf(query.after) === -1 ? items.length : indexOf(query.after) + 1;
  if (query.before !== undefined) end = indexOf(query.before) === -1 ? 0 : indexOf(query.before);
  let data = items.slice(start, Math.max(start, end));
  let hasMore = false;
  if (Number.isInteger(limit) && limit > 0 && data.length > limit) {
    hasMore = true;
    data = query.before !== undefined && query.after === undefined ? data.slice(-limit) : data.slice(0, limit);
  }
  const out: Obj = { ...template, data };
  if ('has_more' in template) out.has_more = hasMore;
  if ('first_id' in template) out.first_id = data[0]?.id ?? null;
  if ('last_id' in template) out.last_id = data.at(-1)?.id ?? null;
  if ('next_page' in template) out.next_page = null;
  return out;
}

/** An object fetched, changed or deleted by id: `id` is the path's last parameter. */
export function objectById(body: Obj, path: string, pathParams: Record<string, string>): Obj {
  const last = /\{([^}]+)\}$/.exec(path)?.[1];
  const out = withPathIds(body, pathParams);
  return last && typeof body.id === 'string' && pathParams[last] !== undefined ? { ...out, id: pathParams[last] } : out;
}

/** The object with the request's values for the fields it has (a file's name from its upload). */
export function fill(object: Obj, request: Obj, id: string | undefined, createdAt?: number): Obj {
  const out: Obj = { ...object };
  for (const [key, value] of Object.entries(request)) {
    if (key in out && key !== 'id' && key !== 'object' && key !== 'model' && (out[key] === null || typeof out[key] === typeof value)) out[key] = value;
  }
  if (typeof request.file === 'string' && 'filename' in out) out.filename = request.file;
  if (id !== undefined) out.id = id;
  if ('created_at' in out && typeof createdAt === 'number') out.created_at = createdAt;
  return out;
}

/**
 * A created object without state: the request's plain values (names, ids, enums) where the object
 * has them, and an id from the request. Nested objects stay the template's: a request's
 * configuration often has another shape than the object's (evals' `data_source_config`).
 */
export function createdObject(template: Obj, request: Obj, path: string, seed: number): Obj {
  const scalars = Object.fromEntries(Object.entries(request).filter(([, value]) => value === null || typeof value !== 'object'));
  return fill(template, scalars, `${idPrefix(template.id, path)}mock${seed.toString(36)}`);
}
