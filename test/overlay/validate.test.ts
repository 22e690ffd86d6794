/** Overlay documents against the official Overlay JSON Schemas, version by version. */
import { describe, expect, it } from 'vitest';
import { loadDocument } from '../../src/load/document.ts';
import { applyOverlay, validateOverlayDocument } from '../../src/overlay/index.ts';

const info = { title: 't', version: '1' };

describe('validateOverlayDocument', () => {
  const valid: [string, unknown][] = [
    ['1.0 update and remove', { overlay: '1.0.0', info, extends: 'openapi.yaml', actions: [{ target: '$.info', update: { a: 1 } }, { target: '$.x', remove: true, 'x-why': 'because' }] }],
    ['1.0 with a patch version', { overlay: '1.0.7', info, actions: [{ target: '$', update: {} }] }],
    ['1.1 copy', { overlay: '1.1.0', info, actions: [{ target: '$.a', copy: '$.b' }] }],
    ['1.1 info.description (in the published 2026-04-01 schema)', { overlay: '1.1.0', info: { ...info, description: 'd' }, actions: [{ target: '$', remove: true }] }],
    ['1.1 update with remove (the published schema allows it; remove wins, as the text says)', { overlay: '1.1.0', info, actions: [{ target: '$', update: {}, remove: true }] }],
    ['1.2 reusable actions', { overlay: '1.2.0', info, components: { actions: { a: { fields: { update: { x: 1 } } } } }, actions: [{ $ref: '#/components/actions/a', target: '$.info' }, { target: '$.info', update: {}, copy: '$.b' }] }],
  ];
  for (const [name, overlay] of valid) {
    it(`accepts ${name}`, () => {
      expect(validateOverlayDocument(overlay, 'o.yaml').diagnostics).toEqual([]);
    });
  }

  const invalid: [string, unknown, { message: RegExp; pointer: string; hint?: RegExp }][] = [
    ['a document that is not an object', ['x'], { message: /must be an object/, pointer: '' }],
    ['a missing version', { info, actions: [{ target: '$', remove: true }] }, { message: /no `overlay` version/, pointer: '' }],
    ['an unknown version', { overlay: '2.0.0', info, actions: [{ target: '$', remove: true }] }, { message: /unsupported .* "2.0.0"/, pointer: '/overlay', hint: /1\.0\.0, 1\.1\.0, 1\.2\.0/ }],
    ['copy in a 1.0 overlay', { overlay: '1.0.0', info, actions: [{ target: '$.a', copy: '$.b' }] }, { message: /unknown field `copy` in `\/actions\/0`/, pointer: '/actions/0/copy', hint: /needs Overlay 1\.1/ }],
    ['components in a 1.1 overlay', { overlay: '1.1.0', info, components: {}, actions: [{ target: '$', remove: true }] }, { message: /unknown field `components`/, pointer: '/components', hint: /needs Overlay 1\.2/ }],
    ['a missing info title', { overlay: '1.0.0', info: { version: '1' }, actions: [{ target: '$', remove: true }] }, { message: /`\/info` lacks the required field `title`/, pointer: '/info' }],
    ['an empty action list', { overlay: '1.2.0', info, actions: [] }, { message: /must NOT have fewer than 1 items/, pointer: '/actions' }],
    ['a target that is not JSONPath', { overlay: '1.1.0', info, actions: [{ target: 'paths.x', remove: true }] }, { message: /target "paths.x" is not a JSONPath query/, pointer: '/actions/0/target' }],
    ['a non-boolean remove', { overlay: '1.2.0', info, actions: [{ target: '$', remove: 'yes' }] }, { message: /`\/actions\/0\/remove` must be boolean/, pointer: '/actions/0/remove' }],
    ['a 1.2 reference with an update', { overlay: '1.2.0', info, components: { actions: { a: {} } }, actions: [{ $ref: '#/components/actions/a', target: '$', update: {} }] }, { message: /unknown field `update` in `\/actions\/0`/, pointer: '/actions/0/update' }],
    ['a 1.2 reference outside components.actions', { overlay: '1.2.0', info, actions: [{ $ref: '#/paths/x', target: '$' }] }, { message: /\/actions\/0\/\$ref.*must match pattern/, pointer: '/actions/0/$ref' }],
  ];
  for (const [name, overlay, want] of invalid) {
    it(`rejects ${name}`, () => {
      const { diagnostics } = validateOverlayDocument(overlay, 'o.yaml');
      expect(diagnostics).toHaveLength(1);
      expect(diagnostics[0]).toMatchObject({ severity: 'error', location: { file: 'o.yaml', pointer: want.pointer } });
      expect(diagnostics[0].message).toMatch(want.message);
      if (want.hint) expect(diagnostics[0].hint).toMatch(want.hint);
    });
  }

  it('locates schema problems on their line, with the action index', () => {
    const doc = loadDocument(`overlay: 1.0.0\ninfo: { title: t, version: '1' }\nactions:\n  - target: $.a\n    update: {}\n  - target: $.b\n    copy: $.a\n`, 'o.yaml');
    const [d] = validateOverlayDocument(doc.value, doc.file, doc.lineOf).diagnostics;
    expect(d.location).toMatchObject({ file: 'o.yaml', pointer: '/actions/1/copy', action: 1, line: 7 });
  });
});

describe('applyOverlay with an invalid overlay', () => {
  it('applies nothing and returns the input document', () => {
    const document = { openapi: '3.1.0' };
    const result = applyOverlay(document, { overlay: '1.0.0', info, actions: [{ target: '$', update: { a: 1 } }, { target: '$', copy: '$.a' }] }, { file: 'o.yaml' });
    expect(result.document).toBe(document);
    expect(result.provenance).toEqual([]);
    expect(result.diagnostics.map((d) => d.code)).toEqual(['overlay-schema']);
  });

  it('reports a 1.2 reference to a reusable action that does not exist', () => {
    const overlay = { overlay: '1.2.0', info, components: { actions: { 'a/b': { fields: { remove: true } } } }, actions: [{ $ref: '#/components/actions/missing', target: '$.x' }] };
    const [d] = applyOverlay({}, overlay, { file: 'o.yaml' }).diagnostics;
    expect(d).toMatchObject({ code: 'overlay-action-ref', location: { file: 'o.yaml', action: 0, pointer: '/actions/0/$ref' } });
    expect(d.hint).toContain('#/components/actions/a~1b');
  });
});
