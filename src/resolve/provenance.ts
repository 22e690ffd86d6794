/** Finding which overlay action made a pointer of the resolved spec what it is. */

export interface ProvenanceEntry {
  index: number;
  added?: readonly string[];
  changed?: readonly string[];
  removed?: readonly string[];
}

function covers(touched: string, pointer: string): boolean {
  return pointer === touched || pointer.startsWith(`${touched}/`);
}

/** Index of the last action that added or changed `pointer` or one of its ancestors. */
export function actionForPointer(provenance: readonly unknown[], pointer: string): number | undefined {
  for (let i = provenance.length - 1; i >= 0; i--) {
    const entry = provenance[i] as ProvenanceEntry;
    const touched = [...(entry.added ?? []), ...(entry.changed ?? [])];
    if (touched.some((t) => covers(t, pointer))) return entry.index ?? i;
  }
  return undefined;
}
