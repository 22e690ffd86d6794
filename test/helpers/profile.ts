/** A ResolvedProfile for a spec a test holds: the claims parsed as the resolve stage does. */
import type { OpenAPIDocument, ResolvedProfile } from '../../src/build/types.ts';
import { parseProfile } from '../../src/profile/parse.ts';

export function resolvedFor(id: string, spec: OpenAPIDocument, base: OpenAPIDocument = spec): ResolvedProfile {
  return { id, spec, base, provenance: [], model: parseProfile(spec, { id, base: true }).model };
}
