/**
 * The field rows of one operation and location: every field of the base and provider specs and
 * every claimed key (variants, fields the API lacks), each with its status from a claim, a claimed
 * ancestor, the location's default, or none (`undocumented`); then one extra row per claim scoped
 * to models or a mode.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { toPointer } from '../load/pointer.ts';
import { isScoped, isVariantKey, unscopedClaim } from '../profile/select.ts';
import type { Claim, DefaultClaim, OperationModel, ProfileModel } from '../profile/types.ts';
import { ancestorPaths, claimOrigin, inheritedClaim } from './claims.ts';
import type { OperationFields } from './operation-fields.ts';
import type { indexProvenance } from './provenance.ts';
import type { SchemaField } from './schema-fields.ts';
import type { CompatStatus, FieldLocation, FieldRow } from './types.ts';

export interface OperationContext {
  key: string;
  pointer: string;
  claim: OperationModel | undefined;
  baseFields: OperationFields | undefined;
  specFields: OperationFields;
}

export interface RowContext {
  document: ProfileModel;
  isBaseProfile: boolean;
  provenance: ReturnType<typeof indexProvenance>;
  unverified: Map<string, string>;
  diagnostics: Diagnostic[];
  overlayFile?: string;
}

/** Statuses a claim may give a field that exists in neither spec (a field the provider ignores or rejects). */
const claimOnlyStatuses = new Set<CompatStatus>(['ignored', 'unsupported', 'deprecated']);
/** Defaults that explain why a field is missing from the provider's spec. */
const removingDefaults = new Set<CompatStatus>(['unsupported', 'ignored']);
const noFields: ReadonlyMap<string, SchemaField> = new Map();

/** The field a variant key narrows: `messages[role=user].content[type=input_audio]` → `messages[].content`. */
export function plainPath(key: string): string {
  return key.replace(/\[[^\]=]+=[^\]]*\]/g, '[]').replace(/\[\]$/, '');
}

/**
 * True when an `unsupported` variant key removed `path`: the field itself
 * (`messages[role=user].content[type=image_url].image_url.detail`), or a field of the branch it
 * removed (`tools[type=custom]` removes `tools[].custom`).
 */
function underRemovedVariant(claims: ReadonlyMap<string, Claim>, path: string): boolean {
  for (const [key, claim] of claims) {
    if (claim.status !== 'unsupported' || !isVariantKey(key)) continue;
    const plain = plainPath(key);
    if (path === plain || path.startsWith(`${plain}[].`) || path.startsWith(`${plain}.`)) return true;
  }
  return false;
}

export function locationRows(op: OperationContext, location: FieldLocation, ctx: RowContext): FieldRow[] {
  const base = op.baseFields?.[location] ?? noFields;
  const spec = op.specFields[location];
  const lists = op.claim?.fields[location] ?? {};
  const keys = Object.keys(lists);
  const mainClaims = new Map<string, Claim>();
  for (const key of keys) {
    const claim = unscopedClaim(lists[key]);
    if (claim) mainClaims.set(key, claim);
  }
  const fallback = ctx.isBaseProfile ? undefined : op.claim?.defaults[location];
  let paths: Iterable<string> = base.keys();
  if (spec !== base || keys.length > 0) paths = new Set([...base.keys(), ...spec.keys(), ...keys]);

  const rows: FieldRow[] = [];
  for (const path of paths) {
    const plain = isVariantKey(path) ? plainPath(path) : path;
    const baseField = base.get(plain);
    const specField = spec.get(plain);
    const inBase = baseField !== undefined;
    const inProvider = specField !== undefined;
    const claim = mainClaims.get(path);
    const inherited = claim || mainClaims.size === 0 ? undefined : inheritedClaim(mainClaims, path);
    const effective = claim ?? inherited?.claim;
    const byDefault = !effective && !ctx.isBaseProfile && fallback !== undefined && inBase;
    const status: CompatStatus = effective?.status ?? (ctx.isBaseProfile ? 'supported' : !inBase && inProvider ? 'extension' : byDefault ? fallback!.status : 'undocumented');
    const claimPointer = claim || inherited ? claimAt(op, location, claim ? path : inherited!.path) : undefined;
    const actions = ctx.provenance.size === 0 ? undefined : ctx.provenance.actionsFor(claimPointer, schemaPointers(baseField, specField));
    const capability = ctx.unverified.size === 0 ? undefined : ctx.unverified.get(`${op.key} ${location} ${path}`);
    // Keys are added in the order compat.json lists them.
    const row = { operation: op.key, location, field: path, status } as FieldRow;
    if (plain !== path) row.variantOf = plain;
    if (byDefault) row.byDefault = true;
    describe(row, claim ?? (byDefault ? fallback : undefined), effective ?? (byDefault ? fallback : undefined), ctx.document);
    const deprecatedBy = status === 'deprecated' && effective ? 'provider' : baseField?.deprecated ? 'openai' : undefined;
    if (deprecatedBy) row.deprecatedBy = deprecatedBy;
    row.inBase = inBase;
    row.inProvider = inProvider;
    row.claimed = claim !== undefined;
    if (inherited) row.inherited = inherited.path;
    if (capability) row.unverified = capability;
    if (actions) row.actions = actions;
    rows.push(row);
    for (const [index, scoped] of (lists[path] ?? []).entries()) {
      if (!isScoped(scoped)) continue;
      const extra = { operation: op.key, location, field: path, status: scoped.status } as FieldRow;
      if (scoped.models) extra.models = scoped.models;
      if (scoped.mode) extra.mode = scoped.mode;
      if (plain !== path) extra.variantOf = plain;
      describe(extra, scoped, scoped, ctx.document);
      if (scoped.status === 'deprecated') extra.deprecatedBy = 'provider';
      Object.assign(extra, { inBase, inProvider, claimed: true });
      const scopedActions = ctx.provenance.size === 0 ? undefined : ctx.provenance.actionsFor(claimAt(op, location, path, index), []);
      if (scopedActions) extra.actions = scopedActions;
      rows.push(extra);
    }
    // The base profile has nothing to disagree with.
    if (ctx.isBaseProfile) continue;
    const parent = ancestorPaths(plain)[0];
    const parentRemoved = parent !== undefined && base.has(parent) && !spec.has(parent);
    const explained = inherited !== undefined || parentRemoved || underRemovedVariant(mainClaims, plain) || (byDefault && removingDefaults.has(status)) || (lists[path]?.length ?? 0) > 0;
    const problem = rowProblem(path, location, op, { inBase, inProvider, claim: claim ?? lists[path]?.[0], explained });
    if (problem) ctx.diagnostics.push({ severity: 'warning', ...problem, location: { file: ctx.overlayFile, pointer: claimPointer ?? op.pointer, action: actions?.at(-1)?.index } });
  }
  return rows;
}

