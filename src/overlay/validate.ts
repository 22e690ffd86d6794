/**
 * Validation of an overlay document against the official Overlay JSON Schema of the version it
 * declares (spec/schemas/overlay-*.schema.json, see overlay-schemas.NOTICE.md).
 */
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsPlugin from 'ajv-formats';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { getAtPointer } from '../load/pointer.ts';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../load/package-root.ts';
import { SUPPORTED_VERSIONS, type OverlayVersion } from './types.ts';

// ajv-formats is CommonJS: its default export arrives wrapped under ESM.
const addFormats = ((addFormatsPlugin as unknown as { default?: typeof addFormatsPlugin }).default ?? addFormatsPlugin) as unknown as (ajv: Ajv2020) => void;

/** Read when first needed (from the package: the checkout or the installed copy). */
const schemaOf = (version: OverlayVersion): { $id: string } => JSON.parse(readFileSync(path.join(packageRoot, `spec/schemas/overlay-${version}.schema.json`), 'utf8')) as { $id: string };
const compiled = new Map<OverlayVersion, { ajv: Ajv2020; validate: ValidateFunction; id: string }>();

function validatorFor(version: OverlayVersion): { ajv: Ajv2020; validate: ValidateFunction; id: string } {
  let entry = compiled.get(version);
  if (!entry) {
    // strict: false because the official schemas use `$comment` next to `$ref` and annotations Ajv's strict mode flags.
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    const schema = schemaOf(version);
    entry = { ajv, validate: ajv.compile(withoutPairwiseUniqueness(schema)), id: schema.$id };
    compiled.set(version, entry);
  }
  return entry;
}

/**
 * The schemas' `actions: { uniqueItems: true }` makes Ajv compare every pair of actions (20k actions:
 * minutes); duplicateActions checks the same rule through a hash of each action instead.
 */
function withoutPairwiseUniqueness(schema: { $id: string }): { $id: string } {
  const copy = structuredClone(schema) as { $id: string; properties?: { actions?: { uniqueItems?: boolean } } };
  if (copy.properties?.actions?.uniqueItems) delete copy.properties.actions.uniqueItems;
  return copy;
}

/** JSON with keys sorted at every level: equal for values JSON Schema's uniqueItems calls equal. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Overlay schemas, `actions.uniqueItems`: each action that repeats an earlier one, in linear time. */
function duplicateActions(overlay: Record<string, unknown>, context: ValidationContext): Diagnostic[] {
  if (!Array.isArray(overlay.actions)) return [];
  const seen = new Map<string, number>();
  const diagnostics: Diagnostic[] = [];
  overlay.actions.forEach((action, index) => {
    const key = canonicalJson(action);
    const first = seen.get(key);
    if (first === undefined) seen.set(key, index);
    else diagnostics.push(problem(context, 'overlay-schema', `action ${index} repeats action ${first} exactly`, `/actions/${index}`, 'delete the duplicate action'));
  });
  return diagnostics;
}

export interface ValidationContext {
  file?: string;
  lineOf?: (pointer: string) => number | undefined;
}

export interface OverlayValidation {
  version?: OverlayVersion;
  diagnostics: Diagnostic[];
}

/** The feature set (`major.minor`) of an `overlay` version string, or undefined. */
export function featureSet(overlay: unknown): OverlayVersion | undefined {
  if (typeof overlay !== 'string') return undefined;
  const match = /^(\d+)\.(\d+)\.\d+/.exec(overlay);
  const version = match ? `${match[1]}.${match[2]}` : undefined;
  return SUPPORTED_VERSIONS.find((v) => v === version);
}

/**
 * Checks the document against the schema of the version its `overlay` field declares. The
 * patch version is not considered (Overlay 1.2.0, "Versions": tooling SHOULD NOT distinguish
 * 1.0.0 from 1.0.1).
 */
export function validateOverlayDocument(overlay: unknown, file?: string, lineOf?: (pointer: string) => number | undefined): OverlayValidation {
  const context: ValidationContext = { file, lineOf };
  if (overlay === null || typeof overlay !== 'object' || Array.isArray(overlay)) {
    return { diagnostics: [problem(context, 'overlay-not-an-object', 'an overlay document must be an object with `overlay`, `info` and `actions`', '', 'start the file with `overlay: 1.1.0`, an `info` block and an `actions` list')] };
  }
  const declared = (overlay as Record<string, unknown>).overlay;
  const version = featureSet(declared);
  if (!version) {
    const message = declared === undefined ? 'the overlay document has no `overlay` version field' : `unsupported Overlay Specification version ${JSON.stringify(declared)}`;
    return { diagnostics: [problem(context, 'overlay-version', message, declared === undefined ? '' : '/overlay', `declare one of ${SUPPORTED_VERSIONS.map((v) => `${v}.0`).join(', ')}`)] };
  }
  const { validate } = validatorFor(version);
  const duplicates = duplicateActions(overlay as Record<string, unknown>, context);
  if (validate(overlay)) return { version, diagnostics: duplicates };
  return { version, diagnostics: [...explain(validate.errors ?? [], overlay as Record<string, unknown>, version, context), ...duplicates] };
}

