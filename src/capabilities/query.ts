/**
 * The capability query language (spec/capabilities.yaml, docs/capabilities.md): a leaf names an
 * operation and optionally a field with the statuses that satisfy it and a value the field must
 * accept; `all` and `any` combine queries. Parsed with located errors; evaluated in evaluate.ts.
 */
import { diagnosticError } from '../diagnostics/diagnostic.ts';
import { claimStatuses, fieldLocations, type ClaimStatus, type FieldLocation } from '../profile/types.ts';

export interface LeafQuery {
  operation: string;
  location: FieldLocation;
  /** Field keys tried in order (aliases: a v2 variant selector, then its older spelling); empty: the operation itself. */
  fields: string[];
  /** Statuses that satisfy the query (`partial` gives a partial answer). */
  status: ClaimStatus[];
  /** A value the field must accept: a value rule rejecting or ignoring it answers `no`. */
  value?: unknown;
}

export type Query = LeafQuery | { all: Query[] } | { any: Query[] };

export interface Capability {
  id: string;
  title: string;
  definition: string;
  query: Query;
}

export const defaultSatisfying: ClaimStatus[] = ['supported', 'partial', 'extension', 'deprecated'];

const file = 'spec/capabilities.yaml';

function fail(pointer: string, message: string, hint: string): never {
  throw diagnosticError({ code: 'capability-invalid', message, hint, location: { file, pointer } }, 1);
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function parseQuery(value: unknown, pointer: string): Query {
  if (!isObject(value)) fail(pointer, 'a query must be an object', 'write `{ operation, field?, status?, value? }`, or `all:`/`any:` with a list of queries');
  for (const key of ['all', 'any'] as const) {
    if (key in value) {
      const items = value[key];
      if (!Array.isArray(items) || items.length === 0) fail(`${pointer}/${key}`, `\`${key}\` must be a non-empty list of queries`, 'list at least one query');
      const parsed = items.map((q, i) => parseQuery(q, `${pointer}/${key}/${i}`));
      return key === 'all' ? { all: parsed } : { any: parsed };
    }
  }
  const { operation, location = 'request.body', field, fields, status = defaultSatisfying } = value;
  if (typeof operation !== 'string' || !/^[A-Z]+ \//.test(operation)) fail(`${pointer}/operation`, '`operation` must be an operation key such as `POST /chat/completions`', 'name the method and the path as in the spec');
  if (!fieldLocations.includes(location as FieldLocation)) fail(`${pointer}/location`, `unknown location \`${String(location)}\``, `use one of ${fieldLocations.join(', ')}`);
  const names = fields ?? (field === undefined ? [] : [field]);
  if (!Array.isArray(names) || names.some((n) => typeof n !== 'string')) fail(`${pointer}/fields`, '`field` must be a string and `fields` a list of strings', 'write the field key as in x-compat');
  if (!Array.isArray(status) || status.some((s) => !claimStatuses.includes(s as ClaimStatus))) fail(`${pointer}/status`, '`status` must be a list of claim statuses', `use ${claimStatuses.join(', ')}`);
  return { operation, location: location as FieldLocation, fields: names as string[], status: status as ClaimStatus[], ...('value' in value ? { value: value.value } : {}) };
}

export function parseCapabilities(document: unknown): Capability[] {
  if (!isObject(document) || !Array.isArray(document.capabilities)) fail('', 'the file must hold `capabilities:`, a list', 'see docs/capabilities.md');
  const seen = new Set<string>();
  return document.capabilities.map((c, i) => {
    const pointer = `/capabilities/${i}`;
    if (!isObject(c)) fail(pointer, 'a capability must be an object', 'write `{ id, title, definition, query }`');
    const { id, title, definition, query } = c;
    if (typeof id !== 'string' || !/^[a-z][a-z0-9_]*$/.test(id)) fail(`${pointer}/id`, '`id` must be snake_case', 'use lower-case letters, digits and `_`');
    if (seen.has(id)) fail(`${pointer}/id`, `capability \`${id}\` is defined twice`, 'give each capability its own id');
    seen.add(id);
    if (typeof title !== 'string' || typeof definition !== 'string') fail(pointer, '`title` and `definition` must be strings', 'write a short title and a one-sentence definition');
    return { id, title, definition, query: parseQuery(query, `${pointer}/query`) };
  });
}
