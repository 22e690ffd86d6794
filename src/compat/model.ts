/**
 * The compat model: the status of every operation and field of one profile, from the base spec,
 * the resolved provider spec, the `x-compat` claims and the overlay provenance.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { toPointer } from '../load/pointer.ts';
import { ancestorPaths, claimOrigin, fieldClaims, inheritedClaim } from './claims.ts';
import { parseProfile } from '../profile/parse.ts';
import { operationsByKey } from '../profile/select.ts';
import type { Claim, OperationModel, ProfileModel } from '../profile/types.ts';
import { fieldReaderFor } from './field-cache.ts';
import { HTTP_METHODS } from '../load/openapi.ts';
import { listOperations, type OperationFields, type OperationRef } from './operation-fields.ts';
import { indexProvenance } from './provenance.ts';
import type { SchemaField } from './schema-fields.ts';
import {
  fieldLocations,
  statuses,
  type BaseInfo,
  type CompatReport,
  type CompatStatus,
  type FieldLocation,
  type FieldRow,
  type OperationRow,
} from './types.ts';

type Json = Record<string, unknown>;

export interface CompatInput {
  id: string;
  spec: Json;
  base: Json;
  provenance: readonly unknown[];
  overlayFile?: string;
  /** The parsed claims (the resolve stage's); parsed from `spec` when absent (tests, the base profile). */
  model?: ProfileModel;
}

export interface CompatResult {
  report: CompatReport;
  diagnostics: Diagnostic[];
}

/** Statuses a claim may give a field that exists in neither spec (a field the provider ignores or rejects). */
const claimOnlyStatuses = new Set<CompatStatus>(['ignored', 'unsupported', 'deprecated']);

function serverUrl(spec: Json): string {
  const servers = spec.servers;
  const first = Array.isArray(servers) ? servers[0] : undefined;
  return typeof first === 'object' && first !== null && typeof (first as Json).url === 'string' ? String((first as Json).url) : '';
}

function claimFields(claim: Claim): Pick<FieldRow, 'note' | 'replacement'> {
  return { ...(claim.note ? { note: claim.note } : {}), ...(claim.replacement ? { replacement: claim.replacement } : {}) };
}

/** Operation order: by path, then by method in the order OpenAPI lists them. */
export function compareOperations(a: string, b: string): number {
  const [methodA, pathA] = a.split(' ', 2);
  const [methodB, pathB] = b.split(' ', 2);
  if (pathA !== pathB) return pathA < pathB ? -1 : 1;
  const order = (m: string) => (HTTP_METHODS as readonly string[]).indexOf(m.toLowerCase());
  return order(methodA) - order(methodB);
}

function byField(a: FieldRow, b: FieldRow): number {
  return a.field < b.field ? -1 : a.field > b.field ? 1 : 0;
}

interface OperationContext {
  key: string;
  pointer: string;
  claim: OperationModel | undefined;
  baseFields: OperationFields | undefined;
  specFields: OperationFields;
}

