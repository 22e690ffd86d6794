/**
 * Bench of the compat stage: the compat model, compat.json / COMPATIBILITY.md / MATRIX.md and the
 * docs site pages for all five profiles, from the resolved specs `npm run build` wrote. Loading
 * the YAML is not timed (the build hands the parsed specs over); each run starts from fresh
 * copies, so no field walk is cached between runs. The median of the runs is reported.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ResolvedProfile } from '../src/build/types.ts';
import { buildMatrix } from '../src/compat/matrix.ts';
import { buildCompatReport } from '../src/compat/model.ts';
import { pinnedBase } from '../src/compat/generator.ts';
import { renderCompatJson } from '../src/compat/render-json.ts';
import { renderCompatMarkdown } from '../src/compat/render-markdown.ts';
import { renderMatrixMarkdown } from '../src/compat/render-matrix.ts';
import { parseYaml } from '../src/load/document.ts';
import { buildSite } from '../src/site/site.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ids = ['openai', 'compactifai', 'kluster', 'neosantara', 'oxlo'];
const runs = 5;

function loadProfiles(): ResolvedProfile[] {
  const read = (id: string, file: string) => readFileSync(path.join(root, 'generated', id, file), 'utf8');
  const base = parseYaml(read('openai', 'openapi.yaml'), 'generated/openai/openapi.yaml') as ResolvedProfile['base'];
  return ids.map((id) => {
    const provenance = JSON.parse(read(id, 'provenance.json')) as { overlay: string | null; actions: unknown[] };
    const spec = id === 'openai' ? base : (parseYaml(read(id, 'openapi.yaml'), `generated/${id}/openapi.yaml`) as ResolvedProfile['spec']);
    return { id, spec, base, provenance: provenance.actions, ...(provenance.overlay ? { overlayFile: provenance.overlay } : {}) };
  });
}

/** Fresh objects sharing one base, as the build gives them. */
function fresh(profiles: ResolvedProfile[]): ResolvedProfile[] {
  const base = structuredClone(profiles[0].base);
  return profiles.map((p) => ({ ...p, base, spec: p.spec === p.base ? base : structuredClone(p.spec) }));
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export async function benchCompat(): Promise<{ name: string; value: number; unit: string }[]> {
  const loaded = loadProfiles();
  const model: number[] = [];
  const render: number[] = [];
  const site: number[] = [];
  let fields = 0;
  for (let i = 0; i < runs; i++) {
    const profiles = fresh(loaded);
    const t0 = performance.now();
    const reports = profiles.map((p) => buildCompatReport(p, pinnedBase).report);
    const t1 = performance.now();
    for (const [index, report] of reports.entries()) {
      renderCompatJson(report);
      renderCompatMarkdown(report, { overlayFile: profiles[index].overlayFile });
    }
    renderMatrixMarkdown(buildMatrix(reports));
    const t2 = performance.now();
    buildSite(reports);
    const t3 = performance.now();
    model.push(t1 - t0);
    render.push(t2 - t1);
    site.push(t3 - t2);
    fields = reports.reduce((n, r) => n + r.fields.length, 0);
  }
  const total = model.map((m, i) => m + render[i] + site[i]);
  return [
    { name: 'compat model, 5 profiles', value: Math.round(median(model)), unit: 'ms' },
    { name: 'compat.json + COMPATIBILITY.md + MATRIX.md', value: Math.round(median(render)), unit: 'ms' },
    { name: 'docs site pages (without API references)', value: Math.round(median(site)), unit: 'ms' },
    { name: 'compat + docs total (target < 500)', value: Math.round(median(total)), unit: 'ms' },
    { name: 'compat first run (cold JIT)', value: Math.round(total[0]), unit: 'ms' },
    { name: 'field rows, 5 profiles', value: fields, unit: 'rows' },
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const r of await benchCompat()) console.log(`${r.name.padEnd(48)} ${String(r.value).padStart(8)} ${r.unit}`);
}
