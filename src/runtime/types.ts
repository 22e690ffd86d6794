/** Shapes shared by the runtime and the modules codegen emits for each profile. */
import type { ProviderMode } from './modes.ts';

/** The support vocabulary (see DESIGN.md); `undocumented` is derived, never claimed. */
export type SupportStatus = 'supported' | 'partial' | 'ignored' | 'unsupported' | 'deprecated' | 'extension' | 'undocumented';

/** A provider's claim about one field, as placed by its overlay in `x-compat`. */
export interface FieldClaim {
  status: Exclude<SupportStatus, 'undocumented'>;
  note?: string;
  replacement?: string;
}

/** Claims keyed by field path relative to the body (`messages[].name`). */
export type FieldClaims = Readonly<Record<string, FieldClaim>>;

/** One problem found by a check. `status` is a support status, or `invalid` for a schema violation. */
export interface Issue {
  field: string;
  status: SupportStatus | 'invalid';
  message: string;
}

export interface CheckResult {
  ok: boolean;
  errors: Issue[];
  warnings: Issue[];
}

/** The subset of an Ajv error object the checks read. */
export interface SchemaError {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

/** An Ajv standalone validate function. */
export interface ValidateFunction {
  (data: unknown): boolean;
  errors?: SchemaError[] | null;
}

/**
 * What checkRequest and prepareRequest read of one operation. Apart from the answers' part
 * (ResponseEntry) so that an app checking requests bundles no answer validator.
 */
export interface RequestEntry {
  method: string;
  path: string;
  /** Validator of the JSON request body, when the operation takes one. */
  request?: ValidateFunction;
  requestClaims?: FieldClaims;
  /** The operation is deprecated (from the provider's docs): every check warns, naming the date and replacement. */
  lifecycle?: EndpointLifecycle;
  /**
   * Per model named by a model-scoped claim: the request claims for a body whose `model` is that
   * model (the unscoped claims with that model's claims in their place).
   */
  requestClaimsByModel?: Readonly<Record<string, FieldClaims>>;
  /**
   * Per mode named by a mode-scoped claim (the profile's `modes` tell a body's mode): the request
   * claims in that mode, and per model the claims for that model in that mode.
   */
  requestClaimsByMode?: Readonly<Record<string, { claims: FieldClaims; byModel?: Readonly<Record<string, FieldClaims>> }>>;
  /** The status of request body fields no claim names, when it is `unsupported` or `ignored`. */
  requestDefault?: FieldClaim;
  /** With `requestDefault`: the top-level body fields some claim names (variant and scoped claims included). */
  requestListed?: readonly string[];
}

/** What checkResponse and checkStreamEvent read of one operation. */
export interface ResponseEntry {
  /** Validators of JSON responses by status code (`200`, `4XX`, `default`). */
  responses: Readonly<Record<string, ValidateFunction>>;
  /** Validator of one `text/event-stream` event's data. */
  stream?: ValidateFunction;
  responseClaims?: FieldClaims;
}

/** What the generated operations table holds for one operation. */
export interface OperationEntry extends RequestEntry, ResponseEntry {}

export type RequestTable = Readonly<Record<string, RequestEntry>>;
export type ResponseTable = Readonly<Record<string, ResponseEntry>>;
export type OperationTable = Readonly<Record<string, OperationEntry>>;

/** How the provider authenticates and where it lives, from the profile's root `x-compat`. */
export interface ProviderProfile {
  id: string;
  name: string;
  baseUrl: string;
  auth: AuthScheme & {
    env: string;
    /** Other schemes the provider also accepts (a client may choose one with `authScheme`). */
    alternatives?: readonly AuthScheme[];
  };
  /** Operations the provider retired (`POST /chat/completions`): what to say instead of "not offered". */
  retired?: Readonly<Record<string, EndpointLifecycle>>;
  /** The provider's modes that claims can be scoped to, with the bodies that turn each on. */
  modes?: readonly ProviderMode[];
}

/** When an endpoint was (or will be) deprecated or retired, and what to use instead. */
export interface EndpointLifecycle {
  state: 'deprecated' | 'retired';
  date?: string;
  replacement?: string;
  note?: string;
}

/** `bearer`: `Authorization: Bearer <key>`; `header`: the key alone in `header`. */
export interface AuthScheme {
  scheme: 'bearer' | 'header';
  header?: string;
}
