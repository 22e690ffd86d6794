/** RFC 9535 JSONPath selection through json-p3, with every match located by its path. */
import { JSONPathEnvironment, JSONPathError, type JSONPathQuery, type JSONValue } from 'json-p3';
import { backtrackingRisk } from './regex-safety.ts';

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

/** A regular expression refused before it runs (see regex-safety.ts). */
export class UnsafePatternError extends Error {}

type FilterFunction = { argTypes: unknown[]; returnType: unknown; call(value: unknown, pattern: unknown): boolean };

/** json-p3's `match`/`search`, refusing patterns that backtrack catastrophically. */
function guarded(inner: FilterFunction): FilterFunction {
  return {
    argTypes: inner.argTypes,
    returnType: inner.returnType,
    call(value, pattern) {
      const risk = typeof pattern === 'string' ? backtrackingRisk(pattern) : undefined;
      if (risk) throw new UnsafePatternError(risk);
      return inner.call(value, pattern);
    },
  };
}

const environment = new JSONPathEnvironment();
for (const name of ['match', 'search']) {
  environment.functionRegister.set(name, guarded(environment.functionRegister.get(name) as unknown as FilterFunction) as never);
}

// Overlays repeat targets (and builds apply the same overlays again): parse each expression once.
const cache = new Map<string, JSONPathQuery>();
const CACHE_LIMIT = 2000;

export function compileQuery(expression: string): JSONPathQuery {
  let query = cache.get(expression);
  if (query) return query;
  try {
    query = environment.compile(expression);
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
