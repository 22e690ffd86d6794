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
  let added: Map<number, string[]>;
  let diagnostics: unknown[];
  beforeAll(async () => {
    base = (await baseSpec()).spec;
    const result = applyOverlay(structuredClone(base), overlay.value, { strict: true, file: overlayFile(id), inPlace: true });
    diagnostics = result.diagnostics;
    matched = new Map(result.provenance.map((p) => [p.index, p.matched]));
    added = new Map(result.provenance.map((p) => [p.index, p.added]));
  });

  it('applies in strict mode with no diagnostic', () => {
    expect(diagnostics).toEqual([]);
  });

  it.each(actions)('action $index matches when it runs: $target', ({ index }) => {
    expect(matched.get(index)?.length ?? 0).toBeGreaterThan(0);
  });

  it('targets match the base spec as it is, or only what earlier actions of the overlay added', () => {
    const addedBefore = (index: number): string[] => actions.filter((a) => a.index < index).flatMap((a) => added.get(a.index) ?? []);
    const within = (pointer: string, roots: string[]) => roots.some((r) => pointer === r || pointer.startsWith(`${r}/`));
    const missing = actions.filter(
      (a) => jsonpath.query(a.target, base as JSONValue).values().length === 0 && !(matched.get(a.index) ?? []).every((p) => within(p, addedBefore(a.index))),
    );
    expect(missing).toEqual([]);
  });
});
