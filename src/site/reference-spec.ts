/**
 * The spec an API reference is rendered from: the provider's resolved spec with the upstream
 * prose, examples and contact details taken out (they speak of OpenAI: its docs links, its model
 * names, its terms) and the provider's facts and claims put in: title, server, auth and models
 * in `info.description`, each operation's status, and each field's status and note in its
 * description, so the reference (and its search) shows them inline.
 */
import type { CompatReport, FieldRow } from '../compat/types.ts';
import { authHeader } from '../compat/page/quick-start.ts';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Keys holding upstream prose or samples, dropped everywhere (own schemas, parameters, tags, responses). */
const upstreamKeys = new Set(['description', 'example', 'examples', 'externalDocs', 'x-oaiMeta', 'termsOfService', 'contact', 'license']);

/** OpenAI's model names, as they appear in `enum`s and `default`s of the upstream schemas. */
const upstreamModel = /^(gpt-|chatgpt-|o[1-9](-|$)|dall-e|tts-|text-embedding-|text-moderation|omni-moderation|babbage|davinci|computer-use|codex-|sora-)/;

function strip(value: unknown, keep: (key: string, parent: Json) => boolean, ownModels: ReadonlySet<string>, inMap = false): unknown {
  if (Array.isArray(value)) return value.map((v) => strip(v, keep, ownModels));
  if (!isObject(value)) return value;
  const out: Json = {};
  const upstreamName = (v: unknown) => typeof v === 'string' && upstreamModel.test(v) && !ownModels.has(v);
  for (const [k, v] of Object.entries(value)) {
    // The keys of `properties` are field names (a field may be called `description`).
    if (!inMap && upstreamKeys.has(k) && !keep(k, value)) continue;
    if (!inMap && k === 'default' && upstreamName(v)) continue;
    if (!inMap && k === 'enum' && Array.isArray(v) && v.some(upstreamName)) {
      const rest = v.filter((x) => !upstreamName(x));
      if (rest.length) out.enum = rest;
      continue;
    }
    out[k] = strip(v, keep, ownModels, !inMap && (k === 'properties' || k === 'patternProperties' || k === 'schemas' || k === 'paths' || k === 'responses' || k === 'parameters' || k === 'securitySchemes' || k === 'headers' || k === 'requestBodies' || k === 'content'));
  }
  return out;
}

function deref(spec: Json, schema: unknown): Json | undefined {
  let s = schema;
  for (let i = 0; i < 20 && isObject(s) && typeof s.$ref === 'string'; i++) {
    s = s.$ref.slice(2).split('/').reduce<unknown>((node, key) => (isObject(node) ? node[key.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined), spec);
  }
  return isObject(s) ? s : undefined;
}

/**
 * The places (property entries) a field path names in a schema: `.name` through properties, `[]`
 * through items, across allOf/anyOf/oneOf branches. Shared components get the text once, which
 * is right for the providers' few operations.
 */
function fieldSlots(spec: Json, schema: unknown, path: string): Json[] {
  const segments = path.match(/[^.[\]]+|\[[^\]]*\]/g) ?? [];
  let current: Json[] = [];
  const expand = (s: unknown): Json[] => {
    const d = deref(spec, s);
    if (!d) return [];
    return [d, ...(['allOf', 'anyOf', 'oneOf'] as const).flatMap((k) => (Array.isArray(d[k]) ? (d[k] as unknown[]).flatMap(expand) : []))];
  };
  let nodes = expand(schema);
  for (const segment of segments) {
    if (segment.startsWith('[')) {
      nodes = nodes.flatMap((n) => expand(n.items));
      current = [];
      continue;
    }
    current = nodes.map((n) => (isObject(n.properties) ? n.properties[segment] : undefined)).filter(isObject);
    nodes = current.flatMap(expand);
  }
  return current;
}

function statusText(row: { status: string; note?: string; replacement?: string }): string {
  const replacement = row.replacement && !(row.note ?? '').includes(row.replacement) ? ` Use \`${row.replacement}\` instead.` : '';
  return `**${row.status[0].toUpperCase()}${row.status.slice(1)}** at this provider.${row.note ? ` ${row.note}.`.replace(/\.\.$/, '.') : ''}${replacement}`;
}

