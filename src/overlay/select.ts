/** RFC 9535 JSONPath selection through json-p3, with every match located by its path. */
import { jsonpath, JSONPathError, type JSONPathQuery, type JSONValue } from 'json-p3';

/** A selected node: its value and the path (names and indices) that leads to it from the root. */
export interface Match {
  value: unknown;
  location: (string | number)[];
}

export class QuerySyntaxError extends Error {
  /** 0-based offset in the expression where json-p3 stopped. */
  readonly position: number;

  constructor(message: string, position: number) {
    super(message);
    this.name = 'QuerySyntaxError';
    this.position = position;
  }
}

// Overlays repeat targets (and builds apply the same overlays again): parse each expression once.
const cache = new Map<string, JSONPathQuery>();
const CACHE_LIMIT = 2000;

export function compileQuery(expression: string): JSONPathQuery {
  let query = cache.get(expression);
  if (query) return query;
  try {
    query = jsonpath.compile(expression);
  } catch (err) {
    if (err instanceof JSONPathError) {
      // json-p3 appends "('<excerpt>':<index>)" to its messages; the position is reported separately.
      throw new QuerySyntaxError(err.message.replace(/\s*\(.*:\d+\)$/s, ''), err.token?.index ?? 0);
    }
    throw err;
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(expression, query);
  return query;
}

/** Every node `expression` selects in `document`, in the order RFC 9535 defines. */
export function select(expression: string, document: unknown): Match[] {
  const nodes = compileQuery(expression).query(document as JSONValue).nodes;
  return nodes.map((node) => ({ value: node.value, location: node.location }));
}
