/**
 * Puts the provider's request-field claims into a copy of the spec so openapi-typescript's JSDoc
 * carries them: `ignored`/`deprecated` fields get `deprecated: true` and the note, `partial` and
 * `extension` fields a note. A component schema that other operations (or responses) also use is
 * forked for the claiming operation first, so one operation's claims never leak into another's types.
 */
import type { OpenAPIDocument } from '../build/types.ts';
import { HTTP_METHODS } from '../load/openapi.ts';
import type { Claim, ProfileModel } from '../profile/types.ts';
import { plainClaims } from '../profile/select.ts';
import { isObject } from './operations.ts';

/** Descriptions starting with this are rewritten into the `@deprecated` tag after generation. */
export const DEPRECATION_MARKER = '[oai-compat:deprecated] ';

const SCHEMA_REF = '#/components/schemas/';

interface Root {
  id: string;
  value: unknown;
}

export function annotateClaims(spec: OpenAPIDocument, providerName: string, model: ProfileModel): { spec: OpenAPIDocument; annotated: number } {
  const claiming = claimingOperations(spec, model);
  if (!claiming.length) return { spec, annotated: 0 };
  const copy = structuredClone(spec);
  const schemas: Record<string, any> = (copy.components as any)?.schemas ?? {};
  const users = schemaUsers(copy, schemas);
  let annotated = 0;

  for (const { path, method, opId, claims } of claiming) {
    const op = (copy.paths as any)[path][method];
    const rootId = `${method} ${path} request`;
    const forks = new Map<string, string>();
    /** The component to mutate for this operation: itself when only this request uses it, else a fork. */
    const own = (name: string): string => {
      const seen = users.get(name);
      if (!seen || (seen.size === 1 && seen.has(rootId))) return name;
      let fork = forks.get(name);
      if (!fork) {
        fork = `${name}__${opId}`;
        forks.set(name, fork);
        schemas[fork] = structuredClone(schemas[name]);
        users.set(fork, new Set([rootId]));
        retargetMappings(schemas[fork], name, fork);
      }
      return fork;
    };
    /** Calls `fn` on the schema at holder[key] and on every schema it composes (refs, allOf/anyOf/oneOf). */
    const visit = (holder: any, key: string | number, fn: (schema: any) => void, depth = 0, parent?: any): void => {
      let schema = holder[key];
      if (!isObject(schema) || depth > 16) return;
      if (typeof schema.$ref === 'string' && schema.$ref.startsWith(SCHEMA_REF)) {
        const name = decodeURIComponent(schema.$ref.slice(SCHEMA_REF.length));
        const target = own(name);
        if (target !== name) {
          schema.$ref = `${SCHEMA_REF}${target}`;
          retargetMappings(parent, name, target);
        }
        visit(schemas, target, fn, depth + 1);
      }
      fn(schema);
      for (const combinator of ['allOf', 'anyOf', 'oneOf']) {
        if (Array.isArray(schema[combinator])) schema[combinator].forEach((_: unknown, i: number) => visit(schema[combinator], i, fn, depth + 1, schema));
      }
    };
    const content = op.requestBody?.content;
    if (!isObject(content)) continue;
    for (const [field, claim] of Object.entries(claims)) {
      const note = noteFor(claim, providerName);
      if (!note) continue;
      const segments = field.split('.').map((s) => ({ key: s.replace(/\[\]$/, ''), each: s.endsWith('[]') }));
      const atDepth = (d: number) => (schema: any) => {
        const props = schema.properties;
        if (!isObject(props) || !isObject(props[segments[d].key])) return;
        if (d === segments.length - 1) {
          annotate(props[segments[d].key], note, claim);
          annotated++;
        } else if (segments[d].each) visit(props, segments[d].key, (s) => isObject(s.items) && visit(s, 'items', atDepth(d + 1)));
        else visit(props, segments[d].key, atDepth(d + 1));
      };
      for (const media of Object.values<any>(content)) if (isObject(media) && media.schema) visit(media, 'schema', atDepth(0));
    }
  }
  return { spec: copy, annotated };
}

