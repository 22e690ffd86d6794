/**
 * One profile: normalized base → provider overlay (strict) → claims parsed into the profile model
 * (the one reading of `x-compat`) → external refs inlined → slice.
 */
import path from 'node:path';
import type { ResolvedProfile } from '../build/types.ts';
import { DiagnosticError, hasErrors, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { applyOverlay } from '../overlay/index.ts';
import { inlineExternalRefs } from './external-refs.ts';
import { actionForPointer } from './provenance.ts';
import { sliceSpec } from './slice.ts';
import { compileStage, replayOverlay } from '../compile/index.ts';
import { claimAgreement } from '../compile/agreement.ts';
import type { ActionProvenance } from '../overlay/index.ts';
import { generatedOverlay } from '../compile/replay.ts';
import type { JsonObject } from './walk.ts';
import { isOfferedModel, parseProfile } from '../profile/parse.ts';
import { schemaProblems, type XCompatValidators } from '../profile/schema.ts';
import { operationKey } from '../load/openapi.ts';

export interface LoadedInput {
  file: string;
  value: unknown;
  lineOf?(pointer: string): number | undefined;
}

export interface ProfileSource {
  id: string;
  /** The provider's overlay, parsed; absent for the base profile. */
  overlay?: LoadedInput;
  /** profile.yaml of a profile without an overlay: root claims placed on the base spec. */
  profile?: LoadedInput;
}

export interface ResolveOptions {
  projectRoot: string;
  /** A zero-match target is an error (the build always resolves strictly). */
  strict: boolean;
  xCompat: XCompatValidators;
  /** Loads a file or URL named by an external `$ref`. */
  loadRef(location: string): Promise<unknown>;
  allowRemoteRefs?: boolean;
  allowOutsideRefs?: boolean;
}

export async function resolveProfile(base: JsonObject, source: ProfileSource, options: ResolveOptions): Promise<{ profile: ResolvedProfile; diagnostics: Diagnostic[] }> {
  const overlay = source.overlay;
  if (!overlay) return { profile: baseProfile(base, source, options.xCompat), diagnostics: [] };

  const applied = applyOverlay(base, overlay.value, { strict: options.strict, file: overlay.file, lineOf: overlay.lineOf });
  if (hasErrors(applied.diagnostics)) throw new DiagnosticError(applied.diagnostics);
  const spec = applied.document as JsonObject;

  // Problems in the resolved spec are reported against the overlay action that caused them.
  const attribute = (pointer: string): { file: string; action?: number; line?: number } => {
    const action = actionForPointer(applied.provenance, pointer);
    return { file: overlay.file, action, line: action === undefined ? undefined : overlay.lineOf?.(`/actions/${action}`) };
  };
  const parsed = parseProfile(spec, { id: source.id, validators: options.xCompat });
  const claimProblems = parsed.diagnostics.map((d) => ({ ...d, location: { ...attribute(d.location?.pointer ?? ''), ...d.location } }));
  if (hasErrors(claimProblems)) throw new DiagnosticError(claimProblems);

  // Claims become schema edits, after the hand-written actions, before the slice.
  const compiled = compileStage({ base, spec, model: parsed.model, overlay, provenance: applied.provenance });
  if (hasErrors(compiled.diagnostics)) throw new DiagnosticError(compiled.diagnostics);
  const provenance = [...applied.provenance, ...compiled.provenance] as readonly ActionProvenance[];

  await inlineExternalRefs(spec, {
    projectRoot: options.projectRoot,
    baseDir: path.dirname(path.resolve(options.projectRoot, overlay.file)),
    allowRemote: options.allowRemoteRefs,
    allowOutsideProject: options.allowOutsideRefs,
    load: options.loadRef,
    describeOrigin: attribute,
  });

  const offered = new Set(parsed.model.operations.filter(isOfferedModel).map((op) => op.key));
  const sliced = sliceSpec(spec, (method, path) => offered.has(operationKey(method, path)));
  const disagreements = claimAgreement(sliced.spec, parsed.model).map((d) => ({ ...d, location: { ...attribute(d.location?.pointer ?? ''), ...d.location } }));
  if (hasErrors(disagreements)) throw new DiagnosticError(disagreements);
  return {
    profile: { id: source.id, spec: sliced.spec, base, provenance, overlayFile: overlay.file, model: parsed.model, replay: replayOverlay(source.id, compiled.actions, spec, sliced.spec) },
    diagnostics: [...applied.diagnostics, ...claimProblems, ...compiled.diagnostics],
  };
}

/**
 * The base profile: the normalized base itself, plus the root claims of its profile.yaml (who
 * the provider is, how to authenticate) so that every generator reads one shape.
 */
function baseProfile(base: JsonObject, source: ProfileSource, validators: XCompatValidators): ResolvedProfile {
  const profile = source.profile;
  if (!profile) return { id: source.id, spec: base, base, provenance: [], model: parseProfile(base, { id: source.id, base: true }).model, replay: generatedOverlay(source.id, []) };
  const locate = (d: Diagnostic): Diagnostic => ({ ...d, location: { ...d.location, file: profile.file, line: profile.lineOf?.(d.location?.pointer ?? '') } });
  const problems = schemaProblems(validators.profile, profile.value, '').map(locate);
  const value = profile.value as JsonObject;
  if (problems.length === 0 && value.servers !== undefined && JSON.stringify(value.servers) !== JSON.stringify(base.servers)) {
    problems.push(locate({
      code: 'profile-servers',
      severity: 'error',
      message: `servers ${JSON.stringify(value.servers)} differ from the base spec's ${JSON.stringify(base.servers)}`,
      hint: 'a profile without an overlay cannot change the spec; write an overlay.yaml instead, or make servers equal',
      location: { pointer: '/servers' },
    }));
  }
  if (problems.length > 0) throw new DiagnosticError(problems);
  const spec: JsonObject = { ...base, 'x-compat': value['x-compat'] };
  // profile.yaml holds x-compat at its root too, so spec pointers are file pointers.
  const parsed = parseProfile(spec, { id: source.id, validators, base: true });
  const claimProblems = parsed.diagnostics.map(locate);
  if (hasErrors(claimProblems)) throw new DiagnosticError(claimProblems);
  const replay = generatedOverlay(source.id, [{ target: '$', description: 'The root claims of profile.yaml', update: { 'x-compat': spec['x-compat'] } }]);
  return { id: source.id, spec, base, provenance: [], model: parsed.model, replay };
}
