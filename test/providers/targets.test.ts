/**
 * (c) every action target of every provider overlay matches at least one node of the real base
 * spec (normalized when the normalize stage exports normalizeSpec) as it stands when the action
 * runs, and the strict apply reports nothing. A target that stops matching after an upstream
 * bump fails here with its index. Targets that address only what the overlay itself creates
 * (chat's own schema copies in compactifai) are checked the same way, after their creation.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { jsonpath, type JSONValue } from 'json-p3';
import { applyOverlay } from '../../src/overlay/index.ts';
import { baseSpec, loadOverlay, overlayFile, PROVIDERS, type Json } from './helpers.ts';

describe.each(PROVIDERS)('provider %s', (id) => {
  const overlay = loadOverlay(id);
  const actions = (overlay.value.actions as Json[]).map((a, index) => ({ index, target: String(a.target) }));
  let base: Json;
  let matched: Map<number, string[]>;
  let diagnostics: unknown[];
  beforeAll(async () => {
    base = (await baseSpec()).spec;
    const result = applyOverlay(structuredClone(base), overlay.value, { strict: true, file: overlayFile(id), inPlace: true });
    diagnostics = result.diagnostics;
    matched = new Map(result.provenance.map((p) => [p.index, p.matched]));
  });

  it('applies in strict mode with no diagnostic', () => {
    expect(diagnostics).toEqual([]);
  });

  it.each(actions)('action $index matches when it runs: $target', ({ index }) => {
    expect(matched.get(index)?.length ?? 0).toBeGreaterThan(0);
  });

  it('targets the overlay does not create itself match the base spec as it is', () => {
    const created = /CompactifAIChat/;
    const missing = actions.filter((a) => !created.test(a.target) && jsonpath.query(a.target, base as JSONValue).values().length === 0);
    expect(missing).toEqual([]);
  });
});
