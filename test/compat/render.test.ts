import { describe, expect, it } from 'vitest';
import { buildMatrix } from '../../src/compat/matrix.ts';
import { buildCompatReport } from '../../src/compat/model.ts';
import { renderCompatJson } from '../../src/compat/render-json.ts';
import { renderMatrixMarkdown } from '../../src/compat/render-matrix.ts';
import { renderProviderMarkdown } from '../../src/compat/page/markdown.ts';
import { miniBase, miniBaseInfo, miniProvenance, miniSpec } from '../helpers/mini-compat.ts';

const base = miniBase;
const spec = miniSpec;
const provenance = miniProvenance;
const baseInfo = miniBaseInfo;
const overlayFile = 'spec/providers/mini/overlay.yaml';

const mini = () => buildCompatReport({ id: 'mini', spec, base, provenance, overlayFile }, baseInfo).report;
const openai = () => buildCompatReport({ id: 'openai', spec: base, base, provenance: [] }, baseInfo).report;

describe('renderers (golden files)', () => {
  it('compat.json', async () => {
    const json = renderCompatJson(mini());
    expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(mini())));
    await expect(json).toMatchFileSnapshot(`../fixtures/compat/mini/expected/compat.json`);
  });

  it('COMPATIBILITY.md', async () => {
    await expect(renderProviderMarkdown(mini())).toMatchFileSnapshot(`../fixtures/compat/mini/expected/COMPATIBILITY.md`);
  });

  it('MATRIX.md', async () => {
    const matrix = buildMatrix([mini(), openai()], { baseProfile: 'openai', minProviders: 1 });
    expect(matrix.profiles.map((p) => p.id)).toEqual(['openai', 'mini']);
    await expect(renderMatrixMarkdown(matrix)).toMatchFileSnapshot(`../fixtures/compat/mini/expected/MATRIX.md`);
  });

  it('is byte-identical from run to run', () => {
    expect(renderCompatJson(mini())).toBe(renderCompatJson(mini()));
    expect(renderProviderMarkdown(mini())).toBe(renderProviderMarkdown(mini()));
  });

  it('escapes table cells', () => {
    const report = mini();
    report.fields[0] = { ...report.fields[0], status: 'partial', claimed: true, note: 'a | b\nc' };
    expect(renderProviderMarkdown(report)).toContain('| partial | a \\| b c');
  });
});
