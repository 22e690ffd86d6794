/** The provider facts a generated client needs, read from the resolved spec's root `x-compat`. */
import type { OpenAPIDocument } from '../build/types.ts';
import type { AuthScheme, ProviderProfile } from '../runtime/types.ts';
import { isObject } from './operations.ts';

/** The base profile has no `x-compat`: OpenAI itself, Bearer auth from OPENAI_API_KEY. */
const OPENAI_AUTH: ProviderProfile['auth'] = { scheme: 'bearer', env: 'OPENAI_API_KEY' };

export function profileOf(id: string, spec: OpenAPIDocument): ProviderProfile {
  const compat = isObject(spec['x-compat']) ? spec['x-compat'] : undefined;
  const servers = Array.isArray(spec.servers) ? spec.servers : [];
  const baseUrl = isObject(servers[0]) && typeof servers[0].url === 'string' ? withDefaults(servers[0].url, servers[0].variables) : '';
  if (!compat) return { id, name: id === 'openai' ? 'OpenAI' : id, baseUrl, auth: OPENAI_AUTH };
  const auth = compat.auth;
  const alternatives: AuthScheme[] = Array.isArray(auth.alternatives) ? auth.alternatives.map(schemeOf) : [];
  return {
    id,
    name: String(compat.provider?.name ?? id),
    baseUrl,
    auth: { ...schemeOf(auth), env: auth.env, ...(alternatives.length ? { alternatives } : {}) },
  };
}

function schemeOf(auth: { scheme?: unknown; header?: unknown }): AuthScheme {
  return auth.scheme === 'header' ? { scheme: 'header', header: String(auth.header).toLowerCase() } : { scheme: 'bearer' };
}

/** `https://{endpoint}/v1` with each server variable's default (callers pass `baseUrl` for their own host). */
function withDefaults(url: string, variables: unknown): string {
  if (!isObject(variables)) return url;
  return url.replace(/\{([^}]+)\}/g, (whole, name: string) => {
    const variable = variables[name];
    return isObject(variable) && typeof variable.default === 'string' ? variable.default : whole;
  });
}
