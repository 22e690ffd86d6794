/** RFC 9535 JSONPath for the nodes the compiler edits: normalized paths (§2.7), which every Overlay tool replays. */
import { parsePointer } from '../load/pointer.ts';

export function quote(name: string): string {
  return `'${name.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/**
 * The normalized path of a JSON pointer in `document`: `/paths/~1x/post/parameters/0` →
 * `$['paths']['/x']['post']['parameters'][0]`. A token is an index only where the node is an array.
 */
export function pointerToPath(document: unknown, pointer: string): string {
  let path = '$';
  let node: unknown = document;
  for (const token of parsePointer(pointer)) {
    if (Array.isArray(node)) {
      path += `[${token}]`;
      node = node[Number(token)];
    } else {
      path += `[${quote(token)}]`;
      node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[token] : undefined;
    }
  }
  return path;
}

/** Selects the members of the array at `pointer` equal to a scalar. */
export function memberEqualPath(document: unknown, pointer: string, value: unknown): string {
  const literal = typeof value === 'string' ? quote(value) : JSON.stringify(value);
  return `${pointerToPath(document, pointer)}[?@ == ${literal}]`;
}