function claimingOperations(spec: OpenAPIDocument, model: ProfileModel): { path: string; method: string; opId: string; claims: Record<string, Claim> }[] {
  const found: { path: string; method: string; opId: string; claims: Record<string, Claim> }[] = [];
  for (const op of model.operations) {
    const method = op.method.toLowerCase();
    const operation = (spec.paths?.[op.path] as Record<string, any> | undefined)?.[method];
    const claims = plainClaims(op, 'request.body');
    if (isObject(operation) && Object.keys(claims).length) {
      const opId = String(operation.operationId ?? `${method}${op.path}`).replace(/[^A-Za-z0-9_]/g, '_');
      found.push({ path: op.path, method, opId, claims });
    }
  }
  return found;
}

function noteFor(claim: Claim, provider: string): string | undefined {
  const note = claim.note ? `: ${claim.note}` : '';
  const instead = claim.replacement && !claim.note?.includes(claim.replacement) ? ` Use \`${claim.replacement}\` instead.` : '';
  switch (claim.status) {
    case 'ignored':
      return `Ignored by ${provider}${note}.${instead}`;
    case 'deprecated':
      return `Deprecated by ${provider}${note}.${instead}`;
    case 'partial':
      return `Partial support on ${provider}${note}.`;
    case 'extension':
      return `${provider} extension${note}.`;
    default:
      return undefined;
  }
}

function annotate(property: any, note: string, claim: Claim): void {
  const original = typeof property.description === 'string' && property.description.trim() ? `\n\n${property.description}` : '';
  if (claim.status === 'ignored' || claim.status === 'deprecated') {
    property.deprecated = true;
    property.description = `${DEPRECATION_MARKER}${note}${original}`;
  } else property.description = `${note}${original}`;
}

/** Which roots (each operation's request body, and everything else) reach each component schema. */
function schemaUsers(spec: OpenAPIDocument, schemas: Record<string, unknown>): Map<string, Set<string>> {
  const direct = new Map<string, string[]>();
  const refsIn = (value: unknown): string[] => {
    const out: string[] = [];
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (isObject(v)) {
        if (typeof v.$ref === 'string' && v.$ref.startsWith(SCHEMA_REF)) out.push(decodeURIComponent(v.$ref.slice(SCHEMA_REF.length)));
        for (const k in v) if (k !== 'examples' && k !== 'example' && k !== 'x-oaiMeta') walk(v[k]);
      }
    };
    walk(value);
    return out;
  };
  const roots: Root[] = [];
  for (const [path, item] of Object.entries(spec.paths ?? {})) {
    for (const [method, op] of Object.entries<any>(item as object)) {
      if (!HTTP_METHODS.includes(method as (typeof HTTP_METHODS)[number]) || !isObject(op)) {
        roots.push({ id: `other ${path} ${method}`, value: op });
        continue;
      }
      const { requestBody, ...rest } = op;
      roots.push({ id: `${method} ${path} request`, value: requestBody }, { id: `${method} ${path} other`, value: rest });
    }
  }
  const { schemas: _own, ...otherComponents } = (spec.components ?? {}) as Record<string, unknown>;
  const { paths: _paths, components: _components, ...rest } = spec;
  roots.push({ id: 'components', value: otherComponents }, { id: 'document', value: rest });
  const users = new Map<string, Set<string>>();
  for (const root of roots) {
    const stack = refsIn(root.value);
    const seen = new Set<string>();
    while (stack.length) {
      const name = stack.pop()!;
      if (seen.has(name)) continue;
      seen.add(name);
      if (!users.has(name)) users.set(name, new Set());
      users.get(name)!.add(root.id);
      if (!direct.has(name)) direct.set(name, refsIn(schemas[name]));
      stack.push(...direct.get(name)!);
    }
  }
  return users;
}

/** A forked schema's discriminator mapping may name itself; point it at the fork. */
function retargetMappings(schema: any, from: string, to: string): void {
  const mapping = schema?.discriminator?.mapping;
  if (!isObject(mapping)) return;
  for (const [k, v] of Object.entries(mapping)) if (v === `${SCHEMA_REF}${from}`) mapping[k] = `${SCHEMA_REF}${to}`;
}
