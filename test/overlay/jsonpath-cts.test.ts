/** json-p3, as the engine uses it (select.ts), on filter cases of the RFC 9535 compliance suite. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { QuerySyntaxError, select } from '../../src/overlay/select.ts';
import { fixturesDir } from './fixtures.ts';

interface CtsCase {
  name: string;
  selector: string;
  document?: unknown;
  result?: unknown[];
  invalid_selector?: boolean;
}

const suite = JSON.parse(fs.readFileSync(path.join(fixturesDir, 'jsonpath-cts-filter-subset.json'), 'utf8')) as { tests: CtsCase[] };

describe('RFC 9535 compliance suite (filter subset)', () => {
  it('has its cases', () => {
    expect(suite.tests.length).toBeGreaterThanOrEqual(25);
  });

  for (const c of suite.tests) {
    it(c.name, () => {
      if (c.invalid_selector) {
        expect(() => select(c.selector, {})).toThrow(QuerySyntaxError);
        return;
      }
      expect(select(c.selector, c.document).map((m) => m.value)).toEqual(c.result);
    });
  }

  it('locates every match, keys with / and ~ included', () => {
    const document = { 'a/b': { '~c': [1, { d: 2 }] } };
    expect(select("$['a/b']['~c'][?@.d]", document)).toEqual([{ value: { d: 2 }, location: ['a/b', '~c', 1] }]);
  });
});
