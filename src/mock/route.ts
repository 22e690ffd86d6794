/**
 * Route stage: request method + path (+ query, for upstream twins such as `/responses?beta=true`)
 * → operation and path parameters, or a 404/405. A segment trie built once: matching costs one
 * map lookup per path segment.
 */
import { mockError, type MockError } from './errors.ts';
import type { OperationModel } from './model.ts';

interface Node {
  literal: Map<string, Node>;
  param?: { names: Set<string>; node: Node };
  /** Operations ending here, by method. Several per method only for query twins. */
  methods: Map<string, { op: OperationModel; paramNames: string[] }[]>;
}

export interface RouteMatch {
  op: OperationModel;
  pathParams: Record<string, string>;
}

export interface Router {
  match(method: string, path: string, query: URLSearchParams): RouteMatch | MockError;
}

const newNode = (): Node => ({ literal: new Map(), methods: new Map() });

export function buildRouter(operations: readonly OperationModel[], describeMissing?: (method: string, path: string) => string | undefined): Router {
  const root = newNode();
  for (const op of operations) {
    let node = root;
    const paramNames: string[] = [];
    for (const segment of segments(op.path)) {
      const param = /^\{(.+)\}$/.exec(segment);
      if (param) {
        node.param ??= { names: new Set(), node: newNode() };
        node.param.names.add(param[1]);
        paramNames.push(param[1]);
        node = node.param.node;
      } else {
        let next = node.literal.get(segment);
        if (!next) node.literal.set(segment, (next = newNode()));
        node = next;
      }
    }
    const list = node.methods.get(op.method) ?? [];
    list.push({ op, paramNames });
    // Twins demanding more query pairs are tried first.
    list.sort((a, b) => Object.keys(b.op.requiredQuery).length - Object.keys(a.op.requiredQuery).length);
    node.methods.set(op.method, list);
  }

  return {
    match(method, path, query) {
      const values: string[] = [];
      const node = walk(root, segments(path), 0, values);
      if (!node || node.methods.size === 0) {
        const detail = describeMissing?.(method, path);
        return mockError(404, detail ?? `Invalid URL (${method} /v1${path})`, { code: 'unknown_url' });
      }
      const candidates = node.methods.get(method);
      if (!candidates) {
        return mockError(405, `Method ${method} is not allowed on /v1${path}; allowed: ${[...node.methods.keys()].join(', ')}.`, {
          code: 'method_not_allowed',
          headers: { allow: [...node.methods.keys()].join(', ') },
        });
      }
      const chosen = candidates.find((c) => Object.entries(c.op.requiredQuery).every(([k, v]) => query.get(k) === v)) ?? candidates[candidates.length - 1];
      const pathParams: Record<string, string> = {};
      chosen.paramNames.forEach((name, i) => (pathParams[name] = values[i]));
      return { op: chosen.op, pathParams };
    },
  };
}

function segments(path: string): string[] {
  return path.split('/').filter((s) => s.length > 0);
}

/** Literal segments win over parameters; backtracks when a literal branch dead-ends. */
function walk(node: Node, parts: string[], index: number, values: string[]): Node | undefined {
  if (index === parts.length) return node;
  const part = parts[index];
  const literal = node.literal.get(part);
  if (literal) {
    const found = walk(literal, parts, index + 1, values);
    if (found && found.methods.size > 0) return found;
  }
  if (node.param) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(part);
    } catch {
      decoded = part;
    }
    values.push(decoded);
    const found = walk(node.param.node, parts, index + 1, values);
    if (found && found.methods.size > 0) return found;
    values.pop();
  }
  return undefined;
}
