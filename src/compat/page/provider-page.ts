/**
 * A provider's compatibility page as blocks (COMPATIBILITY.md and the site page say the same):
 * quick start, key differences, capabilities, endpoints, then per endpoint the grouped field
 * tables; repeated notes and the sources written once, as numbered notes; what is not offered
 * and what the docs never mention in collapsed appendices. Only the provider's own words:
 * nothing of the upstream spec's descriptions is copied.
 */
import type { CapabilitiesDocument } from '../../capabilities/evaluate.ts';
import type { ProfileModel } from '../../profile/types.ts';
import { describeCounts, documentedCount, emptyCounts, statusSummary } from '../counts.ts';
import type { CompatReport, CompatStatus, FieldCounts, FieldRow, OperationRow } from '../types.ts';
import { behaviourBlocks, byDefault, errorBlocks, lifecycleText, modelScoped } from './profile-facts.ts';
import { observationNote, statusWithObservation } from './observed.ts';
import type { Block } from './blocks.ts';
import { documentedRows, groupFields } from './field-groups.ts';
import { quickStart } from './quick-start.ts';

export interface PageLinks {
  /** Where a capability's evidence across providers is. */
  capability(id: string, title: string): string;
  /** The provider's API reference, when there is one. */
  reference?: string;
}

export interface ProviderPageInput {
  report: CompatReport;
  /** The typed profile: behaviours, lifecycle, defaults and model-scoped claims. */
  model?: ProfileModel;
  /** The provider's row of capabilities.json, with the capability titles. */
  capabilities?: { list: CapabilitiesDocument['capabilities']; answers: CapabilitiesDocument['providers'][number]['capabilities'] };
  links: PageLinks;
}

/** Notes and sources, each written once per page and referred to by number. */
class Footnotes {
  readonly notes: string[] = [];
  private readonly repeated: Set<string>;
  constructor(allNotes: readonly string[]) {
    const seen = new Set<string>();
    this.repeated = new Set(allNotes.filter((n) => (seen.has(n) ? true : (seen.add(n), false))));
  }
  /** The note itself when it is said once on the page; else a reference to the numbered note. */
  cite(note: string): string {
    if (!this.repeated.has(note)) return note;
    let i = this.notes.indexOf(note);
    if (i < 0) i = this.notes.push(note) - 1;
    return `see note ${i + 1}`;
  }
}

function noteText(row: { note?: string; replacement?: string }): string | undefined {
  const replacement = row.replacement && !/\binstead\b/.test(row.note ?? '') && !(row.note ?? '').includes(row.replacement) ? `use \`${row.replacement}\` instead` : undefined;
  return [row.note, replacement].filter(Boolean).join('; ') || undefined;
}

