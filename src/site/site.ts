/** The static docs site, as files relative to generated/site/ (the API references are added by scripts/docs.ts). */
import type { GeneratedFile } from '../build/types.ts';
import type { CapabilitiesDocument } from '../capabilities/evaluate.ts';
import { buildMatrix, defaultMatrixOptions } from '../compat/matrix.ts';
import type { CompatReport } from '../compat/types.ts';
import type { ProfileModel } from '../profile/types.ts';
import { assetFiles } from './assets.ts';
import { renderCapabilityIndex, renderCapabilityPage } from './capability-pages.ts';
import { renderIndexPage } from './index-page.ts';
import { renderProviderPage } from './provider-page.ts';

/** `models`: the typed profiles (generated/<id>/profile.json) by id, for behaviours and defaults. */
export function buildSite(
  reports: readonly CompatReport[],
  capabilities: CapabilitiesDocument,
  models: ReadonlyMap<string, ProfileModel> = new Map(),
  options = defaultMatrixOptions,
): GeneratedFile[] {
  const matrix = buildMatrix(reports, options);
  return [
    { path: 'index.html', contents: renderIndexPage(matrix, capabilities) },
    ...assetFiles,
    { path: 'capabilities/index.html', contents: renderCapabilityIndex(capabilities) },
    ...capabilities.capabilities.map((c) => ({ path: `capabilities/${c.id}.html`, contents: renderCapabilityPage(capabilities, c.id) })),
    ...reports.map((r) => ({ path: `${r.provider.id}/index.html`, contents: renderProviderPage(r, capabilities, models.get(r.provider.id)) })),
  ];
}
