/** What the build hands to each generator, and what generators hand back. */
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { ProfileModel } from '../profile/types.ts';

export type OpenAPIDocument = Record<string, unknown> & { paths?: Record<string, Record<string, unknown>> };

/** One profile after load → normalize → overlay → slice. Generators must not mutate it. */
export interface ResolvedProfile {
  /** Profile id: `openai` (the base profile) or a provider id. */
  id: string;
  /** The provider's resolved spec, as written to generated/<id>/openapi.yaml. */
  spec: OpenAPIDocument;
  /** The normalized base spec every profile is compared with (shared: do not mutate). */
  base: OpenAPIDocument;
  /**
   * Overlay provenance: per action, the JSON pointers (in `spec` coordinates before slicing) it
   * added, changed and removed. Empty for the base profile.
   */
  provenance: readonly unknown[];
  /** Project-relative path of the overlay file, when the profile has one. */
  overlayFile?: string;
  /**
   * The provider's claims, parsed once by the resolve stage (written to generated/<id>/profile.json).
   * Generators read claims from here, never from the spec's `x-compat`.
   */
  model: ProfileModel;
  /** The Overlay that replays `spec` on `base` (generated/<id>/overlay.gen.yaml). */
  replay?: Record<string, unknown>;
}

/**
 * A file a generator wants written. `perProfile` paths are relative to generated/<id>/,
 * `crossProfile` paths to generated/. Written atomically by the build.
 */
export interface GeneratedFile {
  path: string;
  contents: string;
}

export interface GeneratorResult {
  files: GeneratedFile[];
  diagnostics?: Diagnostic[];
}

/**
 * A build step after resolution. `perProfile` runs once per profile (files under `<id>/`);
 * `crossProfile` runs once with all profiles (files such as MATRIX.md).
 */
export interface Generator {
  name: string;
  perProfile?(profile: ResolvedProfile): Promise<GeneratorResult> | GeneratorResult;
  crossProfile?(profiles: readonly ResolvedProfile[]): Promise<GeneratorResult> | GeneratorResult;
}
