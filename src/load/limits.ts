/**
 * Limits on every loaded document, so that a small hostile file (an alias bomb, a deep nest, a huge
 * file) is refused with a located error instead of exhausting memory or the stack. Each limit has a
 * default that the real inputs stay far below, and an environment variable to raise it.
 */
import { diagnosticError } from '../diagnostics/diagnostic.ts';
import { toPointer } from './pointer.ts';

export interface LoadLimits {
  /** Bytes of one file (OAI_COMPAT_MAX_DOCUMENT_BYTES). */
  maxBytes: number;
  /** Nodes of one document once YAML aliases are expanded (OAI_COMPAT_MAX_NODES). */
  maxNodes: number;
  /** Nesting depth of objects and arrays (OAI_COMPAT_MAX_DEPTH). */
  maxDepth: number;
}

// The pinned spec is 3 MB, about 0.3 million nodes and 30 levels deep.
export const defaultLoadLimits: LoadLimits = { maxBytes: 64 * 1024 * 1024, maxNodes: 5_000_000, maxDepth: 256 };

const variables: Record<keyof LoadLimits, string> = {
  maxBytes: 'OAI_COMPAT_MAX_DOCUMENT_BYTES',
  maxNodes: 'OAI_COMPAT_MAX_NODES',
  maxDepth: 'OAI_COMPAT_MAX_DEPTH',
};

/** The limits in force: the defaults, each overridden by its environment variable when that is a positive integer. */
export function loadLimits(env: NodeJS.ProcessEnv = process.env): LoadLimits {
  const limits = { ...defaultLoadLimits };
  for (const key of Object.keys(variables) as (keyof LoadLimits)[]) {
    const text = env[variables[key]];
    if (text !== undefined && /^[1-9]\d{0,15}$/.test(text)) limits[key] = Number(text);
  }
  return limits;
}

export function limitVariable(key: keyof LoadLimits): string {
  return variables[key];
}

/** Where a parsed value breaks a limit, or undefined when it does not. */
export interface LimitProblem {
  kind: 'nodes' | 'depth' | 'cycle';
  pointer: string;
  message: string;
}

/**
 * Counts the nodes of `value` as a consumer sees them (a shared object, which is what a YAML alias
 * becomes, counts at every place it appears), in time linear in the distinct objects: each one's
 * expanded size is computed once. Also finds the depth and the cycles a self-referencing alias makes.
 */
export function checkShape(value: unknown, limits: LoadLimits): LimitProblem | undefined {
  // Expanded size of each finished object; -1 while it is being visited (seeing it then is a cycle).
  const sizes = new Map<object, number>();
  const path: (string | number)[] = [];
  let problem: LimitProblem | undefined;

  const visit = (node: unknown, depth: number): number => {
    if (node === null || typeof node !== 'object') return 1;
    const known = sizes.get(node);
    if (known !== undefined && known >= 0) return known;
    if (known === -1) {
      problem = { kind: 'cycle', pointer: toPointer(path), message: 'an alias refers to a node that contains it (the document would be infinite)' };
      return Infinity;
    }
    if (depth > limits.maxDepth) {
      problem = { kind: 'depth', pointer: toPointer(path.slice(0, 8)) + '/…', message: `the document is nested more than ${limits.maxDepth} levels deep` };
      return Infinity;
    }
    sizes.set(node, -1);
    let size = 1;
    const step = (key: string | number, child: unknown): boolean => {
      path.push(key);
      size += typeof child === 'object' && child !== null ? visit(child, depth + 1) : 1;
      if (!problem && size > limits.maxNodes) {
        problem = { kind: 'nodes', pointer: toPointer(path), message: `the document has more than ${limits.maxNodes} nodes once its aliases are expanded` };
      }
      path.pop();
      return problem === undefined;
    };
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) if (!step(i, node[i])) break;
    } else {
      for (const key in node) if (!step(key, (node as Record<string, unknown>)[key])) break;
    }
    sizes.set(node, size);
    return problem ? Infinity : size;
  };
  visit(value, 0);
  return problem;
}

/** The hint of a limit error: how to raise it. */
export function limitHint(kind: LimitProblem['kind'] | 'bytes'): string {
  if (kind === 'cycle') return 'remove the alias (`*name`) that points at one of its own ancestors';
  const key = kind === 'bytes' ? 'maxBytes' : kind === 'nodes' ? 'maxNodes' : 'maxDepth';
  return `if the document is genuine, raise the limit with the environment variable ${variables[key]}`;
}

/**
 * The 1-based line where nesting first exceeds `maxDepth` (else the deepest line), by a text scan:
 * flow brackets outside quotes plus block indentation levels. Used when the parser ran out of stack.
 */
export function lineOfExcessiveNesting(text: string, maxDepth: number): number | undefined {
  const indents: number[] = [];
  let flow = 0;
  let deepest = { depth: 0, line: 0 };
  const lines = text.split('\n');
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n];
    const indent = line.length - line.trimStart().length;
    if (flow === 0 && line.trim() !== '' && !line.trimStart().startsWith('#')) {
      while (indents.length && indents[indents.length - 1] >= indent) indents.pop();
      indents.push(indent);
    }
    let quote = '';
    for (const c of line) {
      if (quote) {
        if (c === quote) quote = '';
      } else if (c === '"' || c === "'") quote = c;
      else if (c === '[' || c === '{') flow++;
      else if (c === ']' || c === '}') flow--;
      if (flow + indents.length > maxDepth) return n + 1;
      if (flow + indents.length > deepest.depth) deepest = { depth: flow + indents.length, line: n + 1 };
    }
  }
  return deepest.line || undefined;
}

export function limitError(file: string, message: string, hint: string, line?: number, pointer?: string): Error {
  return diagnosticError({ code: 'input-limit', message, hint, location: { file, line, pointer } }, 3);
}