export function buildCompatReport(input: CompatInput, baseInfo: BaseInfo): CompatResult {
  const diagnostics: Diagnostic[] = [];
  // The base profile has no overlay: it is OpenAI's own API, so everything in it is supported.
  const isBaseProfile = input.overlayFile === undefined && input.provenance.length === 0;
  const document = input.model ?? parseProfile(input.spec, { id: input.id, base: isBaseProfile }).model;
  const claimed = operationsByKey(document);
  const unverified = unverifiedIndex(document);
  const provenance = indexProvenance(input.provenance);
  const readBase = fieldReaderFor(input.base);
  // The base profile's spec is the base; its fields are read once.
  const readSpec = input.spec === input.base || isBaseProfile ? readBase : fieldReaderFor(input.spec);

  const baseOps = new Map(listOperations(input.base).map((op) => [op.key, op]));
  const specOps = new Map(listOperations(input.spec).map((op) => [op.key, op]));

  const operations: OperationRow[] = [];
  const contexts: OperationContext[] = [];
  for (const op of baseOps.values()) {
    if (specOps.has(op.key)) continue;
    const actions = provenance.actionsFor(undefined, [op.pointer]);
    const capability = unverified.get(op.key);
    // An operation the overlay claims unsupported is sliced away; its claim comes with the profile.
    const rejected = claimed.get(op.key);
    operations.push({
      operation: op.key,
      status: 'unsupported',
      note: 'not offered',
      ...(rejected ? claimFields(rejected) : {}),
      ...(rejected ? claimOrigin(rejected, document) : {}),
      offered: false,
      inBase: true,
      ...summaryOf(op),
      ...(capability ? { unverified: capability } : {}),
      ...(actions ? { actions } : {}),
    });
  }
  for (const op of specOps.values()) {
    const claim = isBaseProfile ? undefined : claimed.get(op.key);
    const inBase = baseOps.has(op.key);
    const status: CompatStatus = claim?.status ?? (isBaseProfile ? 'supported' : inBase ? 'undocumented' : 'extension');
    const claimPointer = claim ? `${op.pointer}/x-compat` : undefined;
    const actions = provenance.actionsFor(claimPointer, inBase ? [] : [op.pointer]);
    const capability = unverified.get(op.key);
    operations.push({
      operation: op.key,
      status,
      ...(claim ? claimFields(claim) : {}),
      ...(claim ? claimOrigin(claim, document) : {}),
      offered: true,
      inBase,
      ...summaryOf(op),
      ...(capability ? { unverified: capability } : {}),
      ...(actions ? { actions } : {}),
    });
    const baseOp = baseOps.get(op.key);
    contexts.push({ key: op.key, pointer: op.pointer, claim, baseFields: baseOp ? readBase(baseOp) : undefined, specFields: readSpec(op) });
  }

  // Rows come out grouped by operation and location, so sorting each group by field and the
  // groups by operation gives the order of a sort on (operation, location, field) at a fraction of the cost.
  const rowContext: RowContext = { document, isBaseProfile, provenance, unverified, diagnostics, overlayFile: input.overlayFile };
  const groups = contexts.map((context) => ({ key: context.key, byLocation: fieldLocations.map((location) => locationRows(context, location, rowContext).sort(byField)) }));
  groups.sort((a, b) => compareOperations(a.key, b.key));
  const fields: FieldRow[] = [];
  for (const group of groups) for (const rows of group.byLocation) for (const row of rows) fields.push(row);
  operations.sort((a, b) => compareOperations(a.operation, b.operation));
  const key = (d: Diagnostic) => `${d.location?.pointer ?? ''} ${d.code}`;
  diagnostics.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));

  const byStatus = Object.fromEntries(statuses.map((s) => [s, 0])) as Record<CompatStatus, number>;
  let baseFields = 0;
  let supportedOrPartial = 0;
  for (const row of fields) {
    byStatus[row.status]++;
    if (!row.inBase) continue;
    baseFields++;
    if (row.status === 'supported' || row.status === 'partial') supportedOrPartial++;
  }
  const score = baseFields === 0 ? 0 : Math.round((supportedOrPartial / baseFields) * 10_000) / 10_000;

  const report: CompatReport = {
    provider: {
      id: input.id,
      name: document.name,
      baseUrl: serverUrl(input.spec),
      sources: document.sources.length ? document.sources.map((s) => s.url) : baseInfo.url ? [baseInfo.url] : [],
      ...(document.sources.length ? { documents: document.sources } : {}),
      ...(document.sources.length ? { auth: document.auth } : {}),
      ...(document.sources.length ? { models: document.models } : {}),
      ...(document.notes.length ? { notes: document.notes } : {}),
      ...(document.unverified.length ? { unverified: document.unverified } : {}),
    },
    base: { title: baseInfo.title, version: baseInfo.version, sha256: baseInfo.sha256 },
    score,
    counts: { baseFields, supportedOrPartial, byStatus },
    operations,
    fields,
  };
  return { report, diagnostics };
}

/** Unverified capabilities by `operation` or `operation location field`. */
function unverifiedIndex(document: ProfileModel): Map<string, string> {
  const index = new Map<string, string>();
  for (const item of document.unverified) {
    if (!item.operation) continue;
    const key = item.location && item.field ? `${item.operation} ${item.location} ${item.field}` : item.operation;
    if (!index.has(key)) index.set(key, item.capability);
  }
  return index;
}

function summaryOf(op: OperationRef): { summary?: string } {
  return typeof op.operation.summary === 'string' ? { summary: op.operation.summary } : {};
}

interface RowContext {
  document: ProfileModel;
  isBaseProfile: boolean;
  provenance: ReturnType<typeof indexProvenance>;
  unverified: Map<string, string>;
  diagnostics: Diagnostic[];
  overlayFile?: string;
}

