/**
 * The claims-compile stage: after the hand-written overlay actions and the profile model, the
 * claims become plain Overlay 1.1 actions (unsupported fields removed, `reject` rules as
 * constraints, extension schemas added, never-returned response fields removed), applied to the
 * spec with the overlay engine so that provenance names them like any hand-written action.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { JsonObject } from '../load/json.ts';
import { applyOverlay, type ActionProvenance } from '../overlay/index.ts';
import type { OperationModel, ProfileModel } from '../profile/types.ts';
import { operationEdits } from './claims.ts';
import type { CompiledAction } from './edits.ts';
import { planActions } from './plan.ts';
import { referenceCounts } from './references.ts';

export interface CompileOptions {
  /** Index of the first compiled action (the hand-written actions come first in overlay.gen.yaml). */
  firstIndex: number;
  /** Name given to the compiled actions in provenance and diagnostics. */
  file?: string;
}

export interface CompileResult {
  actions: CompiledAction[];
  provenance: ActionProvenance[];
  diagnostics: Diagnostic[];
}

/** `groq_createChatCompletion`: names one operation's copies of shared components. */
function copySuffix(profileId: string, spec: JsonObject, operation: OperationModel): string {
  const node = operation.pointer.split('/').slice(1).reduce<unknown>((n, t) => (n as JsonObject | undefined)?.[t.replace(/~1/g, '/').replace(/~0/g, '~')], spec) as JsonObject | undefined;
  const id = typeof node?.operationId === 'string' ? node.operationId : `${operation.method}${operation.path}`;
  return `${profileId}_${id.replace(/[^A-Za-z0-9_]+/g, '_')}`;
}

export const OVERLAY_HEADER = { overlay: '1.1.0', info: { title: 'Compiled claims', version: '1.0.0' } } as const;

/** Compiles the claims of every offered operation into `spec` (changed in place). */
export function compileClaims(spec: JsonObject, model: ProfileModel, options: CompileOptions): CompileResult {
  const result: CompileResult = { actions: [], provenance: [], diagnostics: [] };
  const kept = new Set(model.operations.map((o) => o.pointer));
  for (const operation of model.operations) {
    const { edits, diagnostics } = operationEdits(spec, operation);
    result.diagnostics.push(...diagnostics);
    if (edits.length === 0) continue;
    const actions = planActions({ spec, counts: referenceCounts(spec, kept), suffix: copySuffix(model.id, spec, operation) }, edits);
    if (actions.length === 0) continue;
    const applied = applyOverlay(spec, { ...OVERLAY_HEADER, actions }, { strict: true, inPlace: true, file: options.file });
    const offset = options.firstIndex + result.actions.length;
    result.diagnostics.push(...applied.diagnostics.map((d) => ({ ...d, location: { ...d.location, action: (d.location?.action ?? 0) + offset } })));
    result.provenance.push(...applied.provenance.map((p) => ({ ...p, index: p.index + offset })));
    result.actions.push(...actions);
  }
  return result;
}
