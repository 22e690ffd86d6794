/** The shape every normalize fix shares, and the small context the registry hands to each one. */
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { isObject, type JsonObject } from '../load/json.ts';

export { isObject, type JsonObject };
export type Path = readonly (string | number)[];

export interface FixContext {
  /** The document being normalized (mutated in place by the fixes). */
  readonly spec: JsonObject;
  /** Records a diagnostic at a JSON pointer path into the document. */
  diagnose(d: Omit<Diagnostic, 'location'>, path: Path): void;
}

interface FixInfo {
  /** Stable kebab-case id, used in the report. */
  id: string;
  /** One line: what the fix does and what its count counts. */
  description: string;
}

/** A fix on the document as a whole; returns how many places it changed. */
export interface DocumentFix extends FixInfo {
  kind: 'document';
  apply(ctx: FixContext): number;
}

/**
 * A fix on single Schema Objects. `start` is called once per run (for any state the fix keeps)
 * and returns a visitor that is called on every schema, pre-order, before its subschemas; it may
 * edit that schema in place and returns how many changes it made there.
 */
export interface SchemaFix extends FixInfo {
  kind: 'schema';
  start(ctx: FixContext): (schema: JsonObject, path: Path) => number;
}

export type NormalizeFix = DocumentFix | SchemaFix;

export interface FixReport {
  fix: string;
  count: number;
  description: string;
}

