/**
 * Which claims change the schema, and the edits each one asks for: unsupported request fields and
 * never-returned response fields leave, `reject` rules constrain, ignored and deprecated request
 * fields are marked `deprecated` (supported ones lose OpenAI's mark), extension schemas join (in
 * request and response bodies, streamed events and response headers). Only unscoped claims narrow:
 * one schema serves every model and mode, so a claim about some models or a mode stays a claim
 * (docs, checks, mock), never a narrowing edit; an extension's optional field joins either way.
 */
import { escapeToken, getAtPointer } from '../load/pointer.ts';
import { fieldClaimPointer } from '../profile/parse.ts';
import { unscopedClaim } from '../profile/select.ts';
import { isObject, type JsonObject } from '../load/json.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { Claim, FieldLocation, OperationModel } from '../profile/types.ts';
import type { ClaimRef, Edit } from './edits.ts';
import { parseFieldKey, type FieldStep } from './field-path.ts';
import { expand, locateField, refPointer, type Cursor, type Site } from './locate.ts';
import { locationRoots, successResponses } from './roots.ts';
import { ruleEdits } from './rules.ts';

export { unscopedClaim };

export function claimPointer(operation: OperationModel, location: FieldLocation, field: string): string {
  return fieldClaimPointer(operation.pointer, location, field);
}

/** Where a field is declared for one operation and location (parameters for query and header). */
export function fieldSites(spec: JsonObject, operation: Pick<OperationModel, 'pointer'>, location: FieldLocation, field: string): Site[] {
  if (location === 'request.query' || location === 'request.header') return parameterSites(spec, operation.pointer, location === 'request.query' ? 'query' : 'header', field);
  if (location === 'response.header') return headerSites(spec, operation.pointer, field);
  const steps = parseFieldKey(field);
  return steps ? locateField(spec, locationRoots(spec, operation.pointer, location), steps) : [];
}

/** Parameter Objects named `name` in `where`, on the operation (their `$ref` followed). */
function parameterSites(spec: JsonObject, operationPointer: string, where: string, name: string): Site[] {
  const parameters = getAtPointer(spec, `${operationPointer}/parameters`);
  if (!Array.isArray(parameters)) return [];
  const sites: Site[] = [];
  parameters.forEach((_, i) => {
    const member = `${operationPointer}/parameters/${i}`;
    const target = refPointer((getAtPointer(spec, member) as JsonObject).$ref);
    const resolved = target ?? member;
    const parameter = getAtPointer(spec, resolved);
    if (isObject(parameter) && parameter.in === where && String(parameter.name).toLowerCase() === name.toLowerCase()) {
      sites.push({ kind: 'property', pointer: member, hops: [] });
    }
  });
  return sites;
}

/** Header Objects named `name` (any case) in the 2xx answers of the operation. */
function headerSites(spec: JsonObject, operationPointer: string, name: string): Site[] {
  return successResponses(spec, operationPointer).flatMap((response) => {
    const headers = (getAtPointer(spec, response.pointer) as JsonObject).headers;
    if (!isObject(headers)) return [];
    return Object.keys(headers)
      .filter((key) => key.toLowerCase() === name.toLowerCase())
      .map((key) => ({ kind: 'property' as const, pointer: `${response.pointer}/headers/${escapeToken(key)}`, hops: response.hops }));
  });
}

/** The `schema` of a Parameter Object, through its `$ref`. */
function parameterSchema(spec: JsonObject, site: Site): Cursor {
  const target = refPointer((getAtPointer(spec, site.pointer) as JsonObject).$ref);
  if (target === undefined) return { pointer: `${site.pointer}/schema`, hops: site.hops };
  return { pointer: `${target}/schema`, hops: [...site.hops, { holder: site.pointer, target }] };
}

/** A property's `required` entry goes with it; a branch's discriminator mapping entry with it. */
function companions(spec: JsonObject, site: Site, claim: ClaimRef, why: string): Edit[] {
  const parts = site.pointer.split('/');
  const owner = parts.slice(0, -2).join('/');
  const ownerNode = getAtPointer(spec, owner);
  if (!isObject(ownerNode)) return [];
  const last = parts.at(-1)!;
  if (parts.at(-2) === 'properties') {
    const name = last.replace(/~1/g, '/').replace(/~0/g, '~');
    if (!Array.isArray(ownerNode.required) || !ownerNode.required.includes(name)) return [];
    return [{ kind: 'remove-values', pointer: `${owner}/required`, hops: site.hops, claim, why, values: [name] }];
  }
  const member = getAtPointer(spec, site.pointer) as JsonObject;
  const mapping = isObject(ownerNode.discriminator) && isObject(ownerNode.discriminator.mapping) ? ownerNode.discriminator.mapping : {};
  return Object.entries(mapping)
    .filter(([, ref]) => typeof member.$ref === 'string' && ref === member.$ref)
    .map(([key]) => ({ kind: 'remove' as const, pointer: `${owner}/discriminator/mapping/${escapeToken(key)}`, hops: site.hops, claim, why }));
}

function removals(spec: JsonObject, sites: readonly Site[], claim: ClaimRef, why: string): Edit[] {
  return sites.flatMap((site) => [{ kind: 'remove' as const, pointer: site.pointer, hops: site.hops, claim, why }, ...companions(spec, site, claim, why)]);
}

