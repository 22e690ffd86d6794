/**
 * Provenance bookkeeping. Actions record what they touch as (container, key) steps from the root,
 * not as pointer strings, because later actions shift array indices and remove subtrees; at the
 * end every record is replayed against the removals that came after it, which yields pointers in
 * the resulting document's coordinates (or drops records whose node is gone) without walking the
 * whole document.
 */
import { toPointer } from '../load/pointer.ts';

export type Container = Record<string, unknown> | unknown[];
export type Path = (string | number)[];

interface Touch {
  entry: number;
  kind: 'added' | 'changed';
  /** chain[i] is the container path[i] is a key of; chain[0] is the root. */
  chain: Container[];
  path: Path;
  seq: number;
}

export class Journal {
  private seq = 0;
  private readonly touches: Touch[] = [];
  private readonly arrayRemovals = new Map<unknown[], { seq: number; index: number }[]>();
  private readonly keyRemovals = new Map<object, Map<string, number>>();

  touched(entry: number, kind: 'added' | 'changed', chain: Container[], path: Path): void {
    this.touches.push({ entry, kind, chain, path, seq: ++this.seq });
  }

  removedFromArray(array: unknown[], index: number): void {
    let log = this.arrayRemovals.get(array);
    if (!log) this.arrayRemovals.set(array, (log = []));
    log.push({ seq: ++this.seq, index });
  }

  removedKey(object: object, key: string): void {
    let log = this.keyRemovals.get(object);
    if (!log) this.keyRemovals.set(object, (log = new Map()));
    log.set(key, ++this.seq);
  }

  /** Pointers per entry and kind, in the final document; records of nodes removed since are dropped. */
  finish(root: unknown, entries: number): { added: string[]; changed: string[] }[] {
    const result = Array.from({ length: entries }, () => ({ added: [] as string[], changed: [] as string[] }));
    for (const touch of this.touches) {
      const path = this.replay(root, touch);
      if (path) result[touch.entry][touch.kind].push(toPointer(path));
    }
    return result;
  }

  private replay(root: unknown, touch: Touch): Path | undefined {
    if (touch.chain[0] !== root) return undefined;
    const path: Path = [];
    for (let i = 0; i < touch.path.length; i++) {
      const container = touch.chain[i];
      let key = touch.path[i];
      if (Array.isArray(container)) {
        const shifted = this.shiftIndex(container, key as number, touch.seq);
        if (shifted === undefined || shifted >= container.length) return undefined;
        key = shifted;
      } else {
        const removedAt = this.keyRemovals.get(container)?.get(key as string);
        if (removedAt !== undefined && removedAt > touch.seq) return undefined;
        if (!Object.prototype.hasOwnProperty.call(container, key)) return undefined;
      }
      const next = touch.chain[i + 1];
      if (next !== undefined && (container as Record<string | number, unknown>)[key] !== next) return undefined;
      path.push(key);
    }
    return path;
  }

  /** The index an item had at `seq` has after the removals from `array` that came later. */
  private shiftIndex(array: unknown[], index: number, seq: number): number | undefined {
    const log = this.arrayRemovals.get(array);
    if (!log) return index;
    let current = index;
    for (const removal of log) {
      if (removal.seq < seq) continue;
      if (removal.index === current) return undefined;
      if (removal.index < current) current--;
    }
    return current;
  }
}
