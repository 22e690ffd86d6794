/**
 * Bench of the compat stage: the compat model, compat.json / COMPATIBILITY.md / MATRIX.md and the
 * docs site pages for all five profiles, from the resolved specs `npm run build` wrote. Loading
 * the YAML is not timed (the build hands the parsed specs over); each run starts from fresh
 * copies, so no field walk is cached between runs. All figures come from this one invocation:
 * medians of the runs, and the first run alone (cold JIT, as in a build, which runs it once).
 * The API references (`redocly build-docs`, seconds) are timed by `npm run docs`, not here.
 */
import { readFileSync } from 'node:fs';
import { formatTable, median, type Figure } from './measure.ts';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ResolvedProfile } from '../src/build/types.ts';
import { buildMatrix } from '../src/compat/matrix.ts';
import { buildCompatReport } from '../src/compat/model.ts';
import { pinnedBase } from '../src/compat/generator.ts';
import { renderCompatJson } from '../src/compat/render-json.ts';
import { renderProviderMarkdown } from '../src/compat/page/markdown.ts';
import { renderMatrixMarkdown } from '../src/compat/render-matrix.ts';
import { parseYaml } from '../src/load/document.ts';
import { buildSite } from '../src/site/site.ts';
import { capabilityDocument } from '../src/capabilities/generator.ts';

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

export async function benchCompat(): Promise<Figure[]> {
  const loaded = loadProfiles();
  const model: number[] = [];
  const openai: number[] = [];
  const render: number[] = [];
  const site: number[] = [];
  let fields = 0;
  for (let i = 0; i < runs; i++) {
    const profiles = fresh(loaded);
    const t0 = performance.now();
    const reports = profiles.map((p) => buildCompatReport(p, pinnedBase).report);
    const t1 = performance.now();
    for (const report of reports) {
      renderCompatJson(report);
      renderProviderMarkdown(report);
    }
    renderMatrixMarkdown(buildMatrix(reports));
    const t2 = performance.now();
    buildSite(reports, capabilityDocument(reports));
    const t3 = performance.now();
    // The openai profile alone (its ~15,000 rows are most of the work), on copies of its own.
    const [alone] = fresh(loaded.slice(0, 1));
    const t4 = performance.now();
    buildCompatReport(alone, pinnedBase);
    openai.push(performance.now() - t4);
    model.push(t1 - t0);
    render.push(t2 - t1);
    site.push(t3 - t2);
    fields = reports.reduce((n, r) => n + r.fields.length, 0);
  }
  const total = model.map((m, i) => m + render[i] + site[i]);
  const of = `median of ${runs} runs`;
  return [
    { name: 'compat model, 5 profiles', value: median(model), unit: 'ms', note: of },
    { name: 'compat model, openai profile alone', value: median(openai), unit: 'ms', note: `${of}, fresh base, no cached field walk` },
    { name: 'compat.json + COMPATIBILITY.md + MATRIX.md', value: median(render), unit: 'ms', note: of },
    { name: 'docs site pages (without API references)', value: median(site), unit: 'ms', note: of },
    { name: 'compat + docs total (target < 500)', value: median(total), unit: 'ms', note: `${of}; per-run sum of the three lines above` },
    { name: 'compat + docs total, first run (cold JIT)', value: total[0], unit: 'ms', note: 'what one build pays' },
    { name: 'field rows, 5 profiles', value: fields, unit: 'rows' },
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(formatTable(await benchCompat()));
}
