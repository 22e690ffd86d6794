/**
 * Parsing of YAML/JSON inputs. Values come from js-yaml (fast on the 3 MB base spec); the
 * pointer → line map comes from the `yaml` package, built lazily because only errors need it.
 */
import jsyaml from 'js-yaml';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type Pair, type YAMLMap } from 'yaml';
import { diagnosticError } from '../diagnostics/diagnostic.ts';
import { checkShape, limitError, limitHint, lineOfExcessiveNesting, loadLimits, type LoadLimits } from './limits.ts';
import { parsePointer } from './pointer.ts';

export interface LoadedDocument {
  file: string;
  text: string;
  value: unknown;
  /** 1-based line of the node at `pointer` (or of its nearest existing ancestor). */
  lineOf(pointer: string): number | undefined;
}

/**
 * Parses YAML 1.2 with the core schema: dates such as `2024-10-01` stay strings, as they are
 * in the JSON form of the upstream spec. A key given twice in one mapping is an error (YAML 1.2,
 * "Node Comparison": keys are unique), not "last one wins". The result is checked against the
 * load limits (nodes with aliases expanded, depth, no cycles): see limits.ts.
 */
export function parseYaml(text: string, file: string, limits: LoadLimits = loadLimits()): unknown {
  if (text.length > limits.maxBytes) throw limitError(file, `the document is ${text.length} characters, over the limit of ${limits.maxBytes}`, limitHint('bytes'));
  let value: unknown;
  try {
    value = jsyaml.load(text, { schema: jsyaml.CORE_SCHEMA, filename: file });
  } catch (err) {
    if (err instanceof RangeError) {
      throw limitError(file, 'the document is nested too deeply to parse', limitHint('depth'), lineOfExcessiveNesting(text, limits.maxDepth));
    }
    const e = err as jsyaml.YAMLException;
    const mark = e.mark;
    if (!mark) throw diagnosticError({ code: 'yaml-syntax', message: `malformed YAML: ${e.reason ?? e.message}`, hint: 'fix the syntax', location: { file } }, 3);
    throw diagnosticError(
      {
        code: 'yaml-syntax',
        message: `malformed YAML: ${e.reason ?? e.message}`,
        hint: 'fix the syntax at the line shown; a YAML linter or editor will point at the same place',
        location: { file, line: mark ? mark.line + 1 : undefined, column: mark ? mark.column + 1 : undefined },
      },
      3,
    );
  }
  const problem = checkShape(value, limits);
  if (problem) {
    let line: number | undefined;
    try {
      line = problem.kind === 'depth' ? lineOfExcessiveNesting(text, limits.maxDepth) : buildLineIndex(text)(problem.pointer);
    } catch {
      line = undefined;
    }
    throw limitError(file, problem.message, limitHint(problem.kind), line, problem.pointer);
  }
  return value;
}

export function loadDocument(text: string, file: string): LoadedDocument {
  const value = parseYaml(text, file);
  let index: ((pointer: string) => number | undefined) | undefined;
  return {
    file,
    text,
    value,
    lineOf(pointer) {
      index ??= buildLineIndex(text);
      return index(pointer);
    },
  };
}

function buildLineIndex(text: string): (pointer: string) => number | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, keepSourceTokens: false, uniqueKeys: false });
  // Keys of each mapping, indexed on first lookup: a lookup per action in a 50k-key map stays linear.
  const keyIndex = new WeakMap<object, Map<string, Pair>>();
  const pairOf = (map: YAMLMap, token: string): Pair | undefined => {
    let index = keyIndex.get(map);
    if (!index) {
      index = new Map();
      for (const pair of map.items as Pair[]) {
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        if (!index.has(key)) index.set(key, pair);
      }
      keyIndex.set(map, index);
    }
    return index.get(token);
  };
  return (pointer) => {
    let node: Node | null | undefined = doc.contents as Node | null;
    let offset = node?.range?.[0];
    let tokens: string[];
    try {
      tokens = parsePointer(pointer);
    } catch {
      return undefined;
    }
    for (const token of tokens) {
      if (isMap(node)) {
        const pair = pairOf(node, token);
        if (!pair) break;
        offset = (isScalar(pair.key) ? pair.key.range?.[0] : undefined) ?? offset;
        node = pair.value as Node | null;
      } else if (isSeq(node)) {
        const item = node.items[Number(token)] as Node | undefined;
        if (!item) break;
        offset = item.range?.[0] ?? offset;
        node = item;
      } else break;
    }
    return offset === undefined ? undefined : lineCounter.linePos(offset).line;
  };
}

/**
 * Serializes as YAML deterministically (insertion order, no line folding, no anchors). Dumping with
 * the default schema quotes date-like strings, so YAML 1.1 readers (Prism, Redocly) keep them strings.
 */
export function toYaml(value: unknown): string {
  return jsyaml.dump(value, { lineWidth: -1, noRefs: true, schema: jsyaml.DEFAULT_SCHEMA });
}

/** JSON when the name ends in `.json`, YAML otherwise. */
export function serializeFor(file: string, value: unknown): string {
  return file.endsWith('.json') ? `${JSON.stringify(value, null, 2)}\n` : toYaml(value);
}
