/**
 * Each fix alone on small hand-written cases: test/fixtures/normalize/<fix id>.yaml holds a table
 * of `given` → `want` (with the count and the diagnostics expected). Key order is part of `want`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseYaml } from '../../src/load/document.ts';
import { FIXES, normalizeSpec, type NormalizeFix } from '../../src/normalize/index.ts';

interface Case {
  name: string;
  given: unknown;
  want: unknown;
  count: number;
  /** `code@pointer`, in the order reported. */
  diagnostics?: string[];
  /** Other component schemas the case refers to. */
  schemas?: Record<string, unknown>;
}

const dir = new URL('../fixtures/normalize/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));

/** The case as a document, and where in it `want` is compared. */
function documentFor(fix: NormalizeFix, c: Case): { doc: Record<string, unknown>; pick: (doc: Record<string, unknown>) => unknown } {
  const given = structuredClone(c.given);
  if (fix.kind === 'document') return { doc: { openapi: '3.1.0', paths: given }, pick: (doc) => doc.paths };
  const doc = { openapi: '3.1.0', paths: {}, components: { schemas: { S: given, ...structuredClone(c.schemas ?? {}) } } };
  return { doc, pick: (d) => (d.components as { schemas: Record<string, unknown> }).schemas.S };
}

function run(fix: NormalizeFix, doc: Record<string, unknown>) {
  const { report, diagnostics } = normalizeSpec(doc, { passes: [[fix]] });
  return { count: report[0].count, diagnostics: diagnostics.map((d) => `${d.code}@${d.location?.pointer}`) };
}

const json = (value: unknown) => JSON.stringify(value, null, 2);

it('every fix in the registry has a fixture table, and every table names a fix', () => {
  expect(files.map((f) => f.replace(/\.yaml$/, '')).sort()).toEqual(FIXES.map((f) => f.id).sort());
});

for (const file of files) {
  const fix = FIXES.find((f) => `${f.id}.yaml` === file);
  const { cases } = parseYaml(readFileSync(new URL(file, dir), 'utf8'), file) as { cases: Case[] };
  describe(file.replace(/\.yaml$/, ''), () => {
    it.each(cases)('$name', (c) => {
      if (!fix) throw new Error(`no fix for ${file}`);
      const { doc, pick } = documentFor(fix, c);
      const first = run(fix, doc);
      expect(json(pick(doc))).toBe(json(c.want));
      expect(first.count).toBe(c.count);
      expect(first.diagnostics).toEqual(c.diagnostics ?? []);
      // Idempotent: a second run finds nothing to do.
      const second = run(fix, doc);
      expect(json(pick(doc))).toBe(json(c.want));
      expect(second.count).toBe(0);
    });
  });
}
