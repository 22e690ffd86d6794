/** The compatibility model: the shape of generated/<id>/compat.json and the inputs it is built from. */

/** The support vocabulary (DESIGN.md). `undocumented` is derived, never claimed. */
export const statuses = ['supported', 'partial', 'ignored', 'unsupported', 'deprecated', 'extension', 'undocumented'] as const;
export type CompatStatus = (typeof statuses)[number];
export type ClaimStatus = Exclude<CompatStatus, 'undocumented'>;

export { fieldLocations, type FieldLocation } from '../profile/types.ts';
import type { FieldLocation } from '../profile/types.ts';

import type { Behaviour, ClaimStatus as ProfileClaimStatus, DefaultClaim, Lifecycle, ModeModel, Observation, Returned, DeprecatedBy, ValueRule } from '../profile/types.ts';

/** A source document as the report lists it (the profile's `sources`). */
export interface ClaimSource {
  id: string;
  url: string;
  title?: string;
  verified: string;
  note?: string;
  thirdParty?: boolean;
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

/** Another source's statement about the same field, shown next to the claim. */
export interface ConflictRow {
  status: ProfileClaimStatus;
  note?: string;
  /** URL of the document. */
  source?: string;
  verified?: string;
}

/**
 * Counts of one operation's fields (or, on the report, the sum over the offered operations).
 * Every figure is a sum over operations, so offering another endpoint adds its own fields and
 * never changes the figures of the others. Counted: one row per field key (plain or variant);
 * rows scoped to models or a mode are alternatives of a counted row and not counted again.
 */
export interface FieldCounts {
  /** Fields the docs cover, by status: claimed, inherited from a claimed parent, or by the location's default. */
  byStatus: Record<ProfileClaimStatus, number>;
  /** How many of the covered fields carry their status by default. */
  byDefault: number;
  /** Fields neither a claim nor a default covers. */
  undocumented: number;
  /** Fields the docs name that the API does not have (`notInApi`). */
  notInApi: number;
  /** Value rules the docs give (allowed values, ranges, clamps, rewrites). */
  limits: number;
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
  lifecycle?: Lifecycle;
  /** The status of fields no claim names, per location, with the source URL. */
  defaults?: Partial<Record<FieldLocation, DefaultClaim>>;
  /** Offered operations: their fields by status. */
  counts?: FieldCounts;
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
  /** Claim scope: the row holds for these models only (several rows may then share a field). */
  models?: string[];
  /** Claim scope: the row holds in this mode only. */
  mode?: string;
  /** For a variant key (`messages[role=system]`): the plain path whose items it narrows (`messages`). */
  variantOf?: string;
  /** The status is the operation's default for the location ("by default"), not a claim. */
  byDefault?: boolean;
  /** Value rules (what happens to some values). */
  rules?: ValueRule[];
  /** Response fields: whether the provider fills them. */
  returned?: Returned;
  /** Response headers: the statuses whose answers carry the header. */
  statuses?: (number | string)[];
  /** The docs name a field the API does not have: a documented outcome, not a problem. */
  notInApi?: boolean;
  /** Who deprecated the field: the provider (a `deprecated` claim) or OpenAI (`deprecated: true` in the base schema). */
  deprecatedBy?: DeprecatedBy;
  /** The claim cites only a third party's page: unverified. */
  thirdParty?: boolean;
  /** What other sources say about the field. */
  conflicts?: ConflictRow[];
  observed?: Observation;
  /** The field exists in the base operation. */
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
    auth?: { scheme: 'bearer' | 'header'; header?: string; env: string; alternatives?: { scheme: 'bearer' | 'header'; header?: string }[] };
    models?: string[];
    modes?: ModeModel[];
    notes?: string[];
    behaviours?: Behaviour[];
    lifecycle?: Lifecycle;
    unverified?: UnverifiedCapability[];
  };
  base: { title: string; version: string; sha256: string };
  /** The fields of the offered operations by status (the sum of the operations' counts; see FieldCounts). */
  counts: FieldCounts;
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
