/** Limits on what overlays may ask of the applier (see also src/load/limits.ts for documents). */

export interface OverlayLimits {
  /** Actions across the overlays of one run (OAI_COMPAT_MAX_ACTIONS). */
  maxActions: number;
  /** Nodes the actions may add in total, each value once per target (OAI_COMPAT_MAX_ADDED_NODES). */
  maxAddedNodes: number;
}

// A provider overlay adds a few thousand nodes; a 10 MB map of 55k keys, 110 thousand.
export const defaultOverlayLimits: OverlayLimits = { maxActions: 100_000, maxAddedNodes: 1_000_000 };

export function overlayLimits(env: NodeJS.ProcessEnv = process.env): OverlayLimits {
  const read = (name: string, fallback: number) => {
    const text = env[name];
    return text !== undefined && /^[1-9]\d{0,9}$/.test(text) ? Number(text) : fallback;
  };
  return {
    maxActions: read('OAI_COMPAT_MAX_ACTIONS', defaultOverlayLimits.maxActions),
    maxAddedNodes: read('OAI_COMPAT_MAX_ADDED_NODES', defaultOverlayLimits.maxAddedNodes),
  };
}

/** Nodes of a JSON value, counting stops a little above `stopAbove` (no need to walk the rest). */
export function countNodes(value: unknown, stopAbove: number): number {
  let count = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0 && count <= stopAbove) {
    const node = stack.pop();
    count++;
    if (Array.isArray(node)) stack.push(...node);
    else if (node !== null && typeof node === 'object') for (const key in node) stack.push((node as Record<string, unknown>)[key]);
  }
  return count;
}
