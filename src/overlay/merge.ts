/**
 * The merge of an `update` (or copied) value into a selected node.
 *
 * Overlay 1.1.0/1.2.0, "Action Object": an object target merges an object value; an array target
 * concatenates an array value or appends any other value; a primitive target is replaced by a
 * primitive value. Members merge recursively: a member only in the value is inserted, primitives
 * replace primitives, arrays concatenate, objects merge, "other property value combinations are
 * incompatible and result in an error".
 *
 * Decisions where the text is open (each also in docs/overlay-differences.md):
 * - Overlay 1.0.0 says an update on an array is "an entry to append"; 1.1 concatenates an array
 *   value. We concatenate for every version (1.1 is the clarified rule, and 1.0's own traits
 *   example relies on member arrays concatenating).
 * - Overlay 1.0.0 forbids primitive targets; its own compliant set removes a primitive, so we
 *   apply the 1.1 rules (replace / remove) to 1.0 documents too.
 * - A `null` member over an existing object or array is "incompatible" by the merge rules, yet the
 *   spec's "Structured Overlay Example" writes `components:` and `tags:` (null) as placeholders.
 *   We treat it as an ambiguity: a no-op with a warning, an error in strict mode.
 * Conflicts are found before anything is written, so a failing action changes nothing.
 */
import type { Container, Journal, Path } from './journal.ts';
import { cloneJson, describeValue, isObject, setOwn, shapeOf } from './values.ts';

export interface Conflict {
  /** Path of the conflicting node in the target document. */
  documentPath: Path;
  /** Path of the conflicting value under the action's `update` (or copied) value. */
  valuePath: Path;
  message: string;
  /** `error`: the spec says it is an error; `ambiguous`: the spec leaves it open (see above). */
  kind: 'error' | 'ambiguous';
}

/** Every conflict merging `value` into `target` would meet. */
export function findConflicts(target: unknown, value: unknown, documentPath: Path): Conflict[] {
  const conflicts: Conflict[] = [];
  const targetShape = shapeOf(target);
  if (targetShape === 'object' && !isObject(value)) {
    conflicts.push({ documentPath, valuePath: [], kind: 'error', message: `cannot merge ${describeValue(value)} into an object: the value for an object target must be an object` });
  } else if (targetShape === 'primitive' && shapeOf(value) !== 'primitive') {
    conflicts.push({ documentPath, valuePath: [], kind: 'error', message: `cannot replace ${describeValue(target)} with ${describeValue(value)}: the value for a primitive target must be a primitive` });
  } else if (targetShape === 'object') {
    memberConflicts(target as Record<string, unknown>, value as Record<string, unknown>, documentPath, [], conflicts);
  }
  return conflicts;
}

function memberConflicts(target: Record<string, unknown>, value: Record<string, unknown>, documentPath: Path, valuePath: Path, out: Conflict[]): void {
  for (const key of Object.keys(value)) {
    if (!Object.prototype.hasOwnProperty.call(target, key)) continue;
    const existing = target[key];
    const incoming = value[key];
    const existingShape = shapeOf(existing);
    const incomingShape = shapeOf(incoming);
    if (existingShape === 'object' && incomingShape === 'object') {
      memberConflicts(existing as Record<string, unknown>, incoming as Record<string, unknown>, [...documentPath, key], [...valuePath, key], out);
    } else if (existingShape !== incomingShape) {
      const ambiguous = incoming === null;
      out.push({
        documentPath: [...documentPath, key],
        valuePath: [...valuePath, key],
        kind: ambiguous ? 'ambiguous' : 'error',
        message: ambiguous
          ? `\`${key}: null\` over ${describeValue(existing)} is ambiguous (the merge rules call it incompatible; the spec's structured example uses it as a placeholder); the member is left unchanged`
          : `cannot merge ${describeValue(incoming)} into ${describeValue(existing)} (member \`${key}\`): the merge rules call this combination incompatible`,
      });
    }
  }
}

/** Where merged nodes are recorded, and under which provenance entry. */
export interface MergeRecorder {
  journal: Journal;
  entry: number;
}

/**
 * Merges `value` into the target at `path` (already checked by findConflicts). `chain` holds the
 * containers from the root down to the target itself. Returns the new root when the root itself
 * was a primitive that got replaced.
 */
export function mergeInto(root: unknown, chain: Container[], path: Path, value: unknown, recorder: MergeRecorder): unknown {
  const target = path.length === 0 ? root : (chain[chain.length - 1] as Record<string | number, unknown>)[path[path.length - 1]];
  if (Array.isArray(target)) {
    const items = Array.isArray(value) ? value : [value];
    appendItems(target, items, [...chain, target], path, recorder);
  } else if (isObject(target)) {
    mergeMembers(target, value as Record<string, unknown>, [...chain, target], path, recorder);
  } else {
    if (path.length === 0) return cloneJson(value);
    const parent = chain[chain.length - 1];
    const key = path[path.length - 1];
    if (Array.isArray(parent)) parent[key as number] = cloneJson(value);
    else setOwn(parent, key as string, cloneJson(value));
    recorder.journal.touched(recorder.entry, 'changed', chain, path);
  }
  return root;
}

function appendItems(array: unknown[], items: unknown[], chain: Container[], path: Path, recorder: MergeRecorder): void {
  for (const item of items) {
    array.push(cloneJson(item));
    recorder.journal.touched(recorder.entry, 'added', chain, [...path, array.length - 1]);
  }
}

function mergeMembers(target: Record<string, unknown>, value: Record<string, unknown>, chain: Container[], path: Path, recorder: MergeRecorder): void {
  for (const key of Object.keys(value)) {
    const incoming = value[key];
    const memberPath = [...path, key];
    if (!Object.prototype.hasOwnProperty.call(target, key)) {
      setOwn(target, key, cloneJson(incoming));
      recorder.journal.touched(recorder.entry, 'added', chain, memberPath);
      continue;
    }
    const existing = target[key];
    const shape = shapeOf(existing);
    if (shape !== shapeOf(incoming)) continue; // the ambiguous null placeholder: left unchanged
    if (shape === 'object') mergeMembers(existing as Record<string, unknown>, incoming as Record<string, unknown>, [...chain, existing as Container], memberPath, recorder);
    else if (shape === 'array') appendItems(existing as unknown[], incoming as unknown[], [...chain, existing as Container], memberPath, recorder);
    else {
      setOwn(target, key, incoming);
      recorder.journal.touched(recorder.entry, 'changed', chain, memberPath);
    }
  }
}
