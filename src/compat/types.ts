/** The compatibility model: the shape of generated/<id>/compat.json and the inputs it is built from. */

/** The support vocabulary (DESIGN.md). `undocumented` is derived, never claimed. */
export const statuses = ['supported', 'partial', 'ignored', 'unsupported', 'deprecated', 'extension', 'undocumented'] as const;
export type CompatStatus = (typeof statuses)[number];
export type ClaimStatus = Exclude<CompatStatus, 'undocumented'>;

export { fieldLocations, type FieldLocation } from '../profile/types.ts';
import type { FieldLocation } from '../profile/types.ts';

/** One `x-compat` claim about a field, header or operation, as the overlay writes it. */
export interface Claim {
  status: ClaimStatus;
  note?: string;
  replacement?: string;
  source?: string;
  verified?: string;
}

export interface OperationClaim extends Claim {
  fields?: Partial<Record<FieldLocation, Record<string, Claim>>>;
}

export interface ClaimSource {
  id: string;
  url: string;
  title?: string;
  verified: string;
  note?: string;
}

/** A capability a source mentions without claiming it for the provider (a checklist "to verify"). */
export interface UnverifiedCapability {
  capability: string;
  operation?: string;
  location?: FieldLocation;
  field?: string;
  note?: string;
  source?: string;
}

/** The root `x-compat` object of a provider spec. */
export interface DocumentClaims {
  provider: { id: string; name: string; homepage?: string };
  auth: { scheme: 'bearer' | 'header'; header?: string; env: string; alternatives?: { scheme: string; header?: string }[] };
  sources: ClaimSource[];
  source: string;
  models?: string[];
  notes?: string[];
  unverified?: UnverifiedCapability[];
}

/** The overlay action that made a row what it is (from the overlay provenance). */
export interface ActionRef {
  index: number;
  description?: string;
}

export interface OperationRow {
  /** `POST /chat/completions`, as in the spec (no `/v1`). */
  operation: string;
  status: CompatStatus;
  note?: string;
  replacement?: string;
  source?: string;
  verified?: string;
  /** Whether the provider's resolved spec keeps the operation. */
  offered: boolean;
  /** Whether the operation exists in the base spec (false for provider endpoints). */
  inBase: boolean;
  summary?: string;
  /** A capability the sources list to verify for this operation, without claiming it. */
  unverified?: string;
  actions?: ActionRef[];
}

export interface FieldRow {
  operation: string;
  location: FieldLocation;
  /** Relative to the body, `[]` for array items; header names lower case. */
  field: string;
  status: CompatStatus;
  note?: string;
  replacement?: string;
  /** URL of the document the claim comes from. */
  source?: string;
  verified?: string;
  /** The field exists in the base operation (counted in the score). */
  inBase: boolean;
  /** The field exists in the provider's resolved operation. */
  inProvider: boolean;
  /** A claim names this very field (false when derived or inherited). */
  claimed: boolean;
  /** The claimed ancestor whose status this field inherits (`tools` for `tools[].function`). */
  inherited?: string;
  /** A capability the sources list to verify for this field, without claiming it (the status stays `undocumented`). */
  unverified?: string;
  actions?: ActionRef[];
}

export interface CompatReport {
  provider: {
    id: string;
    name: string;
    baseUrl: string;
    sources: string[];
    /** The sources with their ids, titles and dates (the claims' `sources`). */
    documents?: ClaimSource[];
    auth?: DocumentClaims['auth'];
    models?: string[];
    notes?: string[];
    unverified?: UnverifiedCapability[];
  };
  base: { title: string; version: string; sha256: string };
  score: number;
  /** Counts behind the score, and per status over every row. */
  counts: { baseFields: number; supportedOrPartial: number; byStatus: Record<CompatStatus, number> };
  operations: OperationRow[];
  fields: FieldRow[];
}

export interface BaseInfo {
  title: string;
  version: string;
  sha256: string;
  /** Where the pinned base spec comes from (the base profile's source). */
  url?: string;
}