function locationRows(op: OperationContext, location: FieldLocation, ctx: RowContext): FieldRow[] {
  const base = op.baseFields?.[location] ?? noFields;
  const spec = op.specFields[location];
  const claims = fieldClaims(op.claim, location);
  let paths: Iterable<string> = base.keys();
  if (spec !== base || claims.size > 0) {
    const union = new Set(base.keys());
    for (const path of spec.keys()) union.add(path);
    for (const path of claims.keys()) union.add(path);
    paths = union;
  }
  const rows: FieldRow[] = [];
  for (const path of paths) {
    const baseField = base.get(path);
    const specField = spec.get(path);
    const inBase = baseField !== undefined;
    const inProvider = specField !== undefined;
    const claim = claims.size > 0 ? claims.get(path) : undefined;
    const inherited = claim || claims.size === 0 ? undefined : inheritedClaim(claims, path);
    const effective = claim ?? inherited?.claim;
    const status: CompatStatus = effective?.status ?? (ctx.isBaseProfile ? 'supported' : !inBase && inProvider ? 'extension' : 'undocumented');
    const claimPointer = claim || inherited ? `${op.pointer}/x-compat/fields/${location}${toPointer([claim ? path : inherited!.path])}` : undefined;
    const actions = ctx.provenance.size === 0 ? undefined : ctx.provenance.actionsFor(claimPointer, schemaPointers(baseField, specField));
    const capability = ctx.unverified.size === 0 ? undefined : ctx.unverified.get(`${op.key} ${location} ${path}`);
    // Keys are added in the order compat.json lists them.
    const row = { operation: op.key, location, field: path, status } as FieldRow;
    if (claim?.note) row.note = claim.note;
    if (claim?.replacement) row.replacement = claim.replacement;
    if (effective) {
      const origin = claimOrigin(effective, ctx.document);
      if (origin.source) row.source = origin.source;
      if (origin.verified) row.verified = origin.verified;
    }
    row.inBase = inBase;
    row.inProvider = inProvider;
    row.claimed = claim !== undefined;
    if (inherited) row.inherited = inherited.path;
    if (capability) row.unverified = capability;
    if (actions) row.actions = actions;
    rows.push(row);
    // The base profile has nothing to disagree with.
    if (ctx.isBaseProfile) continue;
    const parent = ancestorPaths(path)[0];
    const parentRemoved = parent !== undefined && base.has(parent) && !spec.has(parent);
    const problem = rowProblem(path, location, op, { inBase, inProvider, claim, inherited: inherited !== undefined || parentRemoved });
    if (problem) ctx.diagnostics.push({ severity: 'warning', ...problem, location: { file: ctx.overlayFile, pointer: claimPointer ?? op.pointer, action: actions?.at(-1)?.index } });
  }
  return rows;
}

const noFields: ReadonlyMap<string, SchemaField> = new Map();

function schemaPointers(base: SchemaField | undefined, spec: SchemaField | undefined): readonly string[] {
  if (!spec) return base?.pointers ?? [];
  return base ? [...base.pointers, ...spec.pointers] : spec.pointers;
}

/** Claims and specs that disagree: worth a warning, not a failed build. */
function rowProblem(
  path: string,
  location: FieldLocation,
  op: OperationContext,
  row: { inBase: boolean; inProvider: boolean; claim: Claim | undefined; inherited: boolean },
): Omit<Diagnostic, 'severity' | 'location'> | undefined {
  const where = `${op.key} ${location} "${path}"`;
  if (row.claim && !row.inBase && !row.inProvider && !claimOnlyStatuses.has(row.claim.status)) {
    return {
      code: 'compat-claim-unknown-field',
      message: `${where} is claimed ${row.claim.status} but exists in neither the base nor the provider spec`,
      hint: row.claim.status === 'extension' ? 'add the field to the provider spec with an update action' : 'check the field path (relative to the body, `[]` for array items)',
    };
  }
  if (row.inBase && !row.inProvider && !row.claim && !row.inherited) {
    return {
      code: 'compat-removed-without-claim',
      message: `${where} is removed from the provider spec but no claim says why`,
      hint: 'add a claim (unsupported, ignored…) for the field in the operation\'s x-compat',
    };
  }
  return undefined;
}
