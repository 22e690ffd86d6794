/**
 * The mock's view of a resolved spec: one entry per operation with what routing, validation and
 * responding need, computed once (at build time by the mock generator, or at start-up).
 * Schemas stay `$ref`s into the spec, so validators and samplers share one component registry.
 */
import type { OpenAPIDocument } from '../build/types.ts';
import { HTTP_METHODS, listOperations } from '../load/openapi.ts';
import { parseProfile } from '../profile/parse.ts';
import { isScoped, isVariantKey, operationsByKey, plainClaims } from '../profile/select.ts';
import { fieldLocations, type Claim, type FieldLocation, type OperationModel as ClaimedOperation, type ProfileModel, type Returned, type ValueRule } from '../profile/types.ts';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type Schema = Record<string, unknown>;

export interface ParameterModel {
  name: string;
  in: 'query' | 'path' | 'header' | 'cookie';
  required: boolean;
  schema: Schema;
  /** Pointer of the parameter's schema in the spec. */
  schemaPointer: string;
  style?: string;
  explode?: boolean;
}

export interface ClaimModel {
  status: string;
  note?: string;
  replacement?: string;
  /** Value rules (clamp/rewrite/ignore/reject), applied by the behaviours. */
  rules?: ValueRule[];
  /** Whether an answer field comes: always, never, or empty. */
  returned?: Returned;
}

/** The unscoped field claims of one operation (from the profile model), by location and field path. */
export type FieldClaims = Partial<Record<FieldLocation, Record<string, ClaimModel>>>;

/** A claim about some models and/or one mode (`models: [...]`, `mode: thinking`). */
export interface ScopedClaimModel extends ClaimModel {
  models?: string[];
  mode?: string;
}

/** The scoped claims of one operation, by location and field path (only fields that have some). */
export type ScopedClaims = Partial<Record<FieldLocation, Record<string, ScopedClaimModel[]>>>;

/** A mode of the provider, as the mock tells it from a request (see ModeModel in the profile types). */
export interface MockMode {
  id: string;
  select: Record<string, unknown>[];
  default?: boolean;
}

export interface ResponseModel {
  status: number;
  /** Pointer of the response object in the spec (after following a `$ref`). */
  pointer: string;
  /** Non-streamed content type answered (`application/json`, a binary type, or none). */
  contentType?: string;
  schema?: Schema;
  /** Set when the operation can also answer `text/event-stream`. */
  eventSchema?: Schema;
  headers: Record<string, Schema>;
}

export interface OperationModel {
  /** `POST /chat/completions`, as operations are written everywhere in the project. */
  key: string;
  method: string;
  /** Path template without the query part some upstream keys carry (`/responses?beta=true`). */
  path: string;
  /** Query pairs a path key demands (`?beta=true`), used to tell such twins apart. */
  requiredQuery: Record<string, string>;
  operationId?: string;
  pointer: string;
  parameters: ParameterModel[];
  body?: { required: boolean; content: Record<string, { schema: Schema; pointer: string }> };
  response: ResponseModel;
  /** The body field that switches streaming on, when the operation streams. */
  streamField?: string;
  requiresAuth: boolean;
  claims: FieldClaims;
  /** Claims scoped to models or modes; they win over `claims` for the requests they are about. */
  scoped?: ScopedClaims;
  /** The status of fields no claim names, per location (the operation's `defaults`). */
  defaults?: Partial<Record<FieldLocation, { status: string }>>;
}

export interface AuthModel {
  scheme: 'bearer' | 'header';
  header?: string;
  alternatives: { scheme: 'bearer' | 'header'; header?: string }[];
}

export interface MockModel {
  profile: string;
  providerName: string;
  /** Model names the provider's docs give (for `GET /models`). */
  models: string[];
  /** Modes claims can be scoped to, with the request bodies that select them. */
  modes?: MockMode[];
  auth: AuthModel;
  operations: OperationModel[];
  /** Operations of the base profile this provider does not offer (for a helpful 404). */
  notOffered: string[];
  /** Retired operations, answered as the provider says it answers them since (Perplexity's 403). */
  retired: RetiredOperation[];
}

export interface RetiredOperation {
  key: string;
  status: number;
  message: string;
}

/** The answer a retired operation gets: the documented one, else a 410 naming date and replacement. */
function retiredOperations(claims: ProfileModel): RetiredOperation[] {
  return claims.unoffered.flatMap(({ key, lifecycle: l }) => {
    if (l?.state !== 'retired') return [];
    const fallback = `${key} was retired${l.date ? ` on ${l.date}` : ''}${l.replacement ? `; use ${l.replacement}` : ''}.`;
    return [{ key, status: l.answer?.status ?? 410, message: l.answer?.message ?? fallback }];
  });
}


