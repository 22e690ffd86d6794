/** README's list of the shipped profiles is the base profile and every provider of spec/providers/. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { projectRoot } from '../helpers/temp-project.ts';

it('README lists every shipped profile, and only those', () => {
  const readme = readFileSync(path.join(projectRoot, 'README.md'), 'utf8');
  const block = /<!-- shipped-profiles -->\n([\s\S]*?)\n<!-- \/shipped-profiles -->/.exec(readme);
  expect(block, 'README has the <!-- shipped-profiles --> block').not.toBeNull();
  const listed = [...block![1].matchAll(/`([a-z0-9-]+)`/g)].map((m) => m[1]);
  const providers = readdirSync(path.join(projectRoot, 'spec/providers'), { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(path.join(projectRoot, 'spec/providers', e.name, 'overlay.yaml')))
    .map((e) => e.name);
  expect([...listed].sort()).toEqual(['openai', ...providers].sort());
});
