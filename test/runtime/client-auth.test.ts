import { describe, expect, it } from 'vitest';
import { createProviderClient } from '../../src/runtime/client.ts';
import type { ProviderProfile } from '../../src/runtime/types.ts';

const profile: ProviderProfile = {
  id: 'acme',
  name: 'Acme',
  baseUrl: 'https://api.acme.example/v1',
  auth: { scheme: 'bearer', env: 'ACME_API_KEY', alternatives: [{ scheme: 'header', header: 'x-api-key' }] },
};

/** The headers of the one request a client sends, through a fetch that answers `{}`. */
async function sentHeaders(options: Parameters<typeof createProviderClient>[2]): Promise<Headers> {
  let seen: Headers | undefined;
  const fetchImpl = (async (request: Request) => {
    seen = request.headers;
    return new Response('{}', { headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
  const client = createProviderClient<Record<string, never>, never>(profile, {}, { apiKey: 'k-123', fetch: fetchImpl, ...options });
  await (client.GET as unknown as (path: string) => Promise<unknown>)('/models');
  return seen!;
}

describe('client auth', () => {
  it.each([
    [undefined, 'authorization', 'Bearer k-123', 'x-api-key'],
    ['bearer', 'authorization', 'Bearer k-123', 'x-api-key'],
    ['header', 'x-api-key', 'k-123', 'authorization'],
  ] as const)('scheme %s sends %s, not %s', async (authScheme, header, value, absent) => {
    const headers = await sentHeaders({ authScheme });
    expect(headers.get(header)).toBe(value);
    expect(headers.get(absent)).toBeNull();
  });

  it('refuses a scheme the provider does not accept', () => {
    const bearerOnly: ProviderProfile = { ...profile, auth: { scheme: 'bearer', env: 'ACME_API_KEY' } };
    expect(() => createProviderClient(bearerOnly, {}, { apiKey: 'k', authScheme: 'header' })).toThrow(/does not accept the header auth scheme/);
  });
});
