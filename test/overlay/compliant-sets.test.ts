/** The OAI compliant sets and the worked examples of the 1.1 text (../shared/overlay-compliant-sets). */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyOverlay } from '../../src/overlay/index.ts';
import { caseFolders, compliantSetsDir, readYaml } from './fixtures.ts';

const cases = caseFolders(compliantSetsDir, 'overlay.yaml');

describe('overlay compliant sets', () => {
  it('finds the corpus', () => {
    expect(cases.length).toBeGreaterThanOrEqual(10);
  });

  for (const name of cases) {
    const dir = path.join(compliantSetsDir, name);
    for (const strict of [false, true]) {
      it(`${name} (strict: ${strict})`, () => {
        const input = readYaml(path.join(dir, 'openapi.yaml'));
        const before = structuredClone(input);
        const result = applyOverlay(input, readYaml(path.join(dir, 'overlay.yaml')), { strict, file: `${name}/overlay.yaml` });
        expect(result.diagnostics).toEqual([]);
        expect(result.document).toEqual(readYaml(path.join(dir, 'output.yaml')));
        expect(input).toEqual(before);
      });
    }
  }
});
