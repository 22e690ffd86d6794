/**
 * Field rows grouped as providers' docs group them: simple fields, messages per role, content
 * parts, tools, query, headers, response, stream. Child rows that only repeat their parent
 * (same status, no note of their own) are folded into it.
 */
import type { FieldRow } from '../types.ts';

export interface FieldGroup {
  title: string;
  rows: FieldRow[];
}

const toolFields = /^(tools|tool_choice|parallel_tool_calls|functions|function_call)\b/;

function requestGroup(field: string): string {
  if (/^messages\b.*\bcontent\[/.test(field)) return 'Content parts';
  const role = /^messages\[role=([^\]]+)\]/.exec(field);
  if (role) return `Messages: \`${role[1]}\``;
  if (/^messages\b/.test(field)) return 'Messages';
  if (toolFields.test(field)) return 'Tools';
  return 'Request fields';
}

const locationGroups: Record<string, string> = {
  'request.query': 'Query parameters',
  'request.header': 'Request headers',
  'response.body': 'Response fields',
  'response.stream': 'Stream',
  'response.header': 'Response headers',
};

const order = ['Request fields', 'Messages', 'Messages: ', 'Content parts', 'Tools', 'Query parameters', 'Request headers', 'Response fields', 'Stream', 'Response headers'];
const rank = (title: string) => order.findIndex((o) => (o.endsWith(' ') ? title.startsWith(o) : title === o));

/** The nearest ancestor key of a field path (`tools[].function.strict` → `tools[].function`). */
export function parentKey(field: string): string | undefined {
  const m = /^(.*?)(\.[^.[\]]+|\[[^\]]*\])$/.exec(field);
  return m?.[1] || undefined;
}

/** Rows worth a line: claimed ones, except a child saying what its nearest claimed ancestor says. */
export function documentedRows(rows: readonly FieldRow[]): FieldRow[] {
  const claimed = rows.filter((r) => r.claimed && r.status !== 'undocumented');
  const byKey = new Map(claimed.map((r) => [`${r.location} ${r.field}`, r]));
  return claimed.filter((r) => {
    for (let p = parentKey(r.field); p; p = parentKey(p)) {
      const parent = byKey.get(`${r.location} ${p}`);
      if (parent) return parent.status !== r.status || (r.note !== undefined && r.note !== parent.note) || r.replacement !== parent.replacement;
    }
    return true;
  });
}

export function groupFields(rows: readonly FieldRow[]): FieldGroup[] {
  const groups = new Map<string, FieldRow[]>();
  for (const r of rows) {
    const title = r.location === 'request.body' ? requestGroup(r.field) : (locationGroups[r.location] ?? r.location);
    groups.set(title, [...(groups.get(title) ?? []), r]);
  }
  return [...groups.entries()].map(([title, rows]) => ({ title, rows })).sort((a, b) => rank(a.title) - rank(b.title) || (a.title < b.title ? -1 : 1));
}