export function buildProviderPage(input: ProviderPageInput): Block[] {
  const { report, links } = input;
  const p = report.provider;
  const documents = p.documents ?? [];
  const defaultSource = documents[0]?.url;
  const sourceNumber = new Map(documents.map((d, i) => [d.url, i + 1]));
  const offered = report.operations.filter((o) => o.offered);
  const rowsByOp = new Map<string, FieldRow[]>();
  for (const r of report.fields) rowsByOp.set(r.operation, [...(rowsByOp.get(r.operation) ?? []), r]);
  const shown = new Map(offered.map((o) => [o.operation, documentedRows(rowsByOp.get(o.operation) ?? [])]));
  const footnotes = new Footnotes([...offered.map(noteText), ...[...shown.values()].flat().map(noteText)].filter((n): n is string => n !== undefined));

  const cite = (row: { note?: string; replacement?: string; source?: string; thirdParty?: boolean; operation?: string; location?: string; field?: string }) => {
    const parts = [noteText(row)].filter((n): n is string => n !== undefined).map((n) => footnotes.cite(n));
    const scoped = row.location && row.field ? modelScoped(input.model, row.operation!, row.location, row.field) : undefined;
    if (scoped) parts.push(scoped);
    const text = parts.join('; ');
    if (!row.source || (row.source === defaultSource && !row.thirdParty)) return text;
    const number = sourceNumber.get(row.source) ?? row.source;
    // A claim whose only source is a third party's page is shown as unverified.
    const marker = row.thirdParty ? `(unverified: third-party source ${number})` : `(source ${number})`;
    return text ? `${text} ${marker}` : marker;
  };

  const blocks: Block[] = [
    { kind: 'heading', level: 1, text: `${p.name}: OpenAI API compatibility` },
    {
      kind: 'para',
      text: `${offered.length} endpoint${offered.length === 1 ? '' : 's'} offered; ${describeCounts(report.counts)}. The tables list the claimed fields; a field that only repeats its parent is folded into it.${defaultSource ? ` Unless marked, every claim comes from source 1 (see [Sources](#sources)).` : ''}`,
    },
    ...quickStart(report),
  ];
  if (links.reference) blocks.push({ kind: 'para', text: `The [API reference](${links.reference}) shows every endpoint and field with its status.` });

  const differences = [...lifecycleText(input.model), ...keyDifferences(report, offered, shown)];
  if (differences.length) blocks.push({ kind: 'heading', level: 2, text: 'Key differences' }, { kind: 'list', items: differences });
  blocks.push(...behaviourBlocks(input.model));

  if (input.capabilities) {
    const { list, answers } = input.capabilities;
    blocks.push(
      { kind: 'heading', level: 2, text: 'Capabilities' },
      {
        kind: 'table',
        head: ['Capability', 'Answer', 'Note'],
        className: 'capabilities',
        rows: list.map((c) => [`[${c.title}](${links.capability(c.id, c.title)})`, answers[c.id].value, answers[c.id].note ?? '']),
      },
    );
  }

  blocks.push({ kind: 'heading', level: 2, text: 'Endpoints' }, {
    kind: 'table',
    head: ['Endpoint', 'Status', 'Fields documented', 'Note'],
    rows: offered.map((o) => [`[\`${o.operation}\`](#${endpointSlug(o.operation)})`, o.status, fieldsDocumented(o.counts), cite(o)]),
  });
  for (const op of offered) blocks.push(...endpointSection(op, shown.get(op.operation) ?? [], rowsByOp.get(op.operation) ?? [], cite, byDefault(input.model, op.operation)));

  blocks.push(...errorBlocks(input.model));
  if (footnotes.notes.length) blocks.push({ kind: 'heading', level: 2, text: 'Notes' }, { kind: 'list', ordered: true, items: footnotes.notes });
  if (documents.length) {
    blocks.push({ kind: 'heading', level: 2, text: 'Sources' }, {
      kind: 'list',
      ordered: true,
      items: documents.map((d) => `[${d.title ?? d.url}](${d.url}), verified ${d.verified}${d.thirdParty ? ' (a third party: claims citing only it are unverified)' : ''}${d.note ? `: ${d.note}` : ''}`),
    });
  }
  blocks.push(...notOffered(report.operations.filter((o) => !o.offered)));
  return blocks;
}

/** `12 (10 supported, 2 ignored)`: the endpoint table's cell, from the endpoint's counts. */
function fieldsDocumented(counts: FieldCounts | undefined): string {
  const c = counts ?? emptyCounts();
  return `${documentedCount(c)}${documentedCount(c) ? ` (${statusSummary(c)})` : ''}`;
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The anchor of an endpoint heading (`POST /chat/completions` → `post-chatcompletions`, GitHub's rule). */
export function endpointSlug(operation: string): string {
  return operation.toLowerCase().replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '').replace(/ /g, '-');
}

function keyDifferences(report: CompatReport, offered: readonly OperationRow[], shown: ReadonlyMap<string, FieldRow[]>): string[] {
  const items = [...(report.provider.notes ?? [])];
  const names = (rows: FieldRow[]) => {
    const list = rows.map((r) => `\`${r.field}\``);
    return list.length > 8 ? `${list.slice(0, 8).join(', ')} and ${list.length - 8} more` : list.join(', ');
  };
  for (const op of offered) {
    const rows = (shown.get(op.operation) ?? []).filter((r) => r.location.startsWith('request'));
    const said: [string, CompatStatus][] = [['rejected or absent', 'unsupported'], ['accepted but ignored', 'ignored'], ['limited', 'partial'], ['the provider\'s own', 'extension']];
    const parts = said.map(([label, s]) => [label, rows.filter((r) => r.status === s)] as const).filter(([, r]) => r.length).map(([label, r]) => `${label}: ${names(r)}`);
    if (parts.length) items.push(`\`${op.operation}\`: ${parts.join('; ')}.`);
  }
  return items;
}

function endpointSection(op: OperationRow, rows: FieldRow[], all: FieldRow[], cite: (r: FieldRow | OperationRow) => string, defaults: string[]): Block[] {
  const undocumented = all.filter((r) => r.status === 'undocumented');
  const blocks: Block[] = [
    { kind: 'heading', level: 2, text: `\`${op.operation}\`` },
    { kind: 'para', text: `**${op.status}**${cite(op) ? `: ${cite(op)}` : ''}. ${capitalize(describeCounts(op.counts ?? emptyCounts()))}.` },
  ];
  if (defaults.length) blocks.push({ kind: 'list', items: defaults });
  for (const group of groupFields(rows)) {
    const header = group.title.endsWith('headers') ? 'Header' : group.title === 'Query parameters' ? 'Parameter' : 'Field';
    blocks.push(
      { kind: 'heading', level: 3, text: group.title },
      {
        kind: 'table',
        head: [header, 'Status', 'Note'],
        className: 'fields',
        rows: group.rows.map((r) => [`\`${r.field}\``, statusWithObservation(r.status, r.observed, r.rules), [cite(r), observationNote(r.status, r.observed, r.rules)].filter(Boolean).join('; ')]),
        rowData: group.rows.map((r) => ({ field: r.field, location: r.location })),
      },
    );
  }
  if (undocumented.length) {
    // Only the top-level names: nested ones (thousands on `/responses`) are counted, not listed.
    const top = undocumented.filter((r) => !/[.[]/.test(r.field));
    const byLocation = new Map<string, string[]>();
    for (const r of top) byLocation.set(r.location, [...(byLocation.get(r.location) ?? []), `\`${r.field}\``]);
    blocks.push({
      kind: 'details',
      summary: `${undocumented.length} OpenAI fields of \`${op.operation}\` the docs do not mention`,
      blocks: [
        { kind: 'para', text: `Their status is unknown. Top-level ones (the other ${undocumented.length - top.length} are nested in them or in documented fields):` },
        { kind: 'list', items: [...byLocation.entries()].map(([location, names]) => `${location}: ${names.join(', ')}`) },
      ],
    });
  }
  return blocks;
}

function notOffered(rows: readonly OperationRow[]): Block[] {
  if (!rows.length) return [];
  // Those a source speaks of are listed; the rest counted by the path's first segment.
  const claimed = rows.filter((r) => r.source !== undefined);
  const byArea = new Map<string, number>();
  for (const r of rows.filter((r) => r.source === undefined)) {
    const area = r.operation.split(' ')[1].split('/')[1] ?? '';
    byArea.set(area, (byArea.get(area) ?? 0) + 1);
  }
  const items = [
    ...claimed.map((r) => `\`${r.operation}\`: ${r.status}${noteText(r) ? `, ${noteText(r)}` : ''}`),
    ...(byArea.size ? [`Not mentioned by the docs: ${[...byArea.entries()].map(([area, n]) => `\`/${area}\` (${n})`).join(', ')}`] : []),
  ];
  return [{ kind: 'details', summary: `${rows.length} OpenAI endpoints not offered`, blocks: [{ kind: 'list', items }] }];
}