const REQUIRES: Record<string, OverlayVersion> = { copy: '1.1', components: '1.2', $ref: '1.2', $self: '1.2' };

/**
 * One diagnostic per distinct problem. Errors inside an action are re-derived by validating the
 * action alone against the definition it is meant to satisfy, because the `oneOf` of 1.2 (action
 * or reusable action reference) reports the failures of both branches.
 */
function explain(errors: ErrorObject[], overlay: Record<string, unknown>, version: OverlayVersion, context: ValidationContext): Diagnostic[] {
  const actions = Array.isArray(overlay.actions) ? (overlay.actions as unknown[]) : [];
  const failedActions = new Set<number>();
  const found: ErrorObject[] = [];
  for (const e of errors) {
    const index = actionIndex(e.instancePath);
    if (index === undefined || typeof actions[index] !== 'object' || actions[index] === null) found.push(e);
    else failedActions.add(index);
  }
  for (const index of failedActions) found.push(...actionErrors(actions[index] as Record<string, unknown>, index, version));
  const seen = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  for (const e of found) {
    const { message, hint, pointer } = describe(e, version, overlay);
    const key = `${pointer} ${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    diagnostics.push(problem(context, 'overlay-schema', message, pointer, hint));
  }
  return diagnostics;
}

const MODIFIERS = new Set(['update', 'copy', 'remove']);

function actionErrors(action: Record<string, unknown>, index: number, version: OverlayVersion): ErrorObject[] {
  const { ajv, id } = validatorFor(version);
  const definition = version === '1.2' && '$ref' in action ? 'reusable-action-reference-object' : 'action-object';
  const validate = ajv.getSchema(`${id}#/$defs/${definition}`)!;
  validate(action);
  let errors = (validate.errors ?? []).map((e) => ({ ...e, instancePath: `/actions/${index}${e.instancePath}` }));
  // 1.1's oneOf (exactly one modifier) fails with a `required` per branch and leaves the modifiers unevaluated: say it once.
  if (errors.some((e) => e.keyword === 'oneOf' && e.instancePath === `/actions/${index}`)) {
    errors = errors.filter((e) => !(e.instancePath === `/actions/${index}` && (e.keyword === 'required' && MODIFIERS.has(String(e.params.missingProperty)) || (e.keyword === 'unevaluatedProperties' && MODIFIERS.has(String(e.params.unevaluatedProperty))))));
  }
  return errors;
}

function describe(e: ErrorObject, version: OverlayVersion, overlay: unknown): { message: string; hint: string; pointer: string } {
  const at = e.instancePath === '' ? 'the overlay document' : `\`${e.instancePath}\``;
  const schemaHint = `see the Overlay ${version} JSON Schema (spec/schemas/overlay-${version}.schema.json)`;
  switch (e.keyword) {
    case 'unevaluatedProperties': {
      const field = String((e.params as { unevaluatedProperty: string }).unevaluatedProperty);
      const pointer = `${e.instancePath}/${field.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      const needs = REQUIRES[field];
      const hint = needs && needs > version
        ? `\`${field}\` needs Overlay ${needs}: declare \`overlay: ${needs}.0\``
        : `remove it, or prefix it with \`x-\` to make it a specification extension`;
      return { message: `unknown field \`${field}\` in ${at}`, hint, pointer };
    }
    case 'required': {
      const field = String((e.params as { missingProperty: string }).missingProperty);
      return { message: `${at} lacks the required field \`${field}\``, hint: schemaHint, pointer: e.instancePath };
    }
    case 'pattern':
      if (e.instancePath.endsWith('/target')) {
        return { message: `target ${JSON.stringify(getAtPointer(overlay, e.instancePath))} is not a JSONPath query`, hint: 'a target is an RFC 9535 JSONPath query starting with `$`', pointer: e.instancePath };
      }
      break;
    case 'uniqueItems':
      return { message: `${at} holds two identical items (${JSON.stringify(e.params)})`, hint: 'delete the duplicate action', pointer: e.instancePath };
  }
  return { message: `${at} ${e.message ?? 'is invalid'}`, hint: schemaHint, pointer: e.instancePath };
}

function actionIndex(pointer: string): number | undefined {
  const match = /^\/actions\/(\d+)(?:\/|$)/.exec(pointer);
  return match ? Number(match[1]) : undefined;
}

export function problem(context: ValidationContext, code: string, message: string, pointer: string, hint: string): Diagnostic {
  const action = actionIndex(pointer);
  return {
    code,
    severity: 'error',
    message,
    hint,
    location: { file: context.file, pointer, line: context.lineOf?.(pointer), action },
  };
}
