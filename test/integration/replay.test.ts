/**
 * generated/<id>/overlay.gen.yaml is a plain Overlay 1.1 document that another tool replays:
 * `redocly bundle generated/base/openapi.yaml --overlay generated/<id>/overlay.gen.yaml` gives
 * generated/<id>/openapi.yaml, as data, for every profile.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discoverProfiles } from '../../src/build/build.ts';
import { parseYaml } from '../../src/load/document.ts';

const run = promisify(execFile);
const root = path.resolve('.');
const out = mkdtempSync(path.join(tmpdir(), 'oai-compat-replay-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));
const profiles = await discoverProfiles(root);
const bundles = new Map<string, Promise<unknown>>();

/** Redocly takes seconds per profile: the bundles run two at a time, all started up front. */
beforeAll(() => {
  const chain: Promise<unknown>[] = [Promise.resolve(), Promise.resolve()];
  profiles.forEach((id, i) => {
    const file = path.join(out, `${id}.json`);
    const bundle = chain[i % 2].then(() => run(path.join(root, 'node_modules/.bin/redocly'), ['bundle', 'generated/base/openapi.yaml', '--overlay', `generated/${id}/overlay.gen.yaml`, '-o', file, '--ext', 'json', '--lint-config', 'off'], { cwd: root, maxBuffer: 1 << 24 }))
      .then(() => JSON.parse(readFileSync(file, 'utf8')) as unknown);
    chain[i % 2] = bundle.catch(() => undefined);
    bundles.set(id, bundle);
  });
});

describe.each(profiles)('profile %s', (id) => {
  it('overlay.gen.yaml replayed by redocly on the normalized base gives openapi.yaml', { timeout: 180_000 }, async () => {
    const overlay = parseYaml(readFileSync(`generated/${id}/overlay.gen.yaml`, 'utf8'), 'overlay.gen.yaml') as { overlay: string };
    expect(overlay.overlay).toBe('1.1.0');
    const want = parseYaml(readFileSync(`generated/${id}/openapi.yaml`, 'utf8'), 'openapi.yaml');
    expect(await bundles.get(id)).toEqual(want);
  });
});
