/**
 * checkRequest / checkResponse / checkStreamEvent / prepareRequest over a profile's generated
 * operations table: schema violations from the build-time validators, plus the provider's claims.
 */
import { findField, formatLocation, fromInstancePath, hasField, removeAt } from './field-path.ts';
import { modeOf } from './modes.ts';
import type { CheckResult, EndpointLifecycle, FieldClaim, FieldClaims, Issue, ProviderProfile, RequestEntry, RequestTable, ResponseEntry, ResponseTable, SchemaError, ValidateFunction } from './types.ts';

export interface PrepareOptions {
  /** `keep` (default): send ignored fields, with a warning; `strip`: remove them; `error`: refuse. */
  ignored?: 'keep' | 'strip' | 'error';
  /** `error` (default): refuse unsupported fields; `strip`: remove them. */
  unsupported?: 'error' | 'strip';
}

export interface PrepareReport extends CheckResult {
  /** The fields removed from the body, one issue per claim path. */
  stripped: Issue[];
}

/** Schema errors are reported up to this many per check; the rest are counted in one line. */
const MAX_SCHEMA_ERRORS = 20;

export function checkRequest(table: RequestTable, provider: ProviderProfile, operation: string, body: unknown): CheckResult {
  const entry = table[operation];
  if (!entry) return notOffered(provider, operation);
  const result = emptyResult();
  if (entry.lifecycle) result.warnings.push(lifecycleIssue(provider, operation, entry.lifecycle));
  const claims = requestClaimsFor(entry, body, provider.modes);
  const fields = formFields(body) ?? body;
  claimIssues(provider, claims, fields, 'request', result);
  defaultIssues(provider, entry, fields, result);
  schemaIssues(entry.request, body, claims, provider, result);
  return finish(result);
}

/**
 * The claims for this body: those of its mode (the profile's `modes` tell it) and its `model`
 * when a claim is scoped to them, else the unscoped ones.
 */
function requestClaimsFor(entry: RequestEntry, body: unknown, modes: ProviderProfile['modes']): FieldClaims | undefined {
  const model = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as { model?: unknown }).model : undefined;
  const pick = (byModel: Readonly<Record<string, FieldClaims>> | undefined) => (typeof model === 'string' && byModel && hasOwn.call(byModel, model) ? byModel[model] : undefined);
  const mode = entry.requestClaimsByMode && modes ? modeOf(modes, body) : undefined;
  const inMode = mode !== undefined && hasOwn.call(entry.requestClaimsByMode, mode) ? entry.requestClaimsByMode![mode] : undefined;
  if (inMode) return pick(inMode.byModel) ?? inMode.claims;
  return pick(entry.requestClaimsByModel) ?? entry.requestClaims;
}

const listedCache = new WeakMap<RequestEntry, Set<string>>();

/**
 * Top-level body fields that no claim names, in a body of an operation with an `unsupported` or
 * `ignored` default. A claim on `messages[].name` lists `messages`: only fields no claim reaches
 * take the default.
 */
function unlistedFields(entry: RequestEntry, body: unknown): string[] {
  if (!entry.requestDefault || typeof body !== 'object' || body === null || Array.isArray(body)) return [];
  let listed = listedCache.get(entry);
  if (!listed) {
    listed = new Set(entry.requestListed ?? []);
    listedCache.set(entry, listed);
  }
  return Object.keys(body).filter((key) => !listed.has(key) && (body as Record<string, unknown>)[key] !== undefined);
}

function defaultIssue(provider: ProviderProfile, field: string, fallback: FieldClaim): Issue {
  const verb = fallback.status === 'unsupported' ? 'is not supported by' : 'is ignored by';
  return { field, status: fallback.status, message: `\`${field}\` ${verb} ${provider.name} (by default: the docs list the fields it takes${fallback.note ? `; ${fallback.note}` : ''})` };
}

function defaultIssues(provider: ProviderProfile, entry: RequestEntry, body: unknown, result: CheckResult): void {
  const fallback = entry.requestDefault;
  if (!fallback) return;
  for (const field of unlistedFields(entry, body)) (fallback.status === 'unsupported' ? result.errors : result.warnings).push(defaultIssue(provider, field, fallback));
}

/** A multipart body's field names as an object, so claims (top-level paths) apply to forms too. */
function formFields(body: unknown): Record<string, true> | undefined {
  if (typeof FormData === 'undefined' || !(body instanceof FormData)) return undefined;
  const fields: Record<string, true> = {};
  body.forEach((_, key) => {
    fields[key] = true;
  });
  return fields;
}

/** A copy of a body: JSON values deep, forms entry by entry (structuredClone refuses FormData). */
function copyBody(body: unknown): unknown {
  if (typeof FormData === 'undefined' || !(body instanceof FormData)) return structuredClone(body);
  const copy = new FormData();
  body.forEach((value, key) => copy.append(key, value));
  return copy;
}

