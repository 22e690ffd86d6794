import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diffBases } from '../../src/compat/diff.ts';
import { needsAttention, renderDiffText } from '../../src/compat/render-diff.ts';
import { parseYaml } from '../../src/load/document.ts';

const load = (file: string) => parseYaml(readFileSync(`test/fixtures/compat/${file}`, 'utf8'), file) as Record<string, unknown>;
const oldBase = load('mini/base.yaml');
const newBase = load('diff/base-next.yaml');
const provider = { id: 'mini', file: 'spec/providers/mini/overlay.yaml', overlay: load('diff/overlay.yaml') };

describe('diffBases', () => {
  const diff = diffBases(oldBase, newBase, [provider]);
  const [mini] = diff.providers;

  it('names the actions that match on the old base and not on the new one', () => {
    expect(mini.stoppedMatching.map((a) => [a.index, a.target, a.matchedBefore])).toEqual([
      [1, '$.components.schemas.ChatRequest.allOf[1].properties.tree', 1],
      [4, "$.paths['/models'].get", 1],
    ]);
    expect(mini.errors).toEqual([]);
  });

  it('lists supported and partial claims whose schema changed, and no others', () => {
    expect(mini.claimChanges.map((c) => [c.operation, c.location, c.field, c.status, c.change, c.details.map((d) => `${d.kind} ${d.pointer}`)])).toEqual([
      ['POST /chat/completions', 'request.body', 'messages', 'supported', 'changed', ['removed /components/schemas/AssistantMessage/properties/name']],
      ['POST /chat/completions', 'request.body', 'n', 'partial', 'changed', ['changed /components/schemas/ChatRequest/allOf/1/properties/n']],
      ['POST /chat/completions', 'response.body', 'usage', 'supported', 'changed', ['added /components/schemas/Usage/properties/total_tokens']],
      ['GET /models', 'operation', '', 'supported', 'removed', ['removed /paths/~1models/get']],
    ]);
    // `model` only gained a description; `tree` is claimed unsupported; `temperature` ignored.
    expect(mini.claimChanges.some((c) => ['model', 'tree', 'temperature', 'store'].includes(c.field))).toBe(false);
  });

  it('takes the kind and impact of a change from redocly diff when it has one', () => {
    const classified = diffBases(oldBase, newBase, [provider], [
      { kind: 'modified', impact: 'patch', property: 'type', base: { pointer: '#/components/schemas/ChatRequest/allOf/1/properties/n/type', value: 'integer' }, revision: { pointer: '#/components/schemas/ChatRequest/allOf/1/properties/n/type', value: 'number' } },
      { kind: 'modified', impact: 'patch', property: 'description', base: { pointer: '#/components/schemas/ChatRequest/allOf/1/properties/model/description' } },
    ]);
    const n = classified.providers[0].claimChanges.find((c) => c.field === 'n');
    expect(n?.details).toEqual([{ pointer: '/components/schemas/ChatRequest/allOf/1/properties/n/type', kind: 'changed', property: 'type', impact: 'patch', before: 'integer', after: 'number' }]);
    expect(classified.providers[0].claimChanges.some((c) => c.field === 'model')).toBe(false);
  });

  it('reports nothing when the base did not change', () => {
    const same = diffBases(oldBase, structuredClone(oldBase), [provider]);
    expect(needsAttention(same)).toBe(false);
    expect(renderDiffText(same)).toBe('base: Mini API 1.0.0 → Mini API 1.0.0\n\nmini (spec/providers/mini/overlay.yaml): nothing to change\n');
  });

  it('renders a text report', () => {
    const text = renderDiffText(diff);
    expect(text).toContain("    action 4 $.paths['/models'].get: models claims (matched 1, now 0)");
    expect(text).toContain('    POST /chat/completions request.body n (partial): changed');
    expect(text).toContain('    GET /models (supported): removed');
  });
});
