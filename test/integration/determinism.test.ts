/** The whole build, generators included, writes byte-identical files from the same inputs. */
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { build } from '../../src/build/build.ts';
import { hashTree, makeTempProject } from '../helpers/temp-project.ts';

const project = makeTempProject({ copyRealProviders: true });
afterAll(() => project.remove());

it('two full builds of every profile write identical generated/ trees', { timeout: 300_000 }, async () => {
  await build({ projectRoot: project.root, force: true });
  const first = hashTree(path.join(project.root, 'generated'));
  await build({ projectRoot: project.root, force: true });
  const second = hashTree(path.join(project.root, 'generated'));
  expect(second).toEqual(first);
  for (const id of ['openai', 'neosantara', 'compactifai', 'kluster', 'oxlo']) {
    expect(Object.keys(first)).toContain(`${id}/openapi.yaml`);
    expect(Object.keys(first)).toContain(`${id}/compat.json`);
  }
  expect(Object.keys(first)).toContain('MATRIX.md');
});