/** An extension field joins the object that would declare it, nearest to the operation, in every body of its location. */
function extensionEdits(spec: JsonObject, operation: OperationModel, location: FieldLocation, steps: FieldStep[], schema: Record<string, unknown>, claim: ClaimRef): Edit[] {
  const last = steps.at(-1);
  if (last?.kind !== 'property') return [];
  const roots = locationRoots(spec, operation.pointer, location);
  const parents: Cursor[] = steps.length === 1 ? roots : locateField(spec, roots, steps.slice(0, -1));
  const why = `${operation.key}: ${claim.field} is the provider's extension (${location})`;
  return parents.flatMap((parent) => {
    const candidates = expand(spec, parent).filter((c) => isObject((getAtPointer(spec, c.pointer) as JsonObject).properties));
    const nearest = candidates.sort((a, b) => a.hops.length - b.hops.length)[0] ?? parent;
    return [{ kind: 'merge' as const, pointer: nearest.pointer, hops: nearest.hops, claim, why, value: { properties: { [last.name]: schema } } }];
  });
}

/** A provider's own response header joins the `headers` of every 2xx answer (a Header Object around the claim's schema). */
function headerExtensionEdits(spec: JsonObject, operation: OperationModel, name: string, claim: Claim, ref: ClaimRef): Edit[] {
  const why = `${operation.key}: response header ${name} is the provider's extension`;
  const header = { ...(claim.note ? { description: claim.note } : {}), schema: claim.schema };
  return successResponses(spec, operation.pointer).map((response) => ({ kind: 'merge' as const, pointer: response.pointer, hops: response.hops, claim: ref, why, value: { headers: { [name]: header } } }));
}

/**
 * The claim whose schema an extension field gets: the unscoped one, else the first scoped one. Unlike
 * narrowing, an added optional field is right for every model and mode, so a field only some
 * models return still joins the one schema. Request parameters (query, header) are declared by
 * hand-written actions, not compiled.
 */
export function extensionClaim(location: FieldLocation, claims: readonly Claim[]): Claim | undefined {
  if (location === 'request.query' || location === 'request.header') return undefined;
  const extensions = claims.filter((c) => c.status === 'extension' && c.schema && !c.notInApi);
  return extensions.find((c) => !c.models?.length && c.mode === undefined) ?? extensions[0];
}

/** The edits the claims of one operation ask for, and what could not be compiled. */
export function operationEdits(spec: JsonObject, operation: OperationModel): { edits: Edit[]; diagnostics: Diagnostic[] } {
  const edits: Edit[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const [location, fields] of Object.entries(operation.fields) as [FieldLocation, Record<string, Claim[]>][]) {
    for (const [field, claims] of Object.entries(fields ?? {})) {
      const ref: ClaimRef = { pointer: claimPointer(operation, location, field), operation: operation.key, location, field };
      const sites = fieldSites(spec, operation, location, field);
      const extension = extensionClaim(location, claims);
      if (extension) {
        const steps = parseFieldKey(field);
        if (sites.length > 0) {
          diagnostics.push({ code: 'compile-extension-declared', severity: 'warning', message: `${operation.key}: extension ${field} (${location}) is already declared by the spec; its schema is not added`, hint: 'drop `schema` from the claim, or claim the field with another status', location: { pointer: ref.pointer } });
        } else if (location === 'response.header') edits.push(...headerExtensionEdits(spec, operation, field, extension, ref));
        else if (steps) edits.push(...extensionEdits(spec, operation, location, steps, extension.schema!, ref));
      }
      const claim = unscopedClaim(claims);
      if (!claim || claim.notInApi) continue;
      const response = location.startsWith('response.');
      if (response ? claim.returned === 'never' || claim.status === 'unsupported' : claim.status === 'unsupported') {
        edits.push(...removals(spec, sites, ref, `${operation.key}: ${field} is ${response ? 'never returned' : 'not supported'} (${location})`));
        continue;
      }
      if (location === 'request.body' && (claim.status === 'ignored' || claim.status === 'deprecated')) {
        const why = `${operation.key}: ${field} is ${claim.status}${claim.replacement ? ` (use ${claim.replacement})` : ''}`;
        for (const site of sites.filter((s) => s.kind === 'property' && (getAtPointer(spec, s.pointer) as JsonObject).deprecated !== true)) {
          edits.push({ kind: 'merge', pointer: site.pointer, hops: site.hops, claim: ref, why, value: { deprecated: true } });
        }
      }
      if (location === 'request.body' && claim.status === 'supported') {
        // OpenAI's `deprecated: true` goes where the provider's docs call the field supported.
        for (const site of sites.filter((s) => s.kind === 'property' && (getAtPointer(spec, s.pointer) as JsonObject).deprecated === true)) {
          edits.push({ kind: 'merge', pointer: site.pointer, hops: site.hops, claim: ref, why: `${operation.key}: ${field} is supported, not deprecated`, value: { deprecated: false } });
        }
      }
      if (!response) {
        for (const site of sites.filter((s) => s.kind === 'property')) {
          const schemaSite = location === 'request.body' ? site : parameterSchema(spec, site);
          for (const rule of claim.rules ?? []) edits.push(...ruleEdits(spec, schemaSite, rule, ref));
        }
      }
    }
  }
  return { edits, diagnostics };
}
