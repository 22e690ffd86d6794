/** Reading the overlay test cases: folders of input / overlay / expected YAML. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadDocument, parseYaml } from '../../src/load/document.ts';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const fixturesDir = path.join(projectRoot, 'test/fixtures/overlay');
export const compliantSetsDir = path.resolve(projectRoot, '../shared/overlay-compliant-sets');

export function readYaml(file: string): unknown {
  return parseYaml(fs.readFileSync(file, 'utf8'), file);
}

export function loadYaml(file: string) {
  return loadDocument(fs.readFileSync(file, 'utf8'), path.relative(projectRoot, file));
}

/** Sub-folders of `dir` that hold a file named `marker`, sorted. */
export function caseFolders(dir: string, marker: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && fs.existsSync(path.join(dir, e.name, marker)))
    .map((e) => e.name)
    .sort();
}
