/**
 * The cross-provider matrix: providers × fields of the endpoints several providers offer. Shared
 * by MATRIX.md and the docs site.
 */
import { compareOperations } from './model.ts';
import type { Observation, ValueRule } from '../profile/types.ts';
import { fieldLocations, type CompatReport, type CompatStatus, type FieldCounts, type FieldLocation } from './types.ts';

export interface MatrixCell {
  status: CompatStatus;
  note?: string;
  /** What the probe saw (field rows only). */
  observed?: Observation;
  /** The status is the location's default. */
  byDefault?: boolean;
  /** The claim's value rules, when the probe observed the field (they decide whether it agrees). */
  rules?: ValueRule[];
}

export interface MatrixRow {
  operation: string;
  location: FieldLocation;
  field: string;
  /** One cell per profile, in `profiles` order; undefined where the profile does not offer the endpoint. */
  cells: (MatrixCell | undefined)[];
}

export interface Matrix {
  profiles: { id: string; name: string; offered: number; counts: FieldCounts }[];
  /** Every endpoint any profile offers, with each profile's status (undefined: not offered). */
  endpoints: { operation: string; cells: (MatrixCell | undefined)[] }[];
  /** Endpoints offered by at least `minProviders` providers other than the base profile. */
  common: string[];
  rows: MatrixRow[];
  /** Per common endpoint, how many base fields no provider documents (left out of `rows`). */
  undocumentedEverywhere: Record<string, number>;
  /**
   * Per common endpoint, how many nested fields are left out of `rows` because no provider claims
   * them: only a default or a claimed ancestor covers them (hundreds under `/responses`).
   */
  nestedByDefault: Record<string, number>;
}

export interface MatrixOptions {
  /** The profile every provider is compared with; not counted when deciding what is common. */
  baseProfile: string;
  minProviders: number;
}

export const defaultMatrixOptions: MatrixOptions = { baseProfile: 'openai', minProviders: 2 };

function cell(row: { status: CompatStatus; note?: string; observed?: Observation; byDefault?: boolean; rules?: ValueRule[] }): MatrixCell {
  const observed = row.observed ? { observed: row.observed, ...(row.rules ? { rules: row.rules } : {}) } : {};
  return { status: row.status, ...(row.note ? { note: row.note } : {}), ...observed, ...(row.byDefault ? { byDefault: true } : {}) };
}

export function buildMatrix(reports: readonly CompatReport[], options: MatrixOptions = defaultMatrixOptions): Matrix {
  // The base profile first, then providers by id: a stable column order.
  const ordered = [...reports].sort((a, b) =>
    a.provider.id === options.baseProfile ? -1 : b.provider.id === options.baseProfile ? 1 : a.provider.id < b.provider.id ? -1 : 1,
  );
  const profiles = ordered.map((r) => ({ id: r.provider.id, name: r.provider.name, offered: r.operations.filter((o) => o.offered).length, counts: r.counts }));

  const endpointCells = new Map<string, (MatrixCell | undefined)[]>();
  ordered.forEach((report, column) => {
    for (const op of report.operations) {
      if (!op.offered) continue;
      const cells = endpointCells.get(op.operation) ?? new Array<MatrixCell | undefined>(ordered.length).fill(undefined);
      cells[column] = cell(op);
      endpointCells.set(op.operation, cells);
    }
  });
  const endpoints = [...endpointCells.entries()].sort(([a], [b]) => compareOperations(a, b)).map(([operation, cells]) => ({ operation, cells }));
  const common = endpoints
    .filter((e) => e.cells.filter((c, i) => c !== undefined && ordered[i].provider.id !== options.baseProfile).length >= options.minProviders)
    .map((e) => e.operation);
  const commonSet = new Set(common);

  const rowsByKey = new Map<string, MatrixRow>();
  const documentedSomewhere = new Set<string>();
  // Listed: a field some provider claims, or a top-level one a default covers.
  const listed = new Set<string>();
  const baseFieldKeys = new Map<string, Set<string>>();
  ordered.forEach((report, column) => {
    const isBase = report.provider.id === options.baseProfile;
    for (const field of report.fields) {
      // Rows scoped to models or a mode are alternatives of the field's row: one cell per field.
      if (!commonSet.has(field.operation) || field.models || field.mode) continue;
      const key = `${field.operation}\u0000${field.location}\u0000${field.field}`;
      let row = rowsByKey.get(key);
      if (!row) {
        row = { operation: field.operation, location: field.location, field: field.field, cells: new Array(ordered.length).fill(undefined) };
        rowsByKey.set(key, row);
      }
      row.cells[column] = cell(field);
      if (!isBase && field.status !== 'undocumented') documentedSomewhere.add(key);
      if (!isBase && (field.claimed || (field.status !== 'undocumented' && !/[.[]/.test(field.field)))) listed.add(key);
      if (field.inBase) {
        const keys = baseFieldKeys.get(field.operation) ?? new Set<string>();
        keys.add(key);
        baseFieldKeys.set(field.operation, keys);
      }
    }
  });
  const rows = [...rowsByKey.entries()]
    .filter(([key]) => listed.has(key))
    .map(([, row]) => row)
    .sort(
      (a, b) =>
        compareOperations(a.operation, b.operation) ||
        fieldLocations.indexOf(a.location) - fieldLocations.indexOf(b.location) ||
        (a.field < b.field ? -1 : a.field > b.field ? 1 : 0),
    );
  const undocumentedEverywhere: Record<string, number> = {};
  const nestedByDefault: Record<string, number> = {};
  for (const operation of common) {
    undocumentedEverywhere[operation] = [...(baseFieldKeys.get(operation) ?? [])].filter((k) => !documentedSomewhere.has(k)).length;
    nestedByDefault[operation] = [...documentedSomewhere].filter((k) => k.startsWith(`${operation}\u0000`) && !listed.has(k)).length;
  }
  return { profiles, endpoints, common, rows, undocumentedEverywhere, nestedByDefault };
}
