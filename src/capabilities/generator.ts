/** The capabilities of every profile, evaluated from their compat reports (and typed profiles when known). */
import type { CompatReport } from '../compat/types.ts';
import type { ProfileModel } from '../profile/types.ts';
import { providerFacts } from './claims.ts';
import { evaluateAll, type CapabilitiesDocument } from './evaluate.ts';
import { loadCapabilities } from './load.ts';
import type { Capability } from './query.ts';

/** `reports` in column order (the base profile first); `models` by profile id, when the build has them. */
export function capabilityDocument(
  reports: readonly CompatReport[],
  models: ReadonlyMap<string, ProfileModel> = new Map(),
  capabilities: readonly Capability[] = loadCapabilities(),
): CapabilitiesDocument {
  return evaluateAll(capabilities, reports.map((r) => providerFacts(r, models.get(r.provider.id))));
}
