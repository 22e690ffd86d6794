/** Errors and warnings of the engine, each naming the overlay file, the action and the target or pointer. */
import { describe, expect, it } from 'vitest';
import { formatDiagnostic, type Diagnostic } from '../../src/diagnostics/diagnostic.ts';
import { loadDocument } from '../../src/load/document.ts';
import { applyOverlay } from '../../src/overlay/index.ts';

const SPEC = {
  openapi: '3.1.0',
  info: { title: 't', version: '1' },
  tags: ['a', 'b'],
  paths: {
    '/items': { get: { summary: 's', parameters: [{ name: 'a', in: 'query' }], responses: { '200': { description: 'OK' } } } },
  },
};

/** An overlay file with a line map, so that diagnostics carry lines. */
function overlayFile(actions: string, version = '1.1.0') {
  const text = `overlay: ${version}\ninfo:\n  title: t\n  version: '1'\nactions:\n${actions}`;
  return loadDocument(text, 'providers/x/overlay.yaml');
}

function run(actions: string, strict: boolean, version?: string) {
  const overlay = overlayFile(actions, version);
  const input = structuredClone(SPEC);
  const result = applyOverlay(input, overlay.value, { strict, file: overlay.file, lineOf: (p) => overlay.lineOf(p), documentFile: 'openai.yaml' });
  expect(input).toEqual(SPEC);
  return result;
}

function only(diagnostics: Diagnostic[]): Diagnostic {
  expect(diagnostics).toHaveLength(1);
  return diagnostics[0];
}

describe('strict mode', () => {
  it('reports a target that matches nothing with file, action index, target and line', () => {
    const actions = `  - target: $.info\n    update: { x-a: 1 }\n  - target: $.paths['/nope'].get\n    update: { x-b: 1 }\n`;
    const d = only(run(actions, true).diagnostics);
    expect(d).toMatchObject({ code: 'overlay-target-no-match', severity: 'error', location: { file: 'providers/x/overlay.yaml', action: 1, line: 8 } });
    expect(formatDiagnostic(d)).toContain("providers/x/overlay.yaml:8: error [overlay-target-no-match] target `$.paths['/nope'].get` matches nothing (action 1");
    expect(d.hint).toBeTruthy();
  });

  it('lets a zero-match target pass without strict (Overlay spec: the action succeeds without change)', () => {
    const actions = `  - target: $.paths['/nope'].get\n    update: { x-b: 1 }\n  - target: $.info\n    update: { x-a: 1 }\n`;
    const result = run(actions, false);
    expect(result.diagnostics).toEqual([]);
    expect((result.document as typeof SPEC & { info: { 'x-a': number } }).info['x-a']).toBe(1);
    expect(result.provenance[0]).toMatchObject({ matched: [], added: [], changed: [], removed: [] });
  });

  it('reports a JSONPath syntax error with the position in the expression, strict or not', () => {
    for (const strict of [true, false]) {
      const d = only(run(`  - target: $.paths[?@.x ==]\n    remove: true\n`, strict).diagnostics);
      expect(d).toMatchObject({ code: 'overlay-jsonpath-syntax', severity: 'error', location: { file: 'providers/x/overlay.yaml', action: 0, pointer: '/actions/0/target', line: 6 } });
      expect(d.message).toContain('at position 16');
      expect(d.message).toContain('$.paths[?@.x ==⟨here⟩]');
    }
  });

  it('reports an object merged into an array member at its JSON pointer, and changes nothing', () => {
    const result = run(`  - target: $.paths['/items'].get\n    update:\n      summary: new\n      parameters: { name: b }\n`, false);
    const d = only(result.diagnostics);
    expect(d).toMatchObject({ code: 'overlay-type-conflict', severity: 'error', location: { action: 0, pointer: '/actions/0/update/parameters', line: 9 } });
    expect(d.message).toContain('at /paths/~1items/get/parameters in openai.yaml');
    expect(result.provenance[0].changed).toEqual([]);
    expect((result.document as typeof SPEC).paths['/items'].get.summary).toBe('s');
  });

  it('reports an object update onto a primitive target', () => {
    const d = only(run(`  - target: $.info.title\n    update: { a: 1 }\n`, false).diagnostics);
    expect(d).toMatchObject({ code: 'overlay-type-conflict', severity: 'error', location: { action: 0, pointer: '/actions/0/update' } });
    expect(d.message).toContain('at /info/title');
  });

  it('reports a primitive update onto an object target', () => {
    const d = only(run(`  - target: $.info\n    update: hello\n`, false).diagnostics);
    expect(d.code).toBe('overlay-type-conflict');
    expect(d.message).toContain('at /info in openai.yaml');
  });

  it('reports targets of mixed kinds for an update', () => {
    const d = only(run(`  - target: $.paths['/items'].get.*\n    update: { x: 1 }\n`, false).diagnostics);
    expect(d.code).toBe('overlay-type-conflict');
    expect(d.message).toMatch(/primitive at \/paths\/~1items\/get\/summary.*array at \/paths\/~1items\/get\/parameters/);
  });

  it('makes a null member over an object a warning, and an error in strict mode', () => {
    const actions = `  - target: $\n    update:\n      paths:\n      x-new: 1\n`;
    const lenient = run(actions, false);
    expect(only(lenient.diagnostics)).toMatchObject({ code: 'overlay-type-conflict', severity: 'warning', location: { pointer: '/actions/0/update/paths' } });
    expect((lenient.document as Record<string, unknown>)['x-new']).toBe(1);
    expect((lenient.document as typeof SPEC).paths).toEqual(SPEC.paths);
    const strict = run(actions, true);
    expect(only(strict.diagnostics)).toMatchObject({ code: 'overlay-type-conflict', severity: 'error' });
    expect((strict.document as Record<string, unknown>)['x-new']).toBeUndefined();
  });

  it('refuses a copy source that selects several nodes, and one that selects none in strict mode', () => {
    const several = only(run(`  - target: $.info\n    copy: $.tags.*\n`, false).diagnostics);
    expect(several).toMatchObject({ code: 'overlay-copy-source', severity: 'error', location: { pointer: '/actions/0/copy', line: 7 } });
    expect(several.message).toContain('matches 2 nodes (/tags/0, /tags/1)');
    expect(only(run(`  - target: $.info\n    copy: $.nope\n`, false).diagnostics).severity).toBe('warning');
    expect(only(run(`  - target: $.info\n    copy: $.nope\n`, true).diagnostics).severity).toBe('error');
  });

  it('refuses to remove the document root', () => {
    expect(only(run(`  - target: $\n    remove: true\n`, false).diagnostics).code).toBe('overlay-remove-root');
  });

  it('refuses an action with both update and copy (1.2 allows both fields; the text leaves neither)', () => {
    const d = only(run(`  - target: $.info\n    update: { a: 1 }\n    copy: $.paths\n`, false, '1.2.0').diagnostics);
    expect(d).toMatchObject({ code: 'overlay-ambiguous-action', location: { action: 0 } });
  });

  it('keeps going after a failed action so that one run reports every problem', () => {
    const actions = `  - target: $.a\n    remove: true\n  - target: $.b\n    remove: true\n  - target: $.info\n    update: { x-ok: 1 }\n`;
    const result = run(actions, true);
    expect(result.diagnostics.map((d) => d.location?.action)).toEqual([0, 1]);
    expect(result.provenance[2].added).toEqual(['/info/x-ok']);
  });
});
