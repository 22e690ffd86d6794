/**
 * The build's check of every mock sample against its operation's response schema, with the
 * mock's rules (relaxed `oneOf`, formats checked). Schemas compile as content-named units in one
 * Ajv for all the profiles a build handles (codegen/validator-units.ts), so a schema the catalog
 * profiles share with the base is compiled once, not once per profile.
 */
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import type { OpenAPIDocument } from '../build/types.ts';
import { SharedAjv, unitGraph, unitKey } from '../codegen/validator-units.ts';
import type { OperationModel } from './model.ts';
import { lazyAjvValidators, mockAjv, relaxOneOf } from './validate.ts';

export interface SampleCheck {
  body(op: OperationModel, value: unknown): boolean;
  /** The last failure, for the build's warning. */
  lastErrors(): ErrorObject[] | null | undefined;
}

const sharedAjv = new SharedAjv(() => mockAjv({ coerce: false }));

export function sampleCheck(spec: OpenAPIDocument, operations: readonly OperationModel[]): SampleCheck {
  const declared = ((spec.components as Record<string, unknown> | undefined)?.schemas ?? {}) as Record<string, unknown>;
  const inline: Record<string, unknown> = {};
  const roots = new Map<string, string>();
  operations.forEach((op, i) => {
    if (op.response.contentType && op.response.schema !== undefined) {
      inline[`r${i}`] = relaxOneOf(op.response.schema);
      roots.set(op.key, unitKey('full', `#/inline/r${i}`));
    }
  });
  const graph = unitGraph({ full: { components: relaxOneOf(declared), inline } }, [...roots.values()]);
  const { ajv, failed } = sharedAjv.compile(graph);
  // A schema Ajv refuses: the spec-wide validators report it as they always did.
  if (failed.size) return lazyAjvValidators(spec).response;
  let last: ErrorObject[] | null | undefined;
  return {
    body(op, value) {
      const root = roots.get(op.key);
      if (root === undefined) return true;
      const validate = ajv.getSchema(graph.ids.get(root)!) as ValidateFunction;
      const ok = validate(value) as boolean;
      last = validate.errors;
      return ok;
    },
    lastErrors: () => last,
  };
}
