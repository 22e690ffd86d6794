/**
 * Request validation with the codegen issue's validators (Ajv standalone, compiled at build
 * time into generated/<id>/validators/*.gen.cjs and indexed by generated/<id>/operations.gen.ts):
 * JSON bodies use them, so the first request pays no schema compilation. Parts they do not
 * cover (path, query, multipart) fall back to the lazily compiled validators.
 */
import type { ErrorObject } from 'ajv';
import type { OperationModel } from './model.ts';
import { isAmbiguousOneOf, issueFromAjv, mostSpecific, type RequestValidator } from './validate.ts';

/** The slice of codegen's `OperationTable` the mock uses. */
export type PrecompiledTable = Readonly<Record<string, { request?: ((data: unknown) => boolean) & { errors?: ErrorObject[] | null } }>>;

export function precompiledValidator(table: PrecompiledTable, fallback: RequestValidator): RequestValidator {
  return {
    check(op: OperationModel, part, value, contentType) {
      const validate = part === 'body' && contentType === 'application/json' ? table[op.key]?.request : undefined;
      if (!validate) return fallback.check(op, part, value, contentType);
      if (validate(value)) return undefined;
      const errors = validate.errors ?? [];
      // Built with strict `oneOf`: a value several branches fit is judged again with the relaxed rule.
      if (errors.some(isAmbiguousOneOf)) return fallback.check(op, part, value, contentType);
      return issueFromAjv(mostSpecific(errors), part);
    },
  };
}
