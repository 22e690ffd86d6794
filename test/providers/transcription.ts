/**
 * The hand transcriptions of the providers' docs (test/fixtures/provider-claims/<id>.yaml), read
 * into the rows claims.test.ts compares with the overlays' claims. The format is described in the
 * header of test/fixtures/provider-claims/neosantara.yaml and in docs/x-compat.md.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseYaml } from '../../src/load/document.ts';
import { clean, readText, root, type ClaimRow, type Json } from './helpers.ts';

/** Keys a row's trailing mapping (or a mapping row) may carry beyond the positional ones. */
const EXTRA_KEYS = ['source', 'models', 'mode', 'rules', 'returned', 'statuses', 'notInApi', 'conflicts'] as const;

export interface Transcription {
  provider: string;
  server: string;
  auth: Json;
  models: string[];
  /** `[operation, status, note?, {source?, lifecycle?}?]`. */
  operations: unknown[][];
  /** Positional rows `[operation, location, field, status, note?, replacement?, {extra}?]` or mappings. */
  claims: unknown[];
  /** Source ids by `operation`, `operation location`, `operation location field` or `* location`. */
  sources?: Record<string, string>;
  /** The date every source was checked, or one per source id. */
  verified?: string | Record<string, string>;
  modes?: string[][];
  /** `[id, kind]` per behaviour. */
  behaviours?: string[][];
  unverified?: string[][];
  /** `"operation field": [component, ...]`: variants the docs do not name, where an unsupported field stays. */
  unsupportedStaysIn?: Record<string, string[]>;
}

export function transcriptionFile(id: string): string {
  return `test/fixtures/provider-claims/${id}.yaml`;
}

export function hasTranscription(id: string): boolean {
  return existsSync(path.join(root, transcriptionFile(id)));
}

export function transcription(id: string): Transcription {
  const file = transcriptionFile(id);
  return parseYaml(readText(file), file) as Transcription;
}

/** A positional or mapping row as one object; `~` (null) leaves a positional slot empty. */
function rowObject(raw: unknown): Json {
  if (!Array.isArray(raw)) return { ...(raw as Json) };
  const [operation, location, field, status, note, replacement, extra] = raw as unknown[];
  return { operation, location, field, status, note: note ?? undefined, replacement: replacement ?? undefined, ...((extra ?? {}) as Json) };
}

/** The profile's default source (the overlay's root `source`), as the fixture implies it. */
export function expectedRows(t: Transcription, defaultSource: string): ClaimRow[] {
  const operations = t.operations.map(([op]) => String(op));
  const opSource = (op: string) => operationFacts(t).find((o) => o.op === op)?.source;
  return t.claims.flatMap((raw) => {
    const row = rowObject(raw);
    const unknown = Object.keys(row).filter((k) => !['operation', 'location', 'field', 'status', 'note', 'replacement', ...EXTRA_KEYS].includes(k));
    if (unknown.length) throw new Error(`${t.provider}: row ${JSON.stringify(raw)} has unknown keys ${unknown.join(', ')}`);
    const operation = String(row.operation);
    return (operation === '*' ? operations : [operation]).map((op) => {
      const location = String(row.location);
      const field = String(row.field);
      const source =
        (row.source as string | undefined) ??
        t.sources?.[`${op} ${location} ${field}`] ??
        t.sources?.[`${operation} ${location} ${field}`] ??
        t.sources?.[`${operation} ${location}`] ??
        opSource(op) ??
        defaultSource;
      const extras = Object.fromEntries(EXTRA_KEYS.filter((k) => k !== 'source').map((k) => [k, row[k]]));
      return clean({ operation: op, location, field, status: row.status, note: row.note, replacement: row.replacement, source, ...extras }) as unknown as ClaimRow;
    });
  });
}

/** The operations rows as objects (`source` explicit only). */
export function operationFacts(t: Transcription): Json[] {
  return t.operations.map(([op, status, note, extra]) => clean({ op, status, note: note ?? undefined, source: t.sources?.[String(op)], ...((extra ?? {}) as Json) }));
}

/** The date a source should carry: per id, or one for all; undefined when the fixture gives none. */
export function verifiedDate(t: Transcription, sourceId: string): string | undefined {
  return typeof t.verified === 'string' ? t.verified : t.verified?.[sourceId];
}
