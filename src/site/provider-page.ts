/** A provider's site page: the same blocks as its COMPATIBILITY.md, in HTML, linking within the site. */
import type { CapabilitiesDocument } from '../capabilities/evaluate.ts';
import { renderHtmlBlocks } from '../compat/page/blocks.ts';
import { buildProviderPage } from '../compat/page/provider-page.ts';
import type { CompatReport } from '../compat/types.ts';
import type { ProfileModel } from '../profile/types.ts';
import { page } from './html.ts';

export function renderProviderPage(report: CompatReport, doc: CapabilitiesDocument, model?: ProfileModel): string {
  const answers = doc.providers.find((p) => p.id === report.provider.id)?.capabilities;
  const blocks = buildProviderPage({
    report,
    model,
    capabilities: answers ? { list: doc.capabilities, answers } : undefined,
    links: { capability: (id) => `../capabilities/${id}.html`, reference: 'reference.html' },
  });
  return page(`${report.provider.name}: OpenAI API compatibility`, renderHtmlBlocks(blocks), { depth: 1 });
}
