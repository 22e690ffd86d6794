/** The JSON Schema check of the `x-compat` YAML form (spec/schemas/x-compat.schema.json). */
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsPlugin from 'ajv-formats';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';

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

/** Ajv keywords whose errors only repeat a more precise one (`if`/`then`, the branches of `fieldValue`). */
const echoKeywords = new Set(['if']);

/** Ajv errors as located diagnostics; `pointer` is where `value` sits. */
export function schemaProblems(validate: ValidateFunction, value: unknown, pointer: string): Diagnostic[] {
  if (validate(value)) return [];
  return (validate.errors ?? [])
    .filter((error) => !echoKeywords.has(error.keyword))
    .map((error) => ({
      code: 'x-compat-schema',
      severity: 'error' as const,
      message: `x-compat ${error.message ?? 'is invalid'}${error.params && 'additionalProperty' in error.params ? ` ("${String(error.params.additionalProperty)}")` : ''}`,
      hint: 'see docs/x-compat.md for the shape of the claims',
      location: { pointer: `${pointer}${error.instancePath}` },
    }));
}
