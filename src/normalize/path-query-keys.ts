/**
 * Path keys that carry a query string, e.g. `/responses?beta=true`.
 *
 * Upstream: six keys repeat a GA Responses path with `?beta=true` appended, for the beta
 * operations (operationIds `beta_*`, `Beta*` schemas, an optional `openai-beta` header). Each
 * one has the same method as its GA twin on the bare path.
 * Breaks: a path key is a path template only (OAS 3.1 §4.8.8); redocly's `path-not-include-query`
 * rejects it; openapi-fetch appends its own `?query` to it (`…?beta=true?limit=1`); Prism and
 * Steady route on the URL path and never match it. It cannot be moved onto the bare path either:
 * one path + method holds one operation.
 * We: drop the operation when the bare path already has that method (the GA operation is the
 * contract OpenAI-compatible providers mirror, and the beta one is the same HTTP endpoint);
 * an info diagnostic names every dropped operationId. The `Beta*` component schemas stay (no
 * longer referenced by paths). An operation without a twin moves to the bare path and each query
 * pair becomes a required query parameter with a `const` value, so nothing is lost.
 * `count` = path keys rewritten.
 */
import { setEntries } from './schema-utils.ts';
import { isObject, type DocumentFix, type FixContext, type JsonObject } from './types.ts';
import { HTTP_METHODS } from '../load/openapi.ts';


export const pathQueryKeys: DocumentFix = {
  id: 'path-query-keys',
  kind: 'document',
  description: 'path keys with a query string (`/responses?beta=true`): operations duplicating the bare path are dropped, others move to it with the query as a required parameter; counts path keys',
  apply(ctx) {
    const paths = ctx.spec.paths;
    if (!isObject(paths)) return 0;
    const keys = Object.keys(paths).filter((key) => key.includes('?'));
    if (keys.length === 0) return 0;
    // Rebuilt in one pass so that a path created for a moved operation takes the query key's place.
    const entries: [string, unknown][] = [];
    const created = new Map<string, JsonObject>();
    for (const [key, item] of Object.entries(paths)) {
      if (!key.includes('?')) entries.push([key, item]);
      else {
        const bare = rewrite(ctx, paths, created, key, item);
        if (bare) entries.push([bare, created.get(bare)]);
      }
    }
    setEntries(paths, entries);
    return keys.length;
  },
};

/**
 * Drops or moves the operations of one query key. Returns the bare path when this call created
 * its path item (kept in `created`, so that a later key with the same bare path reuses it).
 */
function rewrite(ctx: FixContext, paths: JsonObject, created: Map<string, JsonObject>, key: string, item: unknown): string | undefined {
  const [bare, query] = splitKey(key);
  if (!isObject(item)) return undefined;
  let target = paths[bare] ?? created.get(bare);
  let isNew = false;
  const moved: string[] = [];
  for (const method of HTTP_METHODS) {
    const op = item[method];
    if (!isObject(op)) continue;
    const opName = typeof op.operationId === 'string' ? op.operationId : `${method.toUpperCase()} ${key}`;
    if (isObject(target) && isObject(target[method])) {
      ctx.diagnose(
        {
          code: 'normalize-path-query-dropped',
          severity: 'info',
          message: `dropped operation ${opName} (${method.toUpperCase()} ${key}): a path key cannot carry a query, and ${method.toUpperCase()} ${bare} already exists`,
          hint: 'the GA operation on the bare path is kept; overlays should target that one',
        },
        ['paths', key, method],
      );
      continue;
    }
    op.parameters = [...queryParameters(query), ...itemParameters(item), ...(Array.isArray(op.parameters) ? op.parameters : [])];
    if (!isObject(target)) {
      const fresh: JsonObject = {};
      created.set(bare, fresh);
      target = fresh;
      isNew = true;
    }
    (target as JsonObject)[method] = op;
    moved.push(opName);
  }
  if (moved.length) {
    ctx.diagnose(
      {
        code: 'normalize-path-query-moved',
        severity: 'info',
        message: `moved ${moved.join(', ')} from "${key}" to "${bare}" with the query as required parameters`,
      },
      ['paths', bare],
    );
  }
  return isNew ? bare : undefined;
}

function splitKey(key: string): [string, URLSearchParams] {
  const at = key.indexOf('?');
  return [key.slice(0, at), new URLSearchParams(key.slice(at + 1))];
}

function queryParameters(query: URLSearchParams): JsonObject[] {
  return [...query].map(([name, value]) => ({
    name,
    in: 'query',
    required: true,
    schema: { type: 'string', const: value },
  }));
}

function itemParameters(item: JsonObject): unknown[] {
  return Array.isArray(item.parameters) ? item.parameters : [];
}
