/** The schema edits claims compile to, before copy-on-write turns them into Overlay actions. */
import type { FieldLocation } from '../profile/types.ts';
import type { RefHop } from './locate.ts';

/** The claim an edit comes from: its pointer in the resolved spec, and what it is about. */
export interface ClaimRef {
  /** `/paths/~1chat~1completions/post/x-compat/fields/request.body/top_logprobs` */
  pointer: string;
  operation: string;
  location: FieldLocation;
  field: string;
}

interface EditBase {
  /** The node edited (or removed), as found in the spec before any copy. */
  pointer: string;
  /** `$ref`s crossed from the operation to reach it (copy-on-write repoints these). */
  hops: RefHop[];
  claim: ClaimRef;
  /** What the action does, in words (the action's description). */
  why: string;
}

export type Edit =
  /** Removes an object member (a property, a parameter, a `oneOf` branch) or an array item. */
  | (EditBase & { kind: 'remove' })
  /** Merges `value` into the node (Overlay `update`; on an array, the items are appended). */
  | (EditBase & { kind: 'merge'; value: Record<string, unknown> | unknown[] })
  /** Removes these values from the node's `enum`. */
  | (EditBase & { kind: 'remove-values'; values: unknown[] });

/** One action of a compiled overlay; `x-claim` names the claim it comes from. */
export interface CompiledAction {
  target: string;
  description: string;
  update?: unknown;
  remove?: true;
  'x-claim'?: string;
}
