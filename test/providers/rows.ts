/**
 * Claims as comparable rows, both from an applied overlay and from a hand transcription of the
 * docs (test/fixtures/provider-claims/<id>.yaml), in vocabulary v2: a field may hold a list of
 * claims scoped to models or a mode, a claim may carry rules, `returned`, `statuses`,
 * `notInApi` and `conflicts`, an operation may carry `defaults`. Sources are compared as the
 * claim's effective source (its own, else its operation's, else the profile's).
 */
import { clean, isObject, operationClaims, type Json } from './helpers.ts';

/** One claim of one field, flattened. */
export interface Row extends Json {
  operation: string;
  location: string;
  field: string;
  status: string;
  source: string;
}

/** A conflict as the fixture writes it: [status, source, note?, replacement?, {rules}?]. */
type ConflictTuple = unknown[];

/** The v2 keys a fixture row may carry in its trailing mapping. */
const V2_KEYS = ['models', 'mode', 'rules', 'returned', 'statuses', 'notInApi', 'conflicts'] as const;

export interface Transcription {
  provider: string;
  server: string;
  auth: Json;
  models: string[];
  /** Default source of the rows; the profile's root `source` when absent. */
  source?: string;
  modes?: string[];
  behaviours?: string[];
  operations: string[][];
  defaults?: string[][];
  claims: unknown[][];
  sources?: Record<string, string>;
  unverified?: string[][];
}

const scopeOf = (r: Json): string => [((r.models as string[] | undefined) ?? []).join(','), r.mode ?? ''].join('/');
export const rowKey = (r: Json): string => `${r.operation} | ${r.location} | ${r.field}${scopeOf(r) === '/' ? '' : ` | ${scopeOf(r)}`}`;
export const sortRows = <T extends Json>(rows: T[]): T[] => [...rows].sort((a, b) => rowKey(a).localeCompare(rowKey(b)));

function conflictRow(c: Json): Json {
  return clean({ status: c.status, source: c.source, note: c.note, replacement: c.replacement, rules: c.rules });
}

/** Every field claim of the applied overlay, one row per claim (a list gives one row each). */
export function specRows(spec: Json): Row[] {
  const root = spec['x-compat'] as Json;
  const rows: Row[] = [];
  for (const [operation, op] of operationClaims(spec)) {
    const fields = isObject(op.fields) ? op.fields : {};
    for (const [location, byField] of Object.entries(fields)) {
      for (const [field, value] of Object.entries(byField as Json)) {
        for (const c of [value].flat() as Json[]) {
          const extra = Object.fromEntries(V2_KEYS.map((k) => [k, k === 'conflicts' && Array.isArray(c[k]) ? (c[k] as Json[]).map(conflictRow) : c[k]]));
          const source = String(c.source ?? op.source ?? root.source);
          rows.push(clean({ operation, location, field, status: c.status, note: c.note, replacement: c.replacement, source, ...extra }) as Row);
        }
      }
    }
  }
  return rows;
}

/** The operations' `defaults`, one row per location, with their effective source. */
export function specDefaults(spec: Json): Json[] {
  const root = spec['x-compat'] as Json;
  return [...operationClaims(spec)].flatMap(([operation, op]) =>
    Object.entries((op.defaults ?? {}) as Json).map(([location, d]) => {
      const c = d as Json;
      return clean({ operation, location, status: c.status, note: c.note, source: String(c.source ?? op.source ?? root.source) });
    }),
  );
}

function fromConflict(t: ConflictTuple): Json {
  const [status, source, note, replacement, more] = t;
  return clean({ status, source, note: note ?? undefined, replacement: replacement ?? undefined, rules: isObject(more) ? more.rules : undefined });
}

/** The source a fixture gives a row: its own, else the most specific `sources` key, else the default. */
function fixtureSource(t: Transcription, fallback: string, op: string, written: string, keys: string[]): string {
  for (const k of keys) {
    const s = t.sources?.[`${op} ${k}`] ?? t.sources?.[`${written} ${k}`];
    if (s) return s;
  }
  return t.sources?.[op] ?? t.source ?? fallback;
}

/** The fixture's rows, `*` expanded to every operation. */
export function fixtureRows(t: Transcription, rootSource: string): Row[] {
  const operations = t.operations.map(([op]) => op);
  return t.claims.flatMap((row) => {
    const last = row.at(-1);
    const more = isObject(last) ? last : {};
    const [written, location, field, status, note, replacement] = (isObject(last) ? row.slice(0, -1) : row) as (string | null | undefined)[];
    return (written === '*' ? operations : [String(written)]).map((op) => {
      const source = (more.source as string | undefined) ?? fixtureSource(t, rootSource, op, String(written), [`${location} ${field}`, String(location)]);
      const extra = Object.fromEntries(V2_KEYS.map((k) => [k, k === 'conflicts' && Array.isArray(more[k]) ? (more[k] as ConflictTuple[]).map(fromConflict) : more[k]]));
      return clean({ operation: op, location, field, status, note: note ?? undefined, replacement: replacement ?? undefined, source, ...extra }) as Row;
    });
  });
}

/** The fixture's `defaults`, `*` expanded. */
export function fixtureDefaults(t: Transcription, rootSource: string): Json[] {
  const operations = t.operations.map(([op]) => op);
  return (t.defaults ?? []).flatMap(([written, location, status, note]) =>
    (written === '*' ? operations : [written]).map((op) =>
      clean({ operation: op, location, status, note, source: fixtureSource(t, rootSource, op, written, [`defaults ${location}`]) }),
    ),
  );
}
