/** The provider facts a generated client needs, read from the profile model. */
import type { ProfileModel } from '../profile/types.ts';
import type { ProviderProfile } from '../runtime/types.ts';

export function profileOf(model: ProfileModel): ProviderProfile {
  const { scheme, header, env, alternatives } = model.auth;
  return {
    id: model.id,
    name: model.name,
    baseUrl: model.baseUrl,
    auth: { scheme, ...(header ? { header } : {}), env, ...(alternatives?.length ? { alternatives } : {}) },
  };
}
