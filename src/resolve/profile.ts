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
  const provenance = applied.provenance as readonly unknown[];

  // Problems in the resolved spec are reported against the overlay action that caused them.
  const attribute = (pointer: string): { file: string; action?: number; line?: number } => {
    const action = actionForPointer(provenance, pointer);
    return { file: overlay.file, action, line: action === undefined ? undefined : overlay.lineOf?.(`/actions/${action}`) };
  };
  const parsed = parseProfile(spec, { id: source.id, validators: options.xCompat });
  const claimProblems = parsed.diagnostics.map((d) => ({ ...d, location: { ...attribute(d.location?.pointer ?? ''), ...d.location } }));
  if (hasErrors(claimProblems)) throw new DiagnosticError(claimProblems);

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
  return {
    profile: { id: source.id, spec: sliced.spec, base, provenance, overlayFile: overlay.file, model: parsed.model },
    diagnostics: [...applied.diagnostics, ...claimProblems],
  };
}

/**
 * The base profile: the normalized base itself, plus the root claims of its profile.yaml (who
 * the provider is, how to authenticate) so that every generator reads one shape.
 */
function baseProfile(base: JsonObject, source: ProfileSource, validators: XCompatValidators): ResolvedProfile {
  const profile = source.profile;
  if (!profile) return { id: source.id, spec: base, base, provenance: [], model: parseProfile(base, { id: source.id, base: true }).model };
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
  return { id: source.id, spec, base, provenance: [], model: parsed.model };
}
