/** Validation of the x-compat claims a provider overlay places in the spec (spec/schemas/x-compat.schema.json). */
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsPlugin from 'ajv-formats';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { toPointer } from '../load/pointer.ts';
import { listOperations } from '../load/openapi.ts';
import { isObject, type JsonObject } from './walk.ts';

export type XCompatSchema = Record<string, unknown>;

export interface XCompatValidators {
  document: ValidateFunction;
  operation: ValidateFunction;
  /** spec/providers/<id>/profile.yaml of a profile without an overlay. */
  profile: ValidateFunction;
}

// ajv-formats is CommonJS: its default export arrives wrapped under ESM.
const addFormats = ((addFormatsPlugin as unknown as { default?: typeof addFormatsPlugin }).default ?? addFormatsPlugin) as unknown as (ajv: Ajv2020) => void;

export function compileXCompatSchema(schema: XCompatSchema): XCompatValidators {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  ajv.addSchema(schema);
  const id = String(schema.$id);
  return {
    document: ajv.getSchema(`${id}#/$defs/document`) as ValidateFunction,
    operation: ajv.getSchema(`${id}#/$defs/operation`) as ValidateFunction,
    profile: ajv.getSchema(`${id}#/$defs/profile`) as ValidateFunction,
  };
}

/** Every operation carrying an `x-compat`, with its pointer. */
export function operationClaims(spec: JsonObject): { key: string; pointer: string; claim: JsonObject }[] {
  const found: { key: string; pointer: string; claim: JsonObject }[] = [];
  for (const { key, pointer, operation } of listOperations(spec)) {
    const claim = operation['x-compat'];
    if (isObject(claim)) found.push({ key, pointer: `${pointer}/x-compat`, claim });
  }
  return found;
}

/** Ajv errors as located diagnostics; `pointer` is where `value` sits. */
export function schemaProblems(validate: ValidateFunction, value: unknown, pointer: string): Diagnostic[] {
  if (validate(value)) return [];
  return (validate.errors ?? []).map((error) => ({
    code: 'x-compat-schema',
    severity: 'error' as const,
    message: `x-compat ${error.message ?? 'is invalid'}${error.params && 'additionalProperty' in error.params ? ` ("${String(error.params.additionalProperty)}")` : ''}`,
    hint: 'see docs/x-compat.md for the shape of the claims',
    location: { pointer: `${pointer}${error.instancePath}` },
  }));
}

/**
 * Schema and cross-reference checks of the claims: the root object is well formed, names the
 * profile's own id, and every `source` a claim cites is listed in `sources`.
 */
export function validateXCompat(spec: JsonObject, profileId: string, validators: XCompatValidators): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const root = spec['x-compat'];
  const report = (validate: ValidateFunction, value: unknown, pointer: string): void => {
    diagnostics.push(...schemaProblems(validate, value, pointer));
  };
  if (!isObject(root)) {
    diagnostics.push({
      code: 'x-compat-missing',
      severity: 'error',
      message: `the overlay of "${profileId}" sets no x-compat at the document root`,
      hint: 'add an action on "$" that updates x-compat with provider, auth, sources and source',
      location: { pointer: '/x-compat' },
    });
    return diagnostics;
  }
  report(validators.document, root, '/x-compat');
  const provider = isObject(root.provider) ? root.provider : {};
  if (provider.id !== undefined && provider.id !== profileId) {
    diagnostics.push({
      code: 'x-compat-provider-id',
      severity: 'error',
      message: `x-compat.provider.id is "${String(provider.id)}" but the profile folder is "${profileId}"`,
      hint: 'make them equal: the id names the folder spec/providers/<id>/',
      location: { pointer: '/x-compat/provider/id' },
    });
  }
  const sourceIds = new Set((Array.isArray(root.sources) ? root.sources : []).map((s) => (isObject(s) ? s.id : undefined)));
  const checkSource = (value: unknown, pointer: string): void => {
    if (typeof value === 'string' && !sourceIds.has(value)) {
      diagnostics.push({
        code: 'x-compat-unknown-source',
        severity: 'error',
        message: `claim cites source "${value}", which x-compat.sources does not list`,
        hint: `add {id: ${value}, url, verified} to x-compat.sources, or cite one of: ${[...sourceIds].join(', ')}`,
        location: { pointer },
      });
    }
  };
  checkSource(root.source, '/x-compat/source');
  for (const { pointer, claim } of operationClaims(spec)) {
    report(validators.operation, claim, pointer);
    checkSource(claim.source, `${pointer}/source`);
    if (!isObject(claim.fields)) continue;
    for (const [location, fields] of Object.entries(claim.fields)) {
      if (!isObject(fields)) continue;
      for (const [field, fieldClaim] of Object.entries(fields)) {
        if (isObject(fieldClaim)) checkSource(fieldClaim.source, `${pointer}${toPointer(['fields', location, field, 'source'])}`);
      }
    }
  }
  return diagnostics;
}

/** The base profile keeps every operation; a provider keeps those it claims and does not reject. */
export function isOffered(operation: JsonObject): boolean {
  const claim = operation['x-compat'];
  return isObject(claim) && claim.status !== 'unsupported';
}
