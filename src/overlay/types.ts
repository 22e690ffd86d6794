/** Types of the overlay engine: the actions it applies, its options, and what it reports back. */
import type { Diagnostic } from '../diagnostics/diagnostic.ts';

/** Major.minor feature sets of the Overlay Specification we implement. */
export type OverlayVersion = '1.0' | '1.1' | '1.2';

export const SUPPORTED_VERSIONS: readonly OverlayVersion[] = ['1.0', '1.1', '1.2'];

export type ActionKind = 'update' | 'copy' | 'remove' | 'none';

/**
 * One action, ready to apply: 1.2 reusable action references are already resolved into the
 * fields of the reusable action with the reference's `target` and `description`.
 */
export interface ResolvedAction {
  /** 0-based index in the overlay's `actions` array. */
  index: number;
  target: string;
  description?: string;
  kind: ActionKind;
  /** Present when kind is `update` (may be null: null is a value). */
  update?: unknown;
  /** The JSONPath of the copy source, when kind is `copy`. */
  copy?: string;
  /** `$ref` of a 1.2 Reusable Action Reference Object. */
  ref?: string;
  /** The action's `x-*` fields (for a reference: the reusable fields' ones, overridden by the reference's). */
  extensions: Record<string, unknown>;
  /** JSON pointer of the field that carries the action's value in the overlay document. */
  valuePointer: string;
}

/** A validated overlay, its version and its actions in order. */
export interface ParsedOverlay {
  version: OverlayVersion;
  actions: ResolvedAction[];
}

export interface ApplyOptions {
  /**
   * A target that matches nothing is an error (the build's mode); ambiguous cases the
   * specification leaves open are errors instead of warnings. Default false: follow the
   * specification, where a zero-match target is a no-op.
   */
  strict?: boolean;
  /** Name of the overlay file, for diagnostics and provenance. */
  file?: string;
  /** Line of a JSON pointer in the overlay file (loadDocument().lineOf). */
  lineOf?: (pointer: string) => number | undefined;
  /** Name of the target document, used in messages. */
  documentFile?: string;
  /** Mutate `document` instead of working on a copy (saves one deep copy of a large spec). */
  inPlace?: boolean;
}

/** What one action did, in the coordinates of the resulting document (RFC 6901 pointers). */
export interface ActionProvenance {
  /** The overlay file, when given. */
  file?: string;
  /** 0-based index in the overlay's `actions`. */
  index: number;
  /** 1-based line of the action in the overlay file, when a line map was given. */
  line?: number;
  target: string;
  kind: ActionKind;
  description?: string;
  /** `$ref` of a 1.2 reusable action reference. */
  ref?: string;
  /** For `copy`: the pointer of the copied node, as it was when the action ran. */
  source?: string;
  /** The action's `x-*` extensions. */
  extensions: Record<string, unknown>;
  /** Pointers of the nodes the target selected, as the document was when the action ran. */
  matched: string[];
  /**
   * Top-most nodes the action inserted (object members it created, array items it appended),
   * in the resulting document. A node a later action removed is no longer listed.
   */
  added: string[];
  /** Primitives the action wrote over an existing primitive, one pointer each, in the resulting document. */
  changed: string[];
  /**
   * Top-most nodes the action removed, as pointers into the document as it was just before the
   * action ran (a removed node has no place in the result).
   */
  removed: string[];
}

export interface ApplyResult {
  document: unknown;
  provenance: ActionProvenance[];
  diagnostics: Diagnostic[];
}

/** One overlay of a sequence given to applyOverlays. */
export interface OverlayInput {
  overlay: unknown;
  file?: string;
  lineOf?: (pointer: string) => number | undefined;
}
