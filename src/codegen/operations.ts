/** The operations of a resolved spec, with what codegen needs: schemas to compile and claims. */
import { escapeToken, getAtPointer } from '../load/pointer.ts';
import type { OpenAPIDocument } from '../build/types.ts';
import { listOperations } from '../load/openapi.ts';
import type { EndpointLifecycle, FieldClaim, FieldClaims } from '../runtime/types.ts';
import type { Claim, DefaultClaim, Lifecycle, OperationModel, ProfileModel } from '../profile/types.ts';
import { isVariantKey, operationsByKey, plainClaims, scopedClaimFor } from '../profile/select.ts';

/** A schema to compile: where it sits in the resolved spec, and its `$ref` target when it is one. */
export interface SchemaSite {
  pointer: string;
  schema: unknown;
}

export interface OperationInfo {
  /** `POST /chat/completions` */
  key: string;
  method: string;
  path: string;
  operationId?: string;
  /** JSON pointer of the operation object in the spec. */
  pointer: string;
  request?: SchemaSite;
  /** JSON responses by status code (`200`, `4XX`, `default`). */
  responses: Record<string, SchemaSite>;
  /** The `text/event-stream` schema of the first 2xx answer that has one. */
  stream?: SchemaSite;
  requestClaims?: FieldClaims;
  lifecycle?: EndpointLifecycle;
  requestClaimsByModel?: Record<string, FieldClaims>;
  requestClaimsByMode?: Record<string, { claims: FieldClaims; byModel?: Record<string, FieldClaims> }>;
  requestDefault?: FieldClaim;
  requestListed?: string[];
  responseClaims?: FieldClaims;
}