function jsonBody(container: unknown): unknown {
  const content = isObject(container) && isObject(container.content) ? container.content : undefined;
  return content && isObject(content['application/json']) ? content['application/json'].schema : undefined;
}

export function referenceSpec(resolved: Json, report: CompatReport, pageUrl = 'index.html'): Json {
  const ownModels = new Set(report.provider.models ?? []);
  const spec = strip(resolved, (key, parent) => key === 'description' && (parent.type === 'http' || parent.type === 'apiKey'), ownModels) as Json;
  delete spec['x-compat'];
  const p = report.provider;
  const auth = p.auth ? `\`${authHeader(p.auth)}\`, the key in \`${p.auth.env}\`` : 'see the provider';
  spec.info = {
    title: `${p.name} API`,
    version: (resolved.info as Json | undefined)?.version ?? '',
    description: [
      `The ${p.name} API as its docs describe it, with each endpoint's and field's status. The [compatibility page](${pageUrl}) lists the differences.`,
      '',
      `- Base URL: \`${p.baseUrl}\``,
      `- Authentication: ${auth}`,
      `- Models: ${p.models?.length ? p.models.map((m) => `\`${m}\``).join(', ') : 'not named in the docs'}`,
    ].join('\n'),
  };
  spec.servers = [{ url: p.baseUrl, description: p.name }];
  const byOperation = new Map<string, FieldRow[]>();
  for (const r of report.fields) if (r.status !== 'undocumented') byOperation.set(r.operation, [...(byOperation.get(r.operation) ?? []), r]);
  for (const op of report.operations.filter((o) => o.offered)) {
    const [method, route] = op.operation.split(' ');
    const operation = (spec.paths as Json | undefined)?.[route] && ((spec.paths as Json)[route] as Json)[method.toLowerCase()];
    if (!isObject(operation)) continue;
    delete operation['x-compat'];
    // Upstream summaries are sometimes paragraphs of OpenAI prose: only a short title stays.
    if (typeof operation.summary !== 'string' || !/^[\w ,'()/-]{1,60}$/.test(operation.summary)) operation.summary = op.operation;
    // The claims, and the top-level fields a default covers, again as a table: unsupported fields
    // are gone from the schema, and Redoc's search indexes operation descriptions, not schema
    // fields, so this is what makes a field name findable.
    const rows = (byOperation.get(op.operation) ?? []).filter((r) => r.claimed || (r.byDefault && !/[.[]/.test(r.field)));
    const cell = (r: FieldRow) => `${r.byDefault ? 'by default' : ''}${r.byDefault && r.note ? ': ' : ''}${r.note ?? ''}`.replace(/\|/g, '\\|');
    const table = rows.length
      ? ['', '', '| Field | Where | Status | Note |', '|---|---|---|---|', ...rows.map((r) => `| \`${r.field}\` | ${r.location} | ${r.status} | ${cell(r)} |`)].join('\n')
      : '';
    operation.description = `${statusText(op)}${table}`;
    for (const row of byOperation.get(op.operation) ?? []) annotate(spec, operation, row);
  }
  return spec;
}

function annotate(spec: Json, operation: Json, row: FieldRow): void {
  const text = statusText(row);
  if (row.location === 'request.header' || row.location === 'request.query') {
    const where = row.location === 'request.header' ? 'header' : 'query';
    for (const param of (operation.parameters as unknown[] | undefined) ?? []) {
      const d = deref(spec, param);
      if (d && d.in === where && String(d.name).toLowerCase() === row.field.toLowerCase()) d.description = text;
    }
    return;
  }
  if (row.location === 'response.header') return; // shared response objects: said once on the compatibility page
  const schema = row.location === 'request.body' ? jsonBody(deref(spec, operation.requestBody)) : jsonBody(deref(spec, (operation.responses as Json | undefined)?.['200']));
  for (const slot of fieldSlots(spec, schema, row.field)) slot.description = text;
}
