/** The small compat fixture (test/fixtures/compat/mini): a base spec, a provider spec and its provenance. */
import { readFileSync } from 'node:fs';
import { parseYaml } from '../../src/load/document.ts';

const dir = 'test/fixtures/compat/mini';
const load = (name: string) => parseYaml(readFileSync(`${dir}/${name}`, 'utf8'), name) as Record<string, unknown>;

export const miniBase = load('base.yaml');
export const miniSpec = load('provider.yaml');
export const miniProvenance = JSON.parse(readFileSync(`${dir}/provenance.json`, 'utf8')) as unknown[];
export const miniBaseInfo = { title: 'Mini API', version: '1.0.0', sha256: 'f'.repeat(64) };
