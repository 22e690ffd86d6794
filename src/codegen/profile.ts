/** The provider facts a generated client needs, read from the profile model. */
import type { ProfileModel } from '../profile/types.ts';
import type { ProviderProfile } from '../runtime/types.ts';
import { endpointLifecycle } from './operations.ts';

export function profileOf(model: ProfileModel): ProviderProfile {
  const { scheme, header, env, alternatives } = model.auth;
  // Modes a tool can tell from a body: those with a selector, and the default one.
  const modes = model.modes.filter((mode) => mode.select?.length || mode.default).map((mode) => ({ id: mode.id, select: mode.select ?? [], ...(mode.default ? { default: true } : {}) }));
  const retired = model.unoffered.filter((op) => op.lifecycle?.state === 'retired').map((op) => [op.key, endpointLifecycle(op.lifecycle!)] as const);
  return {
    id: model.id,
    name: model.name,
    baseUrl: model.baseUrl,
    auth: { scheme, ...(header ? { header } : {}), env, ...(alternatives?.length ? { alternatives } : {}) },
    ...(retired.length ? { retired: Object.fromEntries(retired) } : {}),
    ...(modes.length ? { modes } : {}),
  };
}
