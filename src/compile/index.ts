/**
 * The claims-compile stage, between the hand-written overlay and the slice:
 * normalized base → hand-written actions → profile model → compiled claim actions → slice.
 * It also checks that no hand-written action contradicts a claim, and assembles the replayable
 * overlay (generated/<id>/overlay.gen.yaml).
 */
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { JsonObject } from '../load/json.ts';
import type { ActionProvenance } from '../overlay/index.ts';
import type { ProfileModel } from '../profile/types.ts';
import { compileClaims } from './compile.ts';
import { handWrittenConflicts } from './conflicts.ts';
import { generatedOverlay, handWrittenActions, sliceRemovals } from './replay.ts';

export interface CompileStageInput {
  base: JsonObject;
  /** The spec after the hand-written actions; the compiled actions are applied to it in place. */
  spec: JsonObject;
  model: ProfileModel;
  /** The provider's overlay document and its file, as loaded. */
  overlay: { file: string; value: unknown };
  provenance: readonly ActionProvenance[];
}

export interface CompileStageResult {
  /** Hand-written, then compiled actions (the slice comes after: see replayOverlay). */
  actions: unknown[];
  /** Provenance of the compiled actions, indexed after the hand-written ones. */
  provenance: ActionProvenance[];
  diagnostics: Diagnostic[];
}

export function generatedOverlayFile(profileId: string): string {
  return `generated/${profileId}/overlay.gen.yaml`;
}

export function compileStage(input: CompileStageInput): CompileStageResult {
  const handWritten = handWrittenActions(input.overlay.value);
  const conflicts = handWrittenConflicts({ base: input.base, spec: input.spec, model: input.model, provenance: input.provenance, file: input.overlay.file });
  if (conflicts.length > 0) return { actions: handWritten, provenance: [], diagnostics: conflicts };
  const file = generatedOverlayFile(input.model.id);
  const compiled = compileClaims(input.spec, input.model, { firstIndex: handWritten.length, file });
  const diagnostics = compiled.diagnostics.map((d) => ({ ...d, location: { file, ...d.location } }));
  return { actions: [...handWritten, ...compiled.actions], provenance: compiled.provenance, diagnostics };
}

/** The overlay that replays the whole profile on the normalized base: actions, then the slice. */
export function replayOverlay(profileId: string, actions: readonly unknown[], unsliced: JsonObject, sliced: JsonObject): JsonObject {
  return generatedOverlay(profileId, [...actions, ...sliceRemovals(unsliced, sliced)]);
}