function claimAt(op: OperationContext, location: FieldLocation, key: string, index?: number): string {
  return `${op.pointer}/x-compat/fields/${location}${toPointer(index === undefined ? [key] : [key, index])}`;
}

/** What a claim (or the default) says, copied onto the row. `own` gives the note; `effective` the origin. */
function describe(row: FieldRow, own: Claim | DefaultClaim | undefined, effective: Claim | DefaultClaim | undefined, document: ProfileModel): void {
  if (own?.note) row.note = own.note;
  // A default has only status, note and provenance: read as a claim, the rest is absent.
  const claim = own as Claim | undefined;
  if (claim?.replacement) row.replacement = claim.replacement;
  if (effective) {
    const origin = claimOrigin(effective, document);
    if (origin.source) row.source = origin.source;
    if (origin.verified) row.verified = origin.verified;
    if (document.sources.find((s) => s.id === effective.source)?.thirdParty) row.thirdParty = true;
  }
  if (!claim) return;
  if (claim.rules) row.rules = claim.rules;
  if (claim.returned) row.returned = claim.returned;
  if (claim.statuses) row.statuses = claim.statuses;
  if (claim.notInApi) row.notInApi = true;
  if (claim.conflicts) row.conflicts = claim.conflicts.map((c) => ({ status: c.status, ...(c.note ? { note: c.note } : {}), ...claimOrigin(c, document) }));
  if (claim.observed) row.observed = claim.observed;
}

function schemaPointers(base: SchemaField | undefined, spec: SchemaField | undefined): readonly string[] {
  if (!spec) return base?.pointers ?? [];
  return base ? [...base.pointers, ...spec.pointers] : spec.pointers;
}

/** Claims and specs that disagree: worth a warning, not a failed build. */
function rowProblem(
  path: string,
  location: FieldLocation,
  op: OperationContext,
  row: { inBase: boolean; inProvider: boolean; claim: Claim | undefined; explained: boolean },
): Omit<Diagnostic, 'severity' | 'location'> | undefined {
  const where = `${op.key} ${location} "${path}"`;
  const { claim } = row;
  // A variant key is looked up by its plain path, which other branches may hold: presence proves nothing.
  if (claim?.notInApi && (row.inBase || row.inProvider) && !isVariantKey(path)) {
    return {
      code: 'compat-not-in-api-exists',
      message: `${where} is claimed notInApi but the ${row.inBase ? 'base' : 'provider'} spec has it`,
      hint: 'drop `notInApi: true`, or check the field path',
    };
  }
  if (claim && !claim.notInApi && !row.inBase && !row.inProvider && !claimOnlyStatuses.has(claim.status) && checkable(location, op, claim)) {
    return {
      code: 'compat-claim-unknown-field',
      message: `${where} is claimed ${claim.status} but exists in neither the base nor the provider spec`,
      hint:
        claim.status === 'extension'
          ? 'add the field to the provider spec with an update action'
          : 'check the field path (relative to the body, `[]` for array items); a field the docs name but the API lacks takes `notInApi: true`',
    };
  }
  if (row.inBase && !row.inProvider && !row.explained) {
    return {
      code: 'compat-removed-without-claim',
      message: `${where} is removed from the provider spec but no claim says why`,
      hint: "add a claim (unsupported, ignored…) for the field in the operation's x-compat, or a default for the location",
    };
  }
  return undefined;
}

/**
 * Whether the spec can show a claimed field at all: it describes only the success answers' headers
 * (not a 429's `retry-after`), and declares no event schema for some streams (legacy completions).
 */
function checkable(location: FieldLocation, op: OperationContext, claim: Claim): boolean {
  if (location === 'response.header' && claim.statuses?.length) return claim.statuses.some((status) => String(status).startsWith('2'));
  if (location === 'response.stream') return op.specFields['response.stream'].size > 0 || (op.baseFields?.['response.stream']?.size ?? 0) > 0;
  return true;
}