export function collectOperations(spec: OpenAPIDocument, model: ProfileModel): OperationInfo[] {
  const operations: OperationInfo[] = [];
  const claimed = operationsByKey(model);
  for (const { key, method, path, pointer, operation: op } of listOperations(spec)) {
    const info: OperationInfo = { key, method, path, pointer, responses: {} };
    if (typeof op.operationId === 'string') info.operationId = op.operationId;
    const body = deref(spec, op.requestBody, `${pointer}/requestBody`);
    const jsonType = body && jsonMediaType(body.value.content);
    if (body && jsonType) {
      const at = `${body.pointer}/content/${escapeToken(jsonType)}/schema`;
      const schema = getAtPointer(spec, at);
      if (schema !== undefined) info.request = { pointer: at, schema };
    }
    for (const [code, raw] of Object.entries(isObject(op.responses) ? op.responses : {})) {
      const response = deref(spec, raw, `${pointer}/responses/${escapeToken(code)}`);
      if (!response || !isObject(response.value.content)) continue;
      const type = jsonMediaType(response.value.content);
      if (type) {
        const at = `${response.pointer}/content/${escapeToken(type)}/schema`;
        const schema = getAtPointer(spec, at);
        if (schema !== undefined) info.responses[code] = { pointer: at, schema };
      }
      const sse = (response.value.content as Record<string, unknown>)['text/event-stream'];
      if (!info.stream && /^2/.test(code) && isObject(sse) && sse.schema !== undefined) {
        info.stream = { pointer: `${response.pointer}/content/text~1event-stream/schema`, schema: sse.schema };
      }
    }
    const compat = claimed.get(key);
    const lifecycle = compat?.lifecycle ?? model.lifecycle;
    if (lifecycle?.state === 'deprecated') info.lifecycle = endpointLifecycle(lifecycle);
    if (compat?.fields['request.body']) info.requestClaims = runtimeClaims(plainClaims(compat, 'request.body'));
    const byModel = compat && claimsByModel(compat);
    if (byModel) info.requestClaimsByModel = byModel;
    const byMode = compat && claimsByMode(compat);
    if (byMode) info.requestClaimsByMode = byMode;
    const fallback = compat?.defaults['request.body'];
    if (fallback && fallback.status !== 'supported') {
      info.requestDefault = runtimeClaims({ '': fallback })[''];
      info.requestListed = [...new Set(Object.keys(compat.fields['request.body'] ?? {}).map((path) => path.split(/[.[]/, 1)[0]))].sort();
    }
    if (compat?.fields['response.body']) info.responseClaims = runtimeClaims(plainClaims(compat, 'response.body'));
    // A provider that does not accept `stream` does not stream, whatever content the response lists.
    if (info.requestClaims?.stream?.status === 'unsupported') delete info.stream;
    operations.push(info);
  }
  return operations;
}

/** What a check says of a deprecated or retired operation: state, date, replacement, note (sources stay in the docs). */
export function endpointLifecycle(lifecycle: Lifecycle): EndpointLifecycle {
  const { state, date, replacement, note } = lifecycle;
  return { state: state === 'retired' ? 'retired' : 'deprecated', ...(date ? { date } : {}), ...(replacement ? { replacement } : {}), ...(note ? { note } : {}) };
}

/** For each model a request-body claim is scoped to (outside any mode): the claims for a body naming that model. */
function claimsByModel(operation: OperationModel): Record<string, FieldClaims> | undefined {
  const all = Object.values(operation.fields['request.body'] ?? {}).flat();
  const models = [...new Set(all.flatMap((c) => (c.mode === undefined ? (c.models ?? []) : [])))].sort();
  if (models.length === 0) return undefined;
  return Object.fromEntries(models.map((model) => [model, claimsInScope(operation, { model })]));
}

/** For each mode a request-body claim is scoped to: the claims in that mode, and per model named by a scoped claim, that model's in that mode. */
function claimsByMode(operation: OperationModel): Record<string, { claims: FieldClaims; byModel?: Record<string, FieldClaims> }> | undefined {
  const all = Object.values(operation.fields['request.body'] ?? {}).flat();
  const modes = [...new Set(all.flatMap((c) => (c.mode === undefined ? [] : [c.mode])))].sort();
  if (modes.length === 0) return undefined;
  const models = [...new Set(all.flatMap((c) => c.models ?? []))].sort();
  return Object.fromEntries(
    modes.map((mode) => {
      const byModel = models.length ? { byModel: Object.fromEntries(models.map((model) => [model, claimsInScope(operation, { model, mode })])) } : {};
      return [mode, { claims: claimsInScope(operation, { mode }), ...byModel }];
    }),
  );
}

/**
 * The request-body claims for a request in `scope`: per field, the scoped claim the mock picks
 * for it (scopedClaimFor), else the unscoped one.
 */
function claimsInScope(operation: OperationModel, scope: { model?: string; mode?: string }): FieldClaims {
  const merged: Record<string, Claim> = { ...plainClaims(operation, 'request.body') };
  for (const [path, claims] of Object.entries(operation.fields['request.body'] ?? {})) {
    const scoped = isVariantKey(path) ? undefined : scopedClaimFor(claims, scope);
    if (scoped) merged[path] = scoped;
  }
  return runtimeClaims(merged);
}

/** What the checks need of each claim: status, note, replacement (sources stay in the spec and the docs). */
function runtimeClaims(claims: Record<string, Claim | DefaultClaim>): FieldClaims {
  const out: Record<string, FieldClaim> = {};
  for (const [path, claim] of Object.entries(claims)) {
    out[path] = { status: claim.status };
    if (typeof claim.note === 'string') out[path].note = claim.note;
    if ('replacement' in claim && typeof claim.replacement === 'string') out[path].replacement = claim.replacement;
  }
  return out;
}

/** Follows a local `$ref` (components/requestBodies, components/responses) to the object and its pointer. */
function deref(spec: OpenAPIDocument, value: unknown, pointer: string): { value: Record<string, unknown>; pointer: string } | undefined {
  let current = value;
  let at = pointer;
  for (let hops = 0; isObject(current) && typeof current.$ref === 'string' && hops < 8; hops++) {
    if (!current.$ref.startsWith('#')) return undefined;
    at = current.$ref.slice(1);
    current = getAtPointer(spec, at);
  }
  return isObject(current) ? { value: current, pointer: at } : undefined;
}

function jsonMediaType(content: unknown): string | undefined {
  if (!isObject(content)) return undefined;
  return Object.keys(content).find((type) => type === 'application/json' || /^application\/[\w.+-]*\+json$/.test(type));
}

export function isObject(value: unknown): value is Record<string, any> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
