/**
 * What a maintainer must look at before bumping the pinned base spec: per provider, the overlay
 * actions that stop matching on the new base, and the fields under a `supported` or `partial`
 * claim whose schema changed. Changes are found by comparing the two normalized bases at the
 * claimed fields' pointers; `redocly diff` changes, when given, add their kind and impact.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { getAtPointer } from '../load/pointer.ts';
import { applyOverlay } from '../overlay/index.ts';
import type { ActionProvenance } from '../overlay/types.ts';
import { ancestorPaths, fieldClaims } from './claims.ts';
import { parseProfile } from '../profile/parse.ts';
import { createFieldReader, listOperations } from './operation-fields.ts';
import type { SchemaField } from './schema-fields.ts';
import { fieldLocations, type ClaimStatus, type FieldLocation } from './types.ts';

type Json = Record<string, unknown>;

export interface ProviderOverlay {
  id: string;
  file: string;
  overlay: unknown;
  lineOf?(pointer: string): number | undefined;
}

/** One entry of `redocly diff --format json` (the fields we read). */
export interface RedoclyChange {
  kind: string;
  impact: string;
  property?: string;
  base?: { pointer?: string; value?: unknown };
  revision?: { pointer?: string; value?: unknown };
}

export interface StoppedAction {
  index: number;
  line?: number;
  target: string;
  description?: string;
  /** Nodes it matched on the old base. */
  matchedBefore: number;
}

export interface ChangeDetail {
  pointer: string;
  kind: 'removed' | 'changed' | 'added';
  property?: string;
  impact?: string;
  before?: unknown;
  after?: unknown;
}

export interface ClaimChange {
  operation: string;
  location: FieldLocation | 'operation';
  field: string;
  status: ClaimStatus;
  change: 'removed' | 'changed';
  details: ChangeDetail[];
}

export interface ProviderDiff {
  id: string;
  file: string;
  stoppedMatching: StoppedAction[];
  /** Errors applying the overlay to the new base (type conflicts, invalid results). */
  errors: Diagnostic[];
  claimChanges: ClaimChange[];
}

export interface BaseDiff {
  from: { title: string; version: string };
  to: { title: string; version: string };
  providers: ProviderDiff[];
}

const watched = new Set<ClaimStatus>(['supported', 'partial']);

/** Keys that document a schema without changing what it accepts or returns. */
function isProse(key: string): boolean {
  return key === 'description' || key === 'title' || key === 'example' || key === 'examples' || key.startsWith('x-');
}

/** The schema without prose, and without nested `properties` (they are fields of their own). */
function contract(value: unknown): string {
  const strip = (node: unknown, top: boolean): unknown => {
    if (Array.isArray(node)) return node.map((n) => strip(n, false));
    if (typeof node !== 'object' || node === null) return node;
    const out: Json = {};
    for (const [key, child] of Object.entries(node)) {
      if (isProse(key) || (key === 'properties' && !top)) continue;
      out[key] = key === 'properties' ? Object.keys(child as Json).sort() : strip(child, false);
    }
    return out;
  };
  return JSON.stringify(strip(value, true));
}

function info(doc: Json): { title: string; version: string } {
  const i = (doc.info ?? {}) as Json;
  return { title: String(i.title ?? ''), version: String(i.version ?? '') };
}

function under(pointer: string | undefined, roots: readonly string[]): boolean {
  if (pointer === undefined) return false;
  const p = pointer.startsWith('#') ? pointer.slice(1) : pointer;
  return roots.some((r) => p === r || p.startsWith(`${r}/`));
}

function stoppedActions(before: readonly ActionProvenance[], after: readonly ActionProvenance[]): StoppedAction[] {
  const afterByIndex = new Map(after.map((a) => [a.index, a]));
  return before
    .filter((a) => a.matched.length > 0 && (afterByIndex.get(a.index)?.matched.length ?? 0) === 0)
    .map((a) => ({ index: a.index, ...(a.line ? { line: a.line } : {}), target: a.target, ...(a.description ? { description: a.description } : {}), matchedBefore: a.matched.length }));
}

/** The claimed field and every field under it, as the old base defines them. */
function subtree(fields: Map<string, SchemaField>, path: string): SchemaField[] {
  return [...fields.values()].filter((f) => f.path === path || ancestorPaths(f.path).includes(path));
}