export function escapePointer(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Follows local `$ref`s (`#/components/...`) until a non-reference object. */
export function deref<T = Schema>(spec: OpenAPIDocument, value: unknown): T {
  let current = value as Record<string, unknown> | undefined;
  for (let hops = 0; current && typeof current.$ref === 'string' && hops < 32; hops++) {
    current = refTarget(spec, current.$ref) as Record<string, unknown> | undefined;
  }
  return current as T;
}

/** The pointer a local `$ref` names (only one hop: enough for parameters and request bodies). */
function refPointer(value: unknown): string | undefined {
  const ref = (value as { $ref?: unknown } | undefined)?.$ref;
  return typeof ref === 'string' && ref.startsWith('#/') ? decodeURIComponent(ref.slice(1)) : undefined;
}

export function refTarget(spec: OpenAPIDocument, ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined;
  let node: unknown = spec;
  for (const raw of ref.slice(2).split('/')) {
    const token = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    node = node && typeof node === 'object' ? (node as Record<string, unknown>)[token] : undefined;
  }
  return node;
}

/**
 * `profile` is the parsed profile model, or a profile id for a spec that comes without one (a
 * resolved spec read back from disk, or `--spec`): its claims are then parsed here.
 */
export function buildMockModel(spec: OpenAPIDocument, profile: string | ProfileModel, base?: OpenAPIDocument): MockModel {
  const claims = typeof profile === 'string' ? parseProfile(spec, { id: profile, base: profile === 'openai' }).model : profile;
  const byKey = operationsByKey(claims);
  const operations: OperationModel[] = [];
  for (const { key, path, method, pathItem, operation } of listOperations(spec)) operations.push(operationModel(spec, path, method, pathItem, operation, byKey.get(key)));
  const offered = new Set(operations.map((op) => op.key));
  const notOffered = base ? baseOperationKeys(base).filter((key) => !offered.has(key)) : [];
  const modes = claims.modes.map((m): MockMode => ({ id: m.id, select: m.select ?? [], ...(m.default ? { default: true } : {}) }));
  return { profile: claims.id, providerName: claims.name, models: claims.models, ...(modes.length ? { modes } : {}), auth: authModel(spec, claims), operations, notOffered, retired: retiredOperations(claims) };
}

function baseOperationKeys(base: OpenAPIDocument): string[] {
  const keys: string[] = [];
  for (const [pathKey, item] of Object.entries(base.paths ?? {})) {
    for (const method of HTTP_METHODS) if ((item as Record<string, unknown>)[method]) keys.push(`${method.toUpperCase()} ${pathKey.split('?')[0]}`);
  }
  return keys;
}

function authModel(spec: OpenAPIDocument, profile: ProfileModel): AuthModel {
  // A profile without root claims has no sources (they are required): its spec says how to authenticate.
  if (profile.sources.length > 0) {
    return { scheme: profile.auth.scheme, header: profile.auth.header, alternatives: profile.auth.alternatives ?? [] };
  }
  // No claim (the base profile): follow the security schemes.
  const schemes = Object.values(((spec.components as Record<string, unknown> | undefined)?.securitySchemes ?? {}) as Record<string, Record<string, string>>);
  const apiKey = schemes.find((s) => s.type === 'apiKey' && s.in === 'header');
  const bearer = schemes.some((s) => s.type === 'http' && s.scheme?.toLowerCase() === 'bearer');
  if (!bearer && apiKey) return { scheme: 'header', header: apiKey.name.toLowerCase(), alternatives: [] };
  return { scheme: 'bearer', alternatives: apiKey ? [{ scheme: 'header', header: apiKey.name.toLowerCase() }] : [] };
}

function operationModel(spec: OpenAPIDocument, pathKey: string, method: string, item: Record<string, unknown>, op: Record<string, unknown>, claimed: ClaimedOperation | undefined): OperationModel {
  const [path, query = ''] = pathKey.split('?');
  const pointer = `/paths/${escapePointer(pathKey)}/${method}`;
  const parameters = new Map<string, ParameterModel>();
  const pathPointer = `/paths/${escapePointer(pathKey)}`;
  const raws = [
    ...((item.parameters as unknown[]) ?? []).map((raw, i) => [raw, `${pathPointer}/parameters/${i}`] as const),
    ...((op.parameters as unknown[]) ?? []).map((raw, i) => [raw, `${pointer}/parameters/${i}`] as const),
  ];
  for (const [raw, rawPointer] of raws) {
    const p = deref<Record<string, unknown>>(spec, raw);
    if (!p) continue;
    const at = refPointer(raw) ?? rawPointer;
    parameters.set(`${p.in}:${p.name}`, {
      name: String(p.name),
      in: p.in as ParameterModel['in'],
      required: p.required === true || p.in === 'path',
      schema: (p.schema as Schema) ?? {},
      schemaPointer: `${at}/schema`,
      ...(typeof p.style === 'string' ? { style: p.style } : {}),
      ...(typeof p.explode === 'boolean' ? { explode: p.explode } : {}),
    });
  }
  const requestBody = deref<Record<string, unknown> | undefined>(spec, op.requestBody);
  const bodyPointer = refPointer(op.requestBody) ?? `${pointer}/requestBody`;
  const content: Record<string, { schema: Schema; pointer: string }> = {};
  for (const [type, media] of Object.entries((requestBody?.content ?? {}) as Record<string, { schema?: Schema }>)) {
    content[type] = { schema: media.schema ?? {}, pointer: `${bodyPointer}/content/${escapePointer(type)}/schema` };
  }
  const body = requestBody ? { required: requestBody.required === true, content } : undefined;
  const security = (op.security ?? spec.security) as unknown[] | undefined;
  const response = responseModel(spec, pointer, op);
  const json = content['application/json']?.schema;
  const streamField = response.eventSchema && json && hasProperty(spec, json, 'stream') ? 'stream' : undefined;
  return {
    key: `${method.toUpperCase()} ${path}`,
    method: method.toUpperCase(),
    path,
    requiredQuery: Object.fromEntries(new URLSearchParams(query)),
    ...(typeof op.operationId === 'string' ? { operationId: op.operationId } : {}),
    pointer,
    parameters: [...parameters.values()],
    ...(body ? { body } : {}),
    response,
    ...(streamField ? { streamField } : {}),
    requiresAuth: !Array.isArray(security) || security.length > 0,
    claims: mockClaims(claimed),
    ...scopedClaims(claimed),
    ...(claimed && Object.keys(claimed.defaults).length > 0 ? { defaults: Object.fromEntries(Object.entries(claimed.defaults).map(([at, d]) => [at, { status: d.status }])) } : {}),
  };
}

const claimModel = (c: Claim): ClaimModel => ({
  status: c.status,
  ...(c.note ? { note: c.note } : {}),
  ...(c.replacement ? { replacement: c.replacement } : {}),
  ...(c.rules?.length ? { rules: c.rules } : {}),
  ...(c.returned ? { returned: c.returned } : {}),
});

function mockClaims(claimed: ClaimedOperation | undefined): FieldClaims {
  const claims: FieldClaims = {};
  for (const location of fieldLocations) {
    if (!claimed?.fields[location]) continue;
    claims[location] = Object.fromEntries(Object.entries(plainClaims(claimed, location)).map(([path, c]) => [path, claimModel(c)]));
  }
  return claims;
}

/** Scoped claims of plain field paths, computed once so a request only looks them up. */
function scopedClaims(claimed: ClaimedOperation | undefined): { scoped?: ScopedClaims } {
  const scoped: ScopedClaims = {};
  for (const location of fieldLocations) {
    for (const [path, list] of Object.entries(claimed?.fields[location] ?? {})) {
      const some = isVariantKey(path) ? [] : list.filter(isScoped);
      if (some.length === 0) continue;
      (scoped[location] ??= {})[path] = some.map((c) => ({ ...claimModel(c), ...(c.models?.length ? { models: c.models } : {}), ...(c.mode !== undefined ? { mode: c.mode } : {}) }));
    }
  }
  return Object.keys(scoped).length ? { scoped } : {};
}

/** The success response: the lowest 2xx (or `default`), preferring JSON over other content. */
function responseModel(spec: OpenAPIDocument, opPointer: string, op: Record<string, unknown>): ResponseModel {
  const responses = (op.responses ?? {}) as Record<string, unknown>;
  const code = Object.keys(responses).filter((c) => /^2\d\d$/.test(c)).sort()[0] ?? (responses.default ? 'default' : undefined);
  if (!code) return { status: 204, pointer: `${opPointer}/responses`, headers: {} };
  const raw = responses[code] as Record<string, unknown>;
  const pointer = typeof raw.$ref === 'string' ? raw.$ref.slice(1) : `${opPointer}/responses/${code}`;
  const response = deref<Record<string, unknown>>(spec, raw);
  const content = (response.content ?? {}) as Record<string, { schema?: Schema }>;
  const types = Object.keys(content);
  const contentType = types.find((t) => t === 'application/json') ?? types.find((t) => t !== 'text/event-stream');
  const headers: Record<string, Schema> = {};
  for (const [name, header] of Object.entries((response.headers ?? {}) as Record<string, unknown>)) {
    headers[name.toLowerCase()] = deref<Record<string, unknown>>(spec, header)?.schema as Schema ?? { type: 'string' };
  }
  return {
    status: code === 'default' ? 200 : Number(code),
    pointer,
    ...(contentType ? { contentType, schema: content[contentType].schema ?? {} } : {}),
    ...(content['text/event-stream'] ? { eventSchema: content['text/event-stream'].schema ?? {} } : {}),
    headers,
  };
}

function hasProperty(spec: OpenAPIDocument, schema: Schema, name: string, depth = 0): boolean {
  const s = deref(spec, schema);
  if (!s || depth > 8) return false;
  if (s.properties && name in (s.properties as object)) return true;
  return ['allOf', 'anyOf', 'oneOf'].some((k) => ((s[k] as Schema[]) ?? []).some((sub) => hasProperty(spec, sub, name, depth + 1)));
}

export function isJsonType(contentType: string): boolean {
  return contentType === 'application/json' || contentType.endsWith('+json');
}
