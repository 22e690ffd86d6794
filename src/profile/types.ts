/**
 * The typed profile model: a provider's `x-compat` claims (vocabulary v2), parsed and validated
 * once in the resolve stage. Codegen, compat, mock, site, capabilities and probe read this model,
 * never `x-compat` itself. The JSON Schema `spec/schemas/x-compat.schema.json` describes the YAML
 * form an overlay writes; docs/x-compat.md is its reference.
 */

/** The support vocabulary. `undocumented` is derived (no claim and no default), never claimed. */
export const claimStatuses = ['supported', 'partial', 'ignored', 'unsupported', 'deprecated', 'extension'] as const;
export type ClaimStatus = (typeof claimStatuses)[number];
export type FieldStatus = ClaimStatus | 'undocumented';

/**
 * Where a field claim applies. `response.stream` is the data of one server-sent event of a
 * streamed answer (the chat chunk: `usage`, `choices[].delta.tool_calls[].index`).
 */
export const fieldLocations = [
  'request.body',
  'request.query',
  'request.header',
  'response.body',
  'response.stream',
  'response.header',
] as const;
export type FieldLocation = (typeof fieldLocations)[number];

/** A date `YYYY-MM-DD`. */
export type IsoDate = string;

/** Where a statement comes from: the `id` of an entry of the root `sources`, and when it was checked. */
export interface Provenance {
  source?: string;
  verified?: IsoDate;
}

/**
 * A value rule: what the provider does with some values of a field.
 * `when` selects values; `effect` says what happens to them:
 * - `reject`: a 400 (compiled into the schema: `enum`/`not`/`minimum`/`maximum`/`const`);
 * - `clamp`: accepted, replaced by the nearest bound `to` (no schema change; docs, mock, probe);
 * - `rewrite`: accepted, replaced by `to` (Groq: temperature 0 becomes 1e-8);
 * - `ignore`: accepted, no effect.
 */
export interface ValueRule extends Provenance {
  when: ValueSelector;
  effect: 'reject' | 'clamp' | 'rewrite' | 'ignore';
  to?: unknown;
  note?: string;
}

/** Values a rule applies to. Exactly one of the keys. `notIn` with `[1]` says "must be 1". */
export type ValueSelector =
  | { in: unknown[] }
  | { notIn: unknown[] }
  | { above: number }
  | { atLeast: number }
  | { below: number }
  | { atMost: number }
  | { equals: unknown };

/** What a response field holds (response locations only). */
export type Returned = 'always' | 'never' | 'empty';

/** Who deprecated a field: the provider (`deprecated` status) or OpenAI (the base schema). */
export type DeprecatedBy = 'provider' | 'openai';

/** The lifecycle of an operation or of the whole profile. */
export interface Lifecycle extends Provenance {
  state: 'active' | 'deprecated' | 'retired';
  /** When it was (or will be) deprecated or retired. */
  date?: IsoDate;
  /** What to use instead (an operation key `POST /responses`, or prose). */
  replacement?: string;
  /** For `retired`: the HTTP status the provider answers with (403, 404, 410). */
  answer?: { status: number; message?: string };
  note?: string;
}

/** What a probe observed for a claim (written by `oai-compat probe --propose`, never by hand). */
export interface Observation {
  status: 'honoured' | 'ignored' | 'rejected' | 'transformed' | 'inconclusive' | 'unobservable';
  date: IsoDate;
  model?: string;
  note?: string;
  /** Path of the probe report the evidence is in. */
  evidence?: string;
}

/** Which requests a claim is about. Absent: every model and mode. */
export interface ClaimScope {
  /** Model names (as in the root `models`) the claim is about. */
  models?: string[];
  /** A named mode of the provider (`thinking`), defined in the root `modes`. */
  mode?: string;
}

