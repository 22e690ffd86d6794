// The package export `oai-compat/providers/<id>` resolves to each profile's generated index module
// (self-reference through package.json `exports`). Needs `npm run build`.
import { describe, expect, it } from 'vitest';
import { PROFILES } from './samples.ts';

describe('oai-compat/providers/<id>', () => {
  it.each(PROFILES)('%s exports the client and the checks', async (id) => {
    const mod = (await import(`oai-compat/providers/${id}`)) as Record<string, unknown>;
    for (const name of ['createClient', 'checkRequest', 'checkResponse', 'checkStreamEvent', 'prepareRequest', 'ApiError', 'StreamError']) {
      expect(typeof mod[name], `${id}: ${name}`).toBe('function');
    }
    expect((mod.profile as { id: string }).id).toBe(id);
  });
});
