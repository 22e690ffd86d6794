import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isOfferedModel, parseProfile } from '../../src/profile/parse.ts';
import { compileXCompatSchema } from '../../src/profile/schema.ts';

const validators = compileXCompatSchema(JSON.parse(readFileSync('spec/schemas/x-compat.schema.json', 'utf8')));

const root = () => ({
  provider: { id: 'acme', name: 'Acme AI' },
  auth: { scheme: 'bearer', env: 'ACME_API_KEY' },
  sources: [{ id: 'docs', url: 'https://acme.example/docs', verified: '2026-11-21' }],
  source: 'docs',
});
const spec = (rootClaim: unknown, operationClaim: unknown) => ({
  'x-compat': rootClaim,
  paths: { '/chat/completions': { post: { 'x-compat': operationClaim } } },
});
const validateXCompat = (document: Record<string, unknown>, id: string, v: typeof validators) => parseProfile(document, { id, validators: v }).diagnostics;
const chat = { status: 'supported', fields: { 'request.body': { n: { status: 'partial', note: 'Must be exactly 1' }, 'messages[].name': { status: 'unsupported' } } } };

describe('parseProfile: checks', () => {
  it('accepts well-formed claims', () => {
    expect(validateXCompat(spec(root(), chat), 'acme', validators)).toEqual([]);
  });

  it.each([
    ['a missing root object', spec(undefined, chat), 'x-compat-missing', '/x-compat'],
    ['a provider id that is not the folder', spec({ ...root(), provider: { id: 'other', name: 'x' } }, chat), 'x-compat-provider-id', '/x-compat/provider/id'],
    ['an unknown status', spec(root(), { status: 'maybe' }), 'x-compat-schema', '/paths/~1chat~1completions/post/x-compat/status'],
    ['a partial claim without its note', spec(root(), { status: 'supported', fields: { 'request.body': { n: { status: 'partial' } } } }), 'x-compat-schema', '/paths/~1chat~1completions/post/x-compat/fields/request.body/n'],
    ['an undocumented claim (derived, never claimed)', spec(root(), { status: 'undocumented' }), 'x-compat-schema', '/paths/~1chat~1completions/post/x-compat/status'],
    ['an unknown location', spec(root(), { status: 'supported', fields: { 'request.cookie': {} } }), 'x-compat-schema', '/paths/~1chat~1completions/post/x-compat/fields'],
    ['a source that is not listed', spec(root(), { status: 'supported', fields: { 'request.body': { n: { status: 'ignored', source: 'blog' } } } }), 'x-compat-unknown-source', '/paths/~1chat~1completions/post/x-compat/fields/request.body/n/source'],
    ['a header scheme without its header', spec({ ...root(), auth: { scheme: 'header', env: 'ACME_API_KEY' } }, chat), 'x-compat-schema', '/x-compat/auth'],
  ])('reports %s at its pointer', (_name, document, code, pointer) => {
    const problems = validateXCompat(document, 'acme', validators);
    expect(problems.map((p) => [p.code, p.location?.pointer])).toContainEqual([code, pointer]);
    expect(problems.every((p) => p.severity === 'error' && p.hint)).toBe(true);
  });
});

describe('isOfferedModel', () => {
  it.each([
    [{ status: 'supported' as const }, true],
    [{ status: 'extension' as const }, true],
    [{ status: 'unsupported' as const }, false],
    [{ status: 'supported' as const, lifecycle: { state: 'retired' as const } }, false],
    [{ status: 'supported' as const, lifecycle: { state: 'deprecated' as const } }, true],
  ])('%j → %s', (operation, want) => {
    expect(isOfferedModel(operation)).toBe(want);
  });
});
