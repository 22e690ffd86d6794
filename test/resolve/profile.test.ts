import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resolveProfile } from '../../src/resolve/profile.ts';
import { compileXCompatSchema } from '../../src/profile/schema.ts';

const base = {
  openapi: '3.1.0',
  info: { title: 'Mini', version: '1' },
  paths: {
    '/chat': { post: { responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Chat' } } } } } } },
    '/embed': { post: { responses: { '200': { description: 'ok' } } } },
    '/files': { get: { responses: { '200': { description: 'ok' } } } },
  },
  components: { schemas: { Chat: { type: 'object' } } },
};
const claims = { provider: { id: 'acme', name: 'Acme' }, auth: { scheme: 'bearer', env: 'ACME_KEY' }, sources: [{ id: 'docs', url: 'https://acme.example/docs', verified: '2026-11-21' }], source: 'docs' };
const overlay = {
  overlay: '1.1.0',
  info: { title: 'acme', version: '1' },
  actions: [
    { target: '$', update: { 'x-compat': claims } },
    { target: "$.paths['/chat'].post", update: { 'x-compat': { status: 'supported' } } },
    { target: "$.paths['/embed'].post", update: { 'x-compat': { status: 'unsupported', note: 'use the native API' } } },
  ],
};
const options = {
  projectRoot: '/project',
  strict: true,
  xCompat: compileXCompatSchema(JSON.parse(readFileSync('spec/schemas/x-compat.schema.json', 'utf8'))),
  loadRef: async () => {
    throw new Error('no external refs here');
  },
};

describe('resolveProfile', () => {
  it('keeps the offered operations, and hands over the claims of the rejected ones', async () => {
    const { profile, diagnostics } = await resolveProfile(base, { id: 'acme', overlay: { file: 'spec/providers/acme/overlay.yaml', value: overlay } }, options);
    expect(diagnostics).toEqual([]);
    expect(Object.keys(profile.spec.paths ?? {})).toEqual(['/chat']);
    expect(profile.model.unoffered).toMatchObject([{ key: 'POST /embed', status: 'unsupported', note: 'use the native API', source: 'docs', verified: '2026-11-21' }]);
    expect(profile.model.operations.map((op) => op.key)).toEqual(['POST /chat']);
    expect(profile.provenance).toHaveLength(3);
    expect(base.paths['/chat'].post).not.toHaveProperty('x-compat');
  });

  it('returns the base itself for a profile without an overlay', async () => {
    const { profile } = await resolveProfile(base, { id: 'openai' }, options);
    expect(profile.spec).toBe(base);
    expect(profile.provenance).toEqual([]);
  });
});