export function checkResponse(table: ResponseTable, provider: ProviderProfile, operation: string, status: number, body: unknown): CheckResult {
  const entry = table[operation];
  if (!entry) return notOffered(provider, operation);
  const result = emptyResult();
  claimIssues(provider, entry.responseClaims, body, 'response', result);
  schemaIssues(responseValidator(entry, status), body, entry.responseClaims, provider, result);
  return finish(result);
}

export function checkStreamEvent(table: ResponseTable, provider: ProviderProfile, operation: string, event: unknown): CheckResult {
  const entry = table[operation];
  if (!entry) return notOffered(provider, operation);
  const result = emptyResult();
  if (!entry.stream) {
    result.errors.push({ field: '', status: 'unsupported', message: `${operation} does not stream on ${provider.name}` });
    return finish(result);
  }
  claimIssues(provider, entry.responseClaims, event, 'response', result);
  schemaIssues(entry.stream, event, entry.responseClaims, provider, result);
  return finish(result);
}

export function prepareRequest(
  table: RequestTable,
  provider: ProviderProfile,
  operation: string,
  body: unknown,
  options: PrepareOptions = {},
): { body: unknown; report: PrepareReport } {
  const entry = table[operation];
  if (!entry) return { body, report: { ...notOffered(provider, operation), stripped: [] } };
  const ignoredMode = options.ignored ?? 'keep';
  const unsupportedMode = options.unsupported ?? 'error';
  const prepared = copyBody(body);
  const report: PrepareReport = { ok: true, errors: [], warnings: entry.lifecycle ? [lifecycleIssue(provider, operation, entry.lifecycle)] : [], stripped: [] };
  const claims = requestClaimsFor(entry, body, provider.modes);
  const fallback = entry.requestDefault;
  const byDefault: [string, FieldClaim][] = fallback ? unlistedFields(entry, formFields(prepared) ?? prepared).map((field) => [field, fallback]) : [];
  for (const [path, claim] of [...Object.entries(claims ?? {}), ...byDefault]) {
    const locations = findField(formFields(prepared) ?? prepared, path);
    if (!locations.length) continue;
    const issue = claim === fallback ? defaultIssue(provider, path, claim) : claimIssue(provider, path, claim, locations, 'request');
    const strip = (claim.status === 'unsupported' && unsupportedMode === 'strip') || (claim.status === 'ignored' && ignoredMode === 'strip');
    if (strip) {
      if (prepared instanceof FormData) prepared.delete(path);
      else removeAt(prepared, locations);
      report.stripped.push(issue);
    } else if (claim.status === 'unsupported' || (claim.status === 'ignored' && ignoredMode === 'error')) report.errors.push(issue);
    else if (claim.status === 'ignored' || claim.status === 'deprecated') report.warnings.push(issue);
  }
  schemaIssues(entry.request, prepared, claims, provider, report);
  report.ok = report.errors.length === 0;
  return { body: prepared, report };
}

function responseValidator(entry: ResponseEntry, status: number): ValidateFunction | undefined {
  const code = String(status);
  return entry.responses[code] ?? entry.responses[`${code[0]}XX`] ?? entry.responses.default;
}

/**
 * The claims that can raise an issue, precomputed per claims object: the check then looks up the
 * few claimed paths in the body instead of walking it. A top-level field's issue does not depend
 * on the body, so its message is built once and copied (callers own what a check returns).
 */
interface ActiveClaims {
  topLevel: { key: string; error: boolean; request: Issue; response: Issue }[];
  nested: { path: string; claim: FieldClaim; error: boolean }[];
}

const activeCache = new WeakMap<FieldClaims, ActiveClaims>();