/** One claim about a field, header or operation. */
export interface Claim extends Provenance, ClaimScope {
  status: ClaimStatus;
  note?: string;
  /** The field or endpoint to use instead (for `ignored` and `deprecated`). */
  replacement?: string;
  rules?: ValueRule[];
  /** For `extension` fields: the JSON Schema the build adds to the operation. */
  schema?: Record<string, unknown>;
  /** Response fields: whether the provider fills them. */
  returned?: Returned;
  /** Response headers: the statuses whose answers carry the header (`[429]` for `retry-after`). */
  statuses?: (number | string)[];
  /**
   * The docs name a field that neither OpenAI's API nor the provider's has (a typo, an old name):
   * recorded and shown as such, not warned about on every build.
   */
  notInApi?: boolean;
  /** Other sources stating something else about the same field (kept, shown as a conflict). */
  conflicts?: Claim[];
  observed?: Observation;
}

/**
 * A field key: a path relative to the body with `[]` for array items, or a lower-case header name.
 * A variant selector narrows an array item to one branch of its `oneOf`/`anyOf`, by the value of
 * its discriminating property: `messages[role=system]`, `messages[role=user].content[type=image_url]`,
 * `tools[type=function]`. A path may go on after it: `messages[role=assistant].tool_calls`.
 */
export type FieldKey = string;

/** A field's claims: one claim, or several scoped to models or modes (at most one unscoped). */
export type FieldClaims = Record<FieldKey, Claim[]>;

/** The status of fields no claim names, per location ("all other fields are supported"). */
export interface DefaultClaim extends Provenance {
  status: Extract<ClaimStatus, 'supported' | 'ignored' | 'unsupported'>;
  note?: string;
}

export interface OperationModel extends Provenance {
  /** `POST /chat/completions`. */
  key: string;
  method: string;
  path: string;
  /** JSON pointer of the operation in the resolved spec. */
  pointer: string;
  status: ClaimStatus;
  note?: string;
  replacement?: string;
  lifecycle?: Lifecycle;
  defaults: Partial<Record<FieldLocation, DefaultClaim>>;
  fields: Partial<Record<FieldLocation, FieldClaims>>;
}

/** A provider-wide behaviour the docs describe, grouped by kind in the docs. */
export interface Behaviour extends Provenance {
  id: string;
  kind: 'messages' | 'errors' | 'rate-limits' | 'streaming' | 'auth' | 'models' | 'other';
  title: string;
  note: string;
  /** Operations it concerns (all when absent). */
  operations?: string[];
}

export interface SourceDocument {
  id: string;
  url: string;
  title?: string;
  verified: IsoDate;
  note?: string;
  /** A third party's page rather than the provider's own: claims citing only it are unverified. */
  thirdParty?: boolean;
}

export interface AuthModel {
  scheme: 'bearer' | 'header';
  header?: string;
  env: string;
  alternatives?: { scheme: 'bearer' | 'header'; header?: string }[];
}

export interface ModeModel {
  id: string;
  title: string;
  /** How a request turns the mode on (prose, e.g. `thinking: {type: enabled}`). */
  how: string;
  /**
   * The same, for tools (mock, checks): a request is in this mode when its body matches one of
   * these partial bodies (objects match by the keys they list, other values by equality).
   */
  select?: Record<string, unknown>[];
  /** The mode of a request that matches no mode's `select` (DeepSeek: thinking is on by default). */
  default?: boolean;
}

/** The whole profile, as every generator reads it. */
export interface ProfileModel {
  id: string;
  name: string;
  homepage?: string;
  baseUrl: string;
  auth: AuthModel;
  sources: SourceDocument[];
  /** Default source of claims that name none. */
  source: string;
  models: string[];
  modes: ModeModel[];
  notes: string[];
  behaviours: Behaviour[];
  /** Capabilities a source mentions without claiming them (kept from v1's root `unverified`). */
  unverified: { capability: string; operation?: string; location?: FieldLocation; field?: string; note?: string; source?: string }[];
  lifecycle?: Lifecycle;
  /** Operations the provider offers (status not `unsupported`), sorted by key. */
  operations: OperationModel[];
  /** Operations a claim marks `unsupported` or `retired` (kept for the docs, sliced from the spec). */
  unoffered: OperationModel[];
}