export function diffBases(oldBase: Json, newBase: Json, providers: readonly ProviderOverlay[], redocly: readonly RedoclyChange[] = []): BaseDiff {
  const readOld = createFieldReader(oldBase);
  const readNew = createFieldReader(newBase);
  const newOps = new Map(listOperations(newBase).map((op) => [op.key, op]));
  const oldOps = new Map(listOperations(oldBase).map((op) => [op.key, op]));
  const result: ProviderDiff[] = [];

  for (const provider of providers) {
    const options = { strict: false, file: provider.file, lineOf: provider.lineOf };
    const applied = applyOverlay(oldBase, provider.overlay, options);
    const reapplied = applyOverlay(newBase, provider.overlay, options);
    const claimChanges: ClaimChange[] = [];
    const { model } = parseProfile(applied.document as Json, { id: provider.id });
    for (const claim of [...model.operations, ...model.unoffered]) {
      const op = { key: claim.key };
      const oldOp = oldOps.get(op.key);
      if (!oldOp) continue;
      const newOp = newOps.get(op.key);
      if (!newOp) {
        if (watched.has(claim.status)) claimChanges.push({ operation: op.key, location: 'operation', field: '', status: claim.status, change: 'removed', details: [{ pointer: oldOp.pointer, kind: 'removed' }] });
        continue;
      }
      const oldFields = readOld(oldOp);
      const newFields = readNew(newOp);
      for (const location of fieldLocations) {
        for (const [path, fieldClaim] of fieldClaims(claim, location)) {
          if (!watched.has(fieldClaim.status) || !oldFields[location].has(path)) continue;
          if (!newFields[location].has(path)) {
            claimChanges.push({ operation: op.key, location, field: path, status: fieldClaim.status, change: 'removed', details: oldFields[location].get(path)!.pointers.map((pointer) => ({ pointer, kind: 'removed' as const })) });
            continue;
          }
          const details = fieldChanges(subtree(oldFields[location], path), newFields[location], oldBase, newBase, redocly);
          if (details.length) claimChanges.push({ operation: op.key, location, field: path, status: fieldClaim.status, change: 'changed', details });
        }
      }
    }
    result.push({
      id: provider.id,
      file: provider.file,
      stoppedMatching: stoppedActions(applied.provenance, reapplied.provenance),
      errors: reapplied.diagnostics.filter((d) => d.severity === 'error'),
      claimChanges,
    });
  }
  return { from: info(oldBase), to: info(newBase), providers: result };
}

/** What changed under a claimed field: its own schema and those of the fields below it. */
function fieldChanges(fields: SchemaField[], newFields: Map<string, SchemaField>, oldBase: Json, newBase: Json, redocly: readonly RedoclyChange[]): ChangeDetail[] {
  const details: ChangeDetail[] = [];
  const roots: string[] = [];
  for (const field of fields) {
    for (const pointer of field.pointers) {
      roots.push(pointer);
      const before = getAtPointer(oldBase, pointer);
      const after = getAtPointer(newBase, pointer);
      if (after === undefined) {
        // Gone from this definition (the field may live on in another variant).
        details.push({ pointer, kind: 'removed' });
      } else if (contract(before) !== contract(after)) {
        details.push({ pointer, kind: 'changed' });
      }
    }
  }
  // Fields that appear under the claimed one in the new base.
  const claimed = fields[0]?.path;
  if (claimed !== undefined) {
    for (const field of newFields.values()) {
      if (ancestorPaths(field.path).includes(claimed) && !fields.some((f) => f.path === field.path)) details.push({ pointer: field.pointers[0], kind: 'added' });
    }
  }
  // redocly diff names what changed (property, before, after) and rates it.
  const classified: ChangeDetail[] = [];
  for (const change of redocly) {
    if (change.property !== undefined && isProse(change.property)) continue;
    const pointer = change.base?.pointer ?? change.revision?.pointer;
    if (!under(change.base?.pointer, roots) && !under(change.revision?.pointer, roots)) continue;
    classified.push({
      pointer: (pointer ?? '').replace(/^#/, ''),
      kind: change.kind === 'removed' ? 'removed' : change.kind === 'added' ? 'added' : 'changed',
      ...(change.property ? { property: change.property } : {}),
      impact: change.impact,
      ...(change.base && 'value' in change.base ? { before: change.base.value } : {}),
      ...(change.revision && 'value' in change.revision ? { after: change.revision.value } : {}),
    });
  }
  const seen = new Set(classified.map((c) => c.pointer));
  // Our own findings stay where redocly said nothing more precise under the same pointer.
  const own = details.filter((d) => ![...seen].some((p) => p === d.pointer || p.startsWith(`${d.pointer}/`)));
  return [...own, ...classified].sort((a, b) => (a.pointer < b.pointer ? -1 : a.pointer > b.pointer ? 1 : 0));
}
