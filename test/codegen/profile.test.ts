import { describe, expect, it } from 'vitest';
import { profileOf } from '../../src/codegen/profile.ts';
import { parseProfile } from '../../src/profile/parse.ts';

describe('profileOf', () => {
  const compat = (auth: object) => ({ provider: { id: 'p', name: 'P AI' }, auth, sources: [{ id: 'docs', url: 'https://p.example/docs', verified: '2026-11-21' }], source: 'docs' });
  const cases: { name: string; spec: Record<string, unknown>; want: object }[] = [
    {
      name: 'the base profile without x-compat: OpenAI, Bearer, OPENAI_API_KEY',
      spec: { servers: [{ url: 'https://api.openai.com/v1' }] },
      want: { id: 'openai', name: 'OpenAI', baseUrl: 'https://api.openai.com/v1', auth: { scheme: 'bearer', env: 'OPENAI_API_KEY' } },
    },
    {
      name: 'a bearer provider',
      spec: { servers: [{ url: 'https://p.example/v1' }], 'x-compat': compat({ scheme: 'bearer', env: 'P_API_KEY', alternatives: [{ scheme: 'header', header: 'x-api-key' }] }) },
      want: { id: 'openai', name: 'P AI', baseUrl: 'https://p.example/v1', auth: { scheme: 'bearer', env: 'P_API_KEY', alternatives: [{ scheme: 'header', header: 'x-api-key' }] } },
    },
    {
      name: 'a header provider, header name lower-cased',
      spec: { servers: [{ url: 'https://p.example/v1' }], 'x-compat': compat({ scheme: 'header', header: 'X-Api-Key', env: 'P_KEY' }) },
      want: { id: 'openai', name: 'P AI', baseUrl: 'https://p.example/v1', auth: { scheme: 'header', header: 'x-api-key', env: 'P_KEY' } },
    },
    {
      name: 'server variables take their defaults',
      spec: { servers: [{ url: 'https://{host}/{version}', variables: { host: { default: 'h.example' } } }] },
      want: { id: 'openai', name: 'OpenAI', baseUrl: 'https://h.example/{version}', auth: { scheme: 'bearer', env: 'OPENAI_API_KEY' } },
    },
    { name: 'no servers', spec: {}, want: { id: 'openai', name: 'OpenAI', baseUrl: '', auth: { scheme: 'bearer', env: 'OPENAI_API_KEY' } } },
  ];
  for (const { name, spec, want } of cases) it(name, () => expect(profileOf(parseProfile(spec, { id: 'openai', base: true }).model)).toEqual(want));
});
