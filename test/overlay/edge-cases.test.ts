/**
 * Our own cases (test/fixtures/overlay/<case>/): input.yaml + overlay.yaml → expected.yaml, and the
 * provenance.yaml fields each action must report (pointer lists compared as sets).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyOverlay, type ActionProvenance } from '../../src/overlay/index.ts';
import { caseFolders, fixturesDir, readYaml } from './fixtures.ts';

const cases = caseFolders(fixturesDir, 'expected.yaml');
const LISTS = ['matched', 'added', 'changed', 'removed'] as const;

function comparable(entry: Partial<ActionProvenance>, fields: string[]): Record<string, unknown> {
  const picked: Record<string, unknown> = {};
  for (const field of fields) {
    const value = (entry as Record<string, unknown>)[field];
    picked[field] = (LISTS as readonly string[]).includes(field) && Array.isArray(value) ? [...value].sort() : value;
  }
  return picked;
}

describe('overlay edge cases', () => {
  it('finds the fixtures', () => {
    expect(cases.length).toBeGreaterThanOrEqual(10);
  });

  for (const name of cases) {
    it(name, () => {
      const dir = path.join(fixturesDir, name);
      const result = applyOverlay(readYaml(path.join(dir, 'input.yaml')), readYaml(path.join(dir, 'overlay.yaml')), { strict: true, file: 'overlay.yaml' });
      expect(result.diagnostics).toEqual([]);
      expect(result.document).toEqual(readYaml(path.join(dir, 'expected.yaml')));

      const provenanceFile = path.join(dir, 'provenance.yaml');
      if (!fs.existsSync(provenanceFile)) return;
      const expected = readYaml(provenanceFile) as Partial<ActionProvenance>[];
      expect(result.provenance).toHaveLength(expected.length);
      expected.forEach((want, i) => {
        const fields = Object.keys(want);
        expect(comparable(result.provenance[i], fields), `action ${i}`).toEqual(comparable(want, fields));
      });
    });
  }
});