function activeClaims(provider: ProviderProfile, claims: FieldClaims): ActiveClaims {
  let active = activeCache.get(claims);
  if (!active) {
    active = { topLevel: [], nested: [] };
    for (const path in claims) {
      const claim = claims[path];
      if (claim.status !== 'unsupported' && claim.status !== 'ignored' && claim.status !== 'deprecated') continue;
      const error = claim.status === 'unsupported';
      if (/[.[]/.test(path)) active.nested.push({ path, claim, error });
      else {
        const request = claimIssue(provider, path, claim, [[path]], 'request');
        const response = claimIssue(provider, path, claim, [[path]], 'response');
        active.topLevel.push({ key: path, error, request, response });
      }
    }
    activeCache.set(claims, active);
  }
  return active;
}

const hasOwn = Object.prototype.hasOwnProperty;

function claimIssues(provider: ProviderProfile, claims: FieldClaims | undefined, body: unknown, side: 'request' | 'response', result: CheckResult): void {
  if (!claims || typeof body !== 'object' || body === null || Array.isArray(body)) return;
  const { topLevel, nested } = activeClaims(provider, claims);
  const record = body as Record<string, unknown>;
  let found: { index: number; issue: Issue; error: boolean }[] | undefined;
  for (const claim of topLevel) {
    if (record[claim.key] === undefined || !hasOwn.call(record, claim.key)) continue;
    const issue = side === 'request' ? claim.request : claim.response;
    (found ??= []).push({ index: -1, issue: { field: issue.field, status: issue.status, message: issue.message }, error: claim.error });
  }
  if (found) {
    // Issues in the body's key order, as before the lookups went claim by claim.
    if (found.length > 1) {
      const keys = Object.keys(record);
      for (const f of found) f.index = keys.indexOf(f.issue.field);
      found.sort((a, b) => a.index - b.index);
    }
    for (const f of found) (f.error ? result.errors : result.warnings).push(f.issue);
  }
  for (const { path, claim, error } of nested) {
    // Most bodies lack the field: look before collecting its locations.
    if (!hasField(body, path)) continue;
    const locations = findField(body, path);
    (error ? result.errors : result.warnings).push(claimIssue(provider, path, claim, locations, side));
  }
}

function claimIssue(provider: ProviderProfile, path: string, claim: FieldClaim, locations: (string | number)[][], side: 'request' | 'response'): Issue {
  const where = locations.length > 1 || locations[0].some((s) => typeof s === 'number') ? ` (at ${locations.map(formatLocation).join(', ')})` : '';
  const note = claim.note ? `: ${claim.note}` : '';
  const instead = claim.replacement && !claim.note?.includes(claim.replacement) ? `; use \`${claim.replacement}\` instead` : '';
  const verb =
    claim.status === 'unsupported'
      ? side === 'request'
        ? 'is not supported by'
        : 'is sent, but the profile says it is not supported by'
      : claim.status === 'ignored'
        ? 'is ignored by'
        : 'is deprecated by';
  return { field: path, status: claim.status, message: `\`${path}\`${where} ${verb} ${provider.name}${note}${instead}` };
}

function schemaIssues(validate: ValidateFunction | undefined, body: unknown, claims: FieldClaims | undefined, provider: ProviderProfile, result: CheckResult): void {
  if (!validate || validate(body)) return;
  const seen = new Set<string>();
  const errors = validate.errors ?? [];
  let reported = 0;
  for (const error of errors) {
    const extra =
      error.keyword === 'required' ? String(error.params.missingProperty) : error.keyword === 'additionalProperties' ? String(error.params.additionalProperty) : undefined;
    const { field, at } = fromInstancePath(error.instancePath, extra);
    const message = `${at || '(body)'}: ${describe(error)}`;
    if (seen.has(message)) continue;
    seen.add(message);
    if (reported++ === MAX_SCHEMA_ERRORS) break;
    const claim = claims?.[field];
    if (claim?.status === 'partial') {
      result.errors.push({ field, status: 'partial', message: `${message} (${provider.name}: ${claim.note ?? 'partial support'})` });
    } else result.errors.push({ field, status: 'invalid', message });
  }
  if (reported > MAX_SCHEMA_ERRORS) {
    result.errors.push({ field: '', status: 'invalid', message: `and more schema errors (${errors.length} in all)` });
  }
}

/** Ajv's message, with the allowed values it leaves out for `const` and `enum`. */
function describe(error: SchemaError): string {
  const text = error.message ?? error.keyword;
  if (error.keyword === 'const') return `must be ${JSON.stringify(error.params.allowedValue)}`;
  if (error.keyword === 'enum' && Array.isArray(error.params.allowedValues)) {
    return `must be one of ${error.params.allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
  }
  return text;
}

function notOffered(provider: ProviderProfile, operation: string): CheckResult {
  const retired = provider.retired && hasOwn.call(provider.retired, operation) ? provider.retired[operation] : undefined;
  const message = retired ? lifecycleIssue(provider, operation, retired).message : `${operation} is not offered by ${provider.name}`;
  return { ok: false, errors: [{ field: '', status: 'unsupported', message }], warnings: [] };
}

/** `POST /chat/completions was retired by Perplexity on 2026-09-27; use POST /responses`. */
function lifecycleIssue(provider: ProviderProfile, operation: string, lifecycle: EndpointLifecycle): Issue {
  const when = lifecycle.date ? ` on ${lifecycle.date}` : '';
  const instead = lifecycle.replacement ? `; use ${lifecycle.replacement}` : '';
  const verb = lifecycle.state === 'retired' ? 'was retired' : 'is deprecated';
  return { field: '', status: 'deprecated', message: `${operation} ${verb} by ${provider.name}${when}${instead}${lifecycle.note ? ` (${lifecycle.note})` : ''}` };
}

function emptyResult(): CheckResult {
  return { ok: true, errors: [], warnings: [] };
}

function finish(result: CheckResult): CheckResult {
  result.ok = result.errors.length === 0;
  return result;
}
