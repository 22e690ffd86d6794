/**
 * The compat model: the status of every operation and field of one profile, from the base spec,
 * the resolved provider spec, the profile model (the parsed claims) and the overlay provenance.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { compareOperations } from '../load/openapi.ts';
import { parseProfile } from '../profile/parse.ts';
import { operationsByKey } from '../profile/select.ts';
import type { DefaultClaim, OperationModel, ProfileModel } from '../profile/types.ts';
import { claimOrigin } from './claims.ts';
import { addCounts, countRow, emptyCounts } from './counts.ts';
import { fieldReaderFor } from './field-cache.ts';
import { listOperations, type OperationRef } from './operation-fields.ts';
import { indexProvenance } from './provenance.ts';
import { locationRows, type OperationContext, type RowContext } from './rows.ts';
import { fieldLocations, type BaseInfo, type CompatReport, type CompatStatus, type FieldLocation, type FieldRow, type OperationRow } from './types.ts';

export { compareOperations };

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

function serverUrl(spec: Json): string {
  const servers = spec.servers;
  const first = Array.isArray(servers) ? servers[0] : undefined;
  return typeof first === 'object' && first !== null && typeof (first as Json).url === 'string' ? String((first as Json).url) : '';
}

/** What an operation claim says, as the report shows it. */
function operationFacts(claim: OperationModel, document: ProfileModel): Partial<OperationRow> {
  const defaults = Object.entries(claim.defaults) as [FieldLocation, DefaultClaim][];
  return {
    ...(claim.note ? { note: claim.note } : {}),
    ...(claim.replacement ? { replacement: claim.replacement } : {}),
    ...claimOrigin(claim, document),
    ...(claim.lifecycle ? { lifecycle: claim.lifecycle } : {}),
    ...(defaults.length
      ? { defaults: Object.fromEntries(defaults.map(([location, d]) => [location, { status: d.status, ...(d.note ? { note: d.note } : {}), ...claimOrigin(d, document) }])) }
      : {}),
  };
}

function byField(a: FieldRow, b: FieldRow): number {
  return a.field < b.field ? -1 : a.field > b.field ? 1 : 0;
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
    // An operation the overlay claims unsupported (or retired) is sliced away; its claim is in the model.
    const rejected = claimed.get(op.key);
    operations.push({
      operation: op.key,
      status: rejected?.lifecycle?.state === 'retired' ? rejected.status : 'unsupported',
      note: 'not offered',
      ...(rejected ? operationFacts(rejected, document) : {}),
      offered: false,
      inBase: true,
      ...summaryOf(op),
      ...(capability ? { unverified: capability } : {}),
      ...(actions ? { actions } : {}),
    });
  }
  const rowsByOperation = new Map<string, OperationRow>();
  for (const op of specOps.values()) {
    const claim = isBaseProfile ? undefined : claimed.get(op.key);
    const inBase = baseOps.has(op.key);
    const status: CompatStatus = claim?.status ?? (isBaseProfile ? 'supported' : inBase ? 'undocumented' : 'extension');
    const claimPointer = claim ? `${op.pointer}/x-compat` : undefined;
    const actions = provenance.actionsFor(claimPointer, inBase ? [] : [op.pointer]);
    const capability = unverified.get(op.key);
    const row: OperationRow = {
      operation: op.key,
      status,
      ...(claim ? operationFacts(claim, document) : {}),
      offered: true,
      inBase,
      ...summaryOf(op),
      ...(capability ? { unverified: capability } : {}),
      ...(actions ? { actions } : {}),
      counts: emptyCounts(),
    };
    operations.push(row);
    rowsByOperation.set(op.key, row);
    const baseOp = baseOps.get(op.key);
    contexts.push({ key: op.key, pointer: op.pointer, claim, baseFields: baseOp ? readBase(baseOp) : undefined, specFields: readSpec(op) });
  }

  // Rows come out grouped by operation and location, so sorting each group by field (a stable
  // sort: scoped rows stay after their field's row) and the groups by operation gives the order
  // of a sort on (operation, location, field) at a fraction of the cost.
  const rowContext: RowContext = { document, isBaseProfile, provenance, unverified, diagnostics, overlayFile: input.overlayFile };
  const groups = contexts.map((context) => ({ key: context.key, byLocation: fieldLocations.map((location) => locationRows(context, location, rowContext).sort(byField)) }));
  groups.sort((a, b) => compareOperations(a.key, b.key));
  const fields: FieldRow[] = [];
  const counts = emptyCounts();
  for (const group of groups) {
    const opCounts = rowsByOperation.get(group.key)!.counts!;
    for (const rows of group.byLocation) {
      for (const row of rows) {
        fields.push(row);
        countRow(opCounts, row);
      }
    }
    addCounts(counts, opCounts);
  }
  operations.sort((a, b) => compareOperations(a.operation, b.operation));
  const key = (d: Diagnostic) => `${d.location?.pointer ?? ''} ${d.code}`;
  diagnostics.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));

  const hasRoot = document.sources.length > 0;
  const report: CompatReport = {
    provider: {
      id: input.id,
      name: document.name,
      baseUrl: serverUrl(input.spec),
      sources: hasRoot ? document.sources.map((s) => s.url) : baseInfo.url ? [baseInfo.url] : [],
      ...(hasRoot ? { documents: document.sources, auth: document.auth, models: document.models } : {}),
      ...(document.modes.length ? { modes: document.modes } : {}),
      ...(document.notes.length ? { notes: document.notes } : {}),
      ...(document.behaviours.length ? { behaviours: document.behaviours } : {}),
      ...(document.lifecycle ? { lifecycle: document.lifecycle } : {}),
      ...(document.unverified.length ? { unverified: document.unverified } : {}),
    },
    base: { title: baseInfo.title, version: baseInfo.version, sha256: baseInfo.sha256 },
    counts,
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
