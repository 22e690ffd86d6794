/** The static docs site, as files relative to generated/site/ (the API references are added by scripts/docs.ts). */
import type { GeneratedFile } from '../build/types.ts';
import { buildMatrix, defaultMatrixOptions } from '../compat/matrix.ts';
import type { CompatReport } from '../compat/types.ts';
import { renderIndexPage } from './index-page.ts';
import { renderProviderPage } from './provider-page.ts';

export function buildSite(reports: readonly CompatReport[], options = defaultMatrixOptions): GeneratedFile[] {
  const matrix = buildMatrix(reports, options);
  return [
    { path: 'index.html', contents: renderIndexPage(matrix, options.baseProfile) },
    ...matrix.profiles.map((p) => ({ path: `${p.id}/index.html`, contents: renderProviderPage(reports.find((r) => r.provider.id === p.id)!) })),
  ];
}
