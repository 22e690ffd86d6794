// The build wires the codegen step in: generated/<id>/ holds exactly what the generator produces
// for the resolved spec on disk, and producing it twice gives the same bytes. Needs `npm run build`.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { OpenAPIDocument } from '../../src/build/types.ts';
import { generateProfileCode } from '../../src/codegen/generator.ts';
import { parseYaml } from '../../src/load/document.ts';
import { projectRoot } from './helpers.ts';
import { resolvedFor } from '../helpers/profile.ts';

describe.each(['neosantara', 'kluster'])('the %s profile', (id) => {
  it('is generated deterministically, as the build wrote it', async () => {
    const dir = path.join(projectRoot, 'generated', id);
    const spec = parseYaml(await readFile(path.join(dir, 'openapi.yaml'), 'utf8'), `generated/${id}/openapi.yaml`) as OpenAPIDocument;
    const first = await generateProfileCode(resolvedFor(id, spec));
    const second = await generateProfileCode(resolvedFor(id, spec));
    expect(second.files).toEqual(first.files);
    for (const file of first.files) expect(await readFile(path.join(dir, file.path), 'utf8'), file.path).toBe(file.contents);
  });
});
