/**
 * Local `$ref`s that point to nothing (an overlay removed or renamed their target): found here, with
 * where they are, instead of as a stack trace from a generator that follows them.
 */
import { getAtPointer, toPointer } from '../load/pointer.ts';
import { isObject } from './walk.ts';

export interface DanglingRef {
  /** JSON pointer of the object holding the `$ref`. */
  pointer: string;
  ref: string;
  /** The pointer the ref names. */
  target: string;
}

/** Up to `limit` local refs of `spec` whose target is missing, in document order. */
export function danglingRefs(spec: unknown, limit = 5): DanglingRef[] {
  const found: DanglingRef[] = [];
  const path: (string | number)[] = [];
  const visit = (node: unknown): void => {
    if (found.length >= limit) return;
    if (Array.isArray(node)) {
      node.forEach((item, i) => {
        path.push(i);
        visit(item);
        path.pop();
      });
      return;
    }
    if (!isObject(node)) return;
    const ref = node.$ref;
    if (typeof ref === 'string' && ref.startsWith('#')) {
      let target: string | undefined;
      try {
        target = decodeURIComponent(ref.slice(1));
      } catch {
        target = undefined;
      }
      if (target === undefined || getAtPointer(spec, target) === undefined) found.push({ pointer: toPointer(path), ref, target: target ?? ref.slice(1) });
    }
    for (const key in node) {
      const value = node[key];
      if (value === null || typeof value !== 'object') continue;
      path.push(key);
      visit(value);
      path.pop();
    }
  };
  visit(spec);
  return found;
}
