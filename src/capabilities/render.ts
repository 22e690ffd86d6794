/**
 * capabilities.json, and the capability grid that opens MATRIX.md: capabilities × providers, each
 * cell linking to the capability's evidence section further down the same file.
 */
import { escapeCell } from '../compat/render-markdown.ts';
import { githubSlug } from '../compat/page/slug.ts';
import type { CapabilitiesDocument, CapabilityAnswer } from './evaluate.ts';

export function renderCapabilitiesJson(doc: CapabilitiesDocument): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

export const valueLabels: Record<CapabilityAnswer['value'], string> = { yes: 'yes', partial: 'partial', no: 'no', unknown: 'unknown' };

/** The heading of a capability's evidence section (its anchor is the GitHub slug of it). */
export const capabilityHeading = (c: { title: string }) => `Capability: ${c.title}`;

/** The grid and the evidence sections, as markdown. `pageOf(id)` links a provider to its page. */
export function renderCapabilityMarkdown(doc: CapabilitiesDocument, pageOf: (id: string) => string): { grid: string; evidence: string } {
  const head = ['Capability', ...doc.providers.map((p) => `[${escapeCell(p.name)}](${pageOf(p.id)})`)];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`];
  for (const c of doc.capabilities) {
    const anchor = githubSlug(capabilityHeading(c));
    const cells = doc.providers.map((p) => `[${valueLabels[p.capabilities[c.id].value]}](#${anchor})`);
    lines.push(`| ${escapeCell(c.title)} | ${cells.join(' | ')} |`);
  }
  const evidence: string[] = [];
  for (const c of doc.capabilities) {
    evidence.push(`### ${capabilityHeading(c)}`, '', escapeCell(c.definition), '');
    for (const p of doc.providers) {
      const a = p.capabilities[c.id];
      const proof = a.evidence
        .map((e) => `\`${e.operation}\`${e.field ? ` \`${e.field}\`` : ''}: ${e.status}${e.source ? ` ([source](${e.source})${e.verified ? `, ${e.verified}` : ''})` : ''}`)
        .join('; ');
      evidence.push(`- **${escapeCell(p.name)}: ${a.value}**${a.note ? `: ${escapeCell(a.note)}` : ''}. ${proof}`);
    }
    evidence.push('');
  }
  return { grid: lines.join('\n'), evidence: evidence.join('\n').trimEnd() };
}
