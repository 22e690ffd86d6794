import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { inlineExternalRefs } from '../../src/resolve/external-refs.ts';
import { diagnosticFailure } from '../helpers/failure.ts';

const root = '/project';
const files: Record<string, unknown> = {
  '/project/spec/providers/p/schemas.yaml': { Reasoning: { type: 'object', properties: { effort: { $ref: '#/Effort' } } }, Effort: { enum: ['low', 'high'] }, Loop: { $ref: '#/Loop' } },
  '/outside/evil.yaml': { type: 'string' },
};
const options = (extra = {}) => ({
  projectRoot: root,
  baseDir: '/project/spec/providers/p',
  load: async (location: string) => {
    if (!(location in files)) throw new Error(`no ${location}`);
    return files[location];
  },
  describeOrigin: () => ({ file: 'spec/providers/p/overlay.yaml', action: 4, line: 12 }),
  realpath: async (location: string) => location,
  ...extra,
});


describe('inlineExternalRefs', () => {
  it('inlines a project file ref, resolving the refs inside that file against it', async () => {
    const spec = { paths: { '/x': { post: { schema: { $ref: 'schemas.yaml#/Reasoning', description: 'kept sibling' } } } }, local: { $ref: '#/paths' } };
    const count = await inlineExternalRefs(spec, options());
    expect(spec.paths['/x'].post.schema).toEqual({ type: 'object', properties: { effort: { enum: ['low', 'high'] } }, description: 'kept sibling' });
    expect(spec.local).toEqual({ $ref: '#/paths' });
    expect(count).toBe(2);
  });

  it.each([
    ['a URL', 'https://example.com/schema.yaml#/X', 'ref-remote'],
    ['a file outside the project', '../../../../outside/evil.yaml', 'ref-outside-project'],
    ['a missing pointer', 'schemas.yaml#/Nope', 'ref-target-missing'],
    ['a cycle', 'schemas.yaml#/Loop', 'ref-cycle'],
  ])('refuses %s, naming the overlay action and pointer', async (_name, ref, code) => {
    const err = await diagnosticFailure(inlineExternalRefs({ a: { b: { $ref: ref } } }, options()));
    expect(err.diagnostics[0]).toMatchObject({ code, location: { file: 'spec/providers/p/overlay.yaml', action: 4, line: 12, pointer: '/a/b' } });
    expect(err.diagnostics[0].hint).toBeTruthy();
  });

  it('follows a file outside the project when explicitly allowed', async () => {
    const spec = { a: { $ref: path.relative('/project/spec/providers/p', '/outside/evil.yaml') } };
    await inlineExternalRefs(spec, options({ allowOutsideProject: true }));
    expect(spec.a).toEqual({ type: 'string' });
  });
});
