/**
 * Which overlay actions made a row what it is, from the overlay provenance (src/overlay/types.ts
 * ActionProvenance): the action that placed the claim, and those that added, changed or removed
 * the field's schema.
 */
import type { ActionRef } from './types.ts';

interface ProvenanceLike {
  index: number;
  description?: string;
  added?: readonly string[];
  changed?: readonly string[];
  removed?: readonly string[];
}

function isAncestorOrSelf(ancestor: string, pointer: string): boolean {
  return pointer === ancestor || pointer.startsWith(`${ancestor}/`);
}

/** A pointer under a property definition that still belongs to it (not to a nested property). */
function isOwnDetail(property: string, pointer: string): boolean {
  return pointer.startsWith(`${property}/`) && !pointer.slice(property.length).includes('/properties/');
}

export interface ProvenanceIndex {
  /** Actions touching a claim (at `claimPointer`) or the schema of a field (at `schemaPointers`). */
  actionsFor(claimPointer: string | undefined, schemaPointers: readonly string[]): ActionRef[] | undefined;
}

export function indexProvenance(provenance: readonly unknown[]): ProvenanceIndex {
  const entries = provenance.filter((p): p is ProvenanceLike => typeof p === 'object' && p !== null && typeof (p as ProvenanceLike).index === 'number');
  return {
    actionsFor(claimPointer, schemaPointers) {
      const found: ActionRef[] = [];
      for (const entry of entries) {
        const touched = [...(entry.added ?? []), ...(entry.changed ?? []), ...(entry.removed ?? [])];
        const hit = touched.some(
          (t) =>
            (claimPointer !== undefined && (isAncestorOrSelf(t, claimPointer) || isAncestorOrSelf(claimPointer, t))) ||
            schemaPointers.some((s) => isAncestorOrSelf(t, s) || isOwnDetail(s, t)),
        );
        if (hit) found.push(entry.description ? { index: entry.index, description: entry.description } : { index: entry.index });
      }
      return found.length ? found.sort((a, b) => a.index - b.index) : undefined;
    },
  };
}
