/**
 * Shared by the provider tests: the real base spec (normalized once src/normalize exports
 * normalizeSpec, raw until then), the provider overlays applied strictly, their claims as rows,
 * and a small walker from a field path to the schemas that define it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadDocument, parseYaml } from '../../src/load/document.ts';
import { parsePointer } from '../../src/load/pointer.ts';
import { applyOverlay } from '../../src/overlay/index.ts';
import { compileClaims } from '../../src/compile/compile.ts';
import { parseProfile } from '../../src/profile/parse.ts';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.ts';

export type Json = Record<string, unknown>;
export type ProviderId = string;
export const LOCATIONS = ['request.body', 'request.query', 'request.header', 'response.body', 'response.stream', 'response.header'] as const;
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

export const root = path.resolve(import.meta.dirname, '../..');
export const readText = (file: string): string => readFileSync(path.join(root, file), 'utf8');

/** Every provider: each folder of spec/providers/ holding an overlay (a new one is covered as it lands). */
export const PROVIDERS: readonly ProviderId[] = readdirSync(path.join(root, 'spec/providers'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(path.join(root, 'spec/providers', entry.name, 'overlay.yaml')))
  .map((entry) => entry.name)
  .sort();
export const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

let baseCache: { spec: Json; normalized: boolean } | undefined;

/** The real upstream spec, normalized when the normalize stage is there to do it. */
export async function baseSpec(): Promise<{ spec: Json; normalized: boolean }> {
  if (!baseCache) {
    const raw = parseYaml(readText('spec/base/openai.yaml'), 'spec/base/openai.yaml') as Json;
    const normalize = await loadNormalize();
    if (!normalize) baseCache = { spec: raw, normalized: false };
    else {
      const out = normalize(raw) as unknown;
      const spec = isObject(out) && isObject(out.document) ? out.document : isObject(out) && isObject(out.spec) ? out.spec : out;
      baseCache = { spec: spec as Json, normalized: true };
    }
  }
  return { spec: structuredClone(baseCache.spec), normalized: baseCache.normalized };
}

async function loadNormalize(): Promise<((spec: Json) => unknown) | undefined> {
  const file = path.join(root, 'src/normalize/index.ts');
  if (!existsSync(file)) return undefined;
  const mod = (await import(file)) as { normalizeSpec?: (spec: Json) => unknown };
  return mod.normalizeSpec;
}

export function overlayFile(id: ProviderId): string {
  return `spec/providers/${id}/overlay.yaml`;
}

export function loadOverlay(id: ProviderId): { value: Json; lineOf(pointer: string): number | undefined } {
  const file = overlayFile(id);
  return loadDocument(readText(file), file) as unknown as { value: Json; lineOf(pointer: string): number | undefined };
}

/** The provider's overlay applied strictly on the base spec (the build's mode), then the compiled claims. */
export async function appliedSpec(id: ProviderId): Promise<{ spec: Json; diagnostics: Diagnostic[] }> {
  const { spec } = await baseSpec();
  const overlay = loadOverlay(id);
  const result = applyOverlay(spec, overlay.value, { strict: true, file: overlayFile(id), lineOf: overlay.lineOf, inPlace: true });
  // Then the schema edits the build compiles from the claims, as resolve does.
  const applied = result.document as Json;
  const compiled = compileClaims(applied, parseProfile(applied, { id }).model, { firstIndex: (overlay.value.actions as unknown[]).length });
  return { spec: applied, diagnostics: [...result.diagnostics, ...compiled.diagnostics] };
}

/** `POST /chat/completions` for every operation of the spec carrying an x-compat. */
export function operationClaims(spec: Json): Map<string, Json> {
  const out = new Map<string, Json>();
  for (const [p, item] of Object.entries(spec.paths as Json)) {
    if (!isObject(item)) continue;
    for (const m of METHODS) {
      const op = item[m];
      if (isObject(op) && isObject(op['x-compat'])) out.set(`${m.toUpperCase()} ${p}`, op['x-compat']);
    }
  }
  return out;
}

export function operationOf(spec: Json, key: string): Json {
  const [method, p] = key.split(' ');
  return ((spec.paths as Json)[p] as Json)[method.toLowerCase()] as Json;
}

export interface ClaimRow {
  operation: string;
  location: string;
  field: string;
  status: string;
  note?: string;
  replacement?: string;
  source?: string;
}

/** Every unscoped field claim of the applied overlay, one row each. */
export function claimRows(spec: Json): ClaimRow[] {
  const rows: ClaimRow[] = [];
  for (const [operation, claim] of operationClaims(spec)) {
    const fields = isObject(claim.fields) ? claim.fields : {};
    for (const [location, byField] of Object.entries(fields)) {
      for (const [field, value] of Object.entries(byField as Json)) {
        // a list holds claims scoped to models or modes: the unscoped one is the schema's
        const c = ([value].flat() as Json[]).find((x) => x.models === undefined && x.mode === undefined);
        if (c === undefined) continue;
        const { status, note, replacement, source } = c as Json;
        rows.push(clean({ operation, location, field, status, note, replacement, source }) as unknown as ClaimRow);
      }
    }
  }
  return rows;
}

export function clean(o: Json): Json {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}

export function deref(spec: Json, node: unknown): unknown {
  let n = node;
  for (let i = 0; isObject(n) && typeof n.$ref === 'string' && i < 50; i++) {
    let target: unknown = spec;
    for (const token of parsePointer(n.$ref.slice(1))) target = isObject(target) ? target[token] : Array.isArray(target) ? target[Number(token)] : undefined;
    n = target;
  }
  return n;
}

/**
 * The schemas a field path leads to from a body schema, through $ref, allOf/anyOf/oneOf
 * variants and array items (`messages[].name`: every message variant's `name`). An empty result
 * means no variant has the field.
 */
export function schemasAt(spec: Json, bodySchema: unknown, field: string): Json[] {
  let current: Json[] = [bodySchema as Json];
  for (const segment of field.split('.')) {
    const isArray = segment.endsWith('[]');
    const name = isArray ? segment.slice(0, -2) : segment;
    let next = current.flatMap((s) => variants(spec, s)).flatMap((s) => (isObject(s.properties) && name in s.properties ? [s.properties[name] as Json] : []));
    if (isArray) next = next.flatMap((s) => variants(spec, s)).flatMap((s) => (isObject(s.items) ? [s.items] : []));
    current = next;
  }
  return current.flatMap((s) => variants(spec, s));
}

/** A schema and, recursively, its $ref target and composition members. */
export function variants(spec: Json, schema: unknown, seen = new Set<unknown>()): Json[] {
  if (!isObject(schema) || seen.has(schema)) return [];
  seen.add(schema);
  // A $ref keeps its siblings (3.1): `{ $ref, deprecated: true }` is one variant, its target another.
  if (typeof schema.$ref === 'string') return [schema, ...variants(spec, deref(spec, schema), seen)];
  const members = ['allOf', 'anyOf', 'oneOf'].flatMap((k) => (Array.isArray(schema[k]) ? (schema[k] as unknown[]) : []));
  return [schema, ...members.flatMap((m) => variants(spec, m, seen))];
}

/** The JSON request body schema of an operation (JSON or multipart). */
export function requestSchema(spec: Json, operationKey: string): unknown {
  const content = ((deref(spec, operationOf(spec, operationKey).requestBody) as Json)?.content ?? {}) as Json;
  const media = (content['application/json'] ?? content['multipart/form-data']) as Json;
  return media.schema;
}

/** The 200 JSON response schema of an operation. */
export function responseSchema(spec: Json, operationKey: string): unknown {
  const ok = deref(spec, (operationOf(spec, operationKey).responses as Json)['200']) as Json;
  return ((ok.content as Json)['application/json'] as Json).schema;
}

/** Names of the component schemas reachable from a node (following $ref transitively). */
export function reachableSchemas(spec: Json, node: unknown): Set<string> {
  const names = new Set<string>();
  const visit = (n: unknown): void => {
    if (Array.isArray(n)) return n.forEach(visit);
    if (!isObject(n)) return;
    for (const [k, v] of Object.entries(n)) {
      if (k === '$ref' && typeof v === 'string') {
        const m = /^#\/components\/(schemas|responses|headers)\/(.+)$/.exec(v);
        if (m && !names.has(`${m[1]}/${m[2]}`)) {
          names.add(`${m[1]}/${m[2]}`);
          visit(((spec.components as Json)[m[1]] as Json)[m[2]]);
        }
      } else if (k !== 'x-oaiMeta' && k !== 'x-compat') visit(v);
    }
  };
  visit(node);
  return names;
}
