/**
 * Boolean `exclusiveMinimum` / `exclusiveMaximum` (OpenAPI 3.0 / draft-04 style).
 *
 * Upstream: fine-tuning hyperparameters say `minimum: 0, exclusiveMinimum: true` ("greater than 0").
 * Breaks: in 3.1 (JSON Schema 2020-12) both keywords are numbers; Ajv2020 refuses to compile
 * ("exclusiveMinimum value must be number"; 10 of the 31 schemas that fail before
 * normalization), redocly's `struct` rule errors.
 * We: `minimum: x, exclusiveMinimum: true` → `exclusiveMinimum: x` (same for maximum); a `false`
 * flag is dropped (the inclusive bound already says it); a `true` flag without its bound
 * constrains nothing, so it is dropped with a warning. `count` = boolean keywords rewritten.
 */
import type { SchemaFix } from './types.ts';

const PAIRS = [
  ['exclusiveMinimum', 'minimum'],
  ['exclusiveMaximum', 'maximum'],
] as const;

export const exclusiveBounds: SchemaFix = {
  id: 'exclusive-bounds',
  description: 'boolean `exclusiveMinimum`/`exclusiveMaximum` (3.0 style) turned into the numeric 3.1 form; counts keywords',
  kind: 'schema',
  start: (ctx) => (schema, path) => {
    if (schema.exclusiveMinimum === undefined && schema.exclusiveMaximum === undefined) return 0;
    let count = 0;
    for (const [exclusive, inclusive] of PAIRS) {
      const flag = schema[exclusive];
      if (typeof flag !== 'boolean') continue;
      count++;
      const bound = schema[inclusive];
      if (flag && typeof bound === 'number') {
        schema[exclusive] = bound;
        delete schema[inclusive];
        continue;
      }
      delete schema[exclusive];
      if (!flag) continue;
      ctx.diagnose(
        {
          code: 'normalize-exclusive-without-bound',
          severity: 'warning',
          message: `${exclusive}: true without a numeric ${inclusive} constrains nothing; dropped`,
          hint: `give the bound as a number: ${exclusive}: <value>`,
        },
        [...path, exclusive],
      );
    }
    return count;
  },
};
