/** COMPATIBILITY.md: the provider page as GitHub markdown, linking to MATRIX.md for the capabilities. */
import { capabilityDocument } from '../../capabilities/generator.ts';
import { capabilityHeading } from '../../capabilities/render.ts';
import type { Capability } from '../../capabilities/query.ts';
import { generatedHeader } from '../render-markdown.ts';
import type { ProfileModel } from '../../profile/types.ts';
import type { CompatReport } from '../types.ts';
import { renderMarkdownBlocks } from './blocks.ts';
import { buildProviderPage } from './provider-page.ts';
import { githubSlug } from './slug.ts';

/** `model`: the typed profile (behaviours, defaults, model-scoped claims, value rules), when known. */
export function renderProviderMarkdown(report: CompatReport, model?: ProfileModel, capabilities?: readonly Capability[]): string {
  const doc = capabilityDocument([report], model ? new Map([[model.id, model]]) : undefined, capabilities);
  const blocks = buildProviderPage({
    report,
    model,
    capabilities: { list: doc.capabilities, answers: doc.providers[0].capabilities },
    links: { capability: (_id, title) => `../MATRIX.md#${githubSlug(capabilityHeading({ title }))}` },
  });
  return `${generatedHeader}\n\n${renderMarkdownBlocks(blocks)}`;
}
