/**
 * Which overlay actions made a row what it is, from the overlay provenance (src/overlay/types.ts
 * ActionProvenance): the action that placed the claim, and those that added, changed or removed
 * the field's schema. Pointers are indexed once, so a lookup costs the depth of the pointer.
 */
import type { ActionRef } from './types.ts';

interface ProvenanceLike {
  index: number;
  description?: string;
  added?: readonly string[];
  changed?: readonly string[];
  removed?: readonly string[];
}

export interface ProvenanceIndex {
  /** How many actions the provenance lists (0 for the base profile: no lookup finds anything). */
  size: number;
  /** Actions touching a claim (at `claimPointer`) or the schema of a field (at `schemaPointers`). */
  actionsFor(claimPointer: string | undefined, schemaPointers: readonly string[]): ActionRef[] | undefined;
}

/** `/a/b/c` → `/a`, `/a/b`: the proper ancestors, the document root excluded. */
function ancestors(pointer: string): string[] {
  const result: string[] = [];
  for (let i = pointer.indexOf('/', 1); i > 0; i = pointer.indexOf('/', i + 1)) result.push(pointer.slice(0, i));
  return result;
}

export function indexProvenance(provenance: readonly unknown[]): ProvenanceIndex {
  const entries = provenance.filter((p): p is ProvenanceLike => typeof p === 'object' && p !== null && typeof (p as ProvenanceLike).index === 'number');
  const refs = new Map<number, ActionRef>();
  // Pointers an action touched, and for each ancestor of one, the actions below it (with whether
  // the way down crosses a nested `properties`, i.e. reaches another field).
  const touched = new Map<string, Set<number>>();
  const below = new Map<string, { index: number; nested: boolean }[]>();
  for (const entry of entries) {
    refs.set(entry.index, entry.description ? { index: entry.index, description: entry.description } : { index: entry.index });
    for (const pointer of [...(entry.added ?? []), ...(entry.changed ?? []), ...(entry.removed ?? [])]) {
      if (!touched.has(pointer)) touched.set(pointer, new Set());
      touched.get(pointer)!.add(entry.index);
      for (const ancestor of ancestors(pointer)) {
        if (!below.has(ancestor)) below.set(ancestor, []);
        below.get(ancestor)!.push({ index: entry.index, nested: pointer.slice(ancestor.length).includes('/properties/') });
      }
    }
  }
  // Every touched pointer and its ancestors: walking down a pointer's ancestors can stop at the
  // first one outside this set, since nothing below it was touched.
  const onTheWay = new Set<string>();
  for (const pointer of touched.keys()) {
    onTheWay.add(pointer);
    for (const ancestor of ancestors(pointer)) onTheWay.add(ancestor);
  }
  const selfOrAbove = (pointer: string, found: Set<number>): void => {
    for (let i = pointer.indexOf('/', 1); ; i = pointer.indexOf('/', i + 1)) {
      const prefix = i < 0 ? pointer : pointer.slice(0, i);
      if (!onTheWay.has(prefix)) return;
      for (const index of touched.get(prefix) ?? []) found.add(index);
      if (i < 0) return;
    }
  };
  const refsOf = (found: Set<number>): ActionRef[] | undefined =>
    found.size === 0 ? undefined : [...found].sort((a, b) => a - b).map((index) => refs.get(index)!);
  return {
    size: entries.length,
    actionsFor(claimPointer, schemaPointers) {
      if (entries.length === 0) return undefined;
      const found = new Set<number>();
      if (claimPointer !== undefined) {
        selfOrAbove(claimPointer, found);
        for (const b of below.get(claimPointer) ?? []) found.add(b.index);
      }
      for (const pointer of schemaPointers) {
        selfOrAbove(pointer, found);
        for (const b of below.get(pointer) ?? []) if (!b.nested) found.add(b.index);
      }
      return refsOf(found);
    },
  };
}
