/**
 * A `type` beside `oneOf`/`anyOf` that rules out some of the union's own branches.
 *
 * Upstream: `TranscriptionChunkingStrategy` is `type: object` with `oneOf: ["auto" (a string),
 * VadConfig (an object)]`.
 * Breaks: `type` applies to every value, so the documented `"auto"` can never validate; Ajv's
 * strictTypes rejects `type: string` inside a `type: object` context.
 * We: when every branch states its own type (directly, through its `$ref`, or by its keywords)
 * and one of them is outside the outer `type`, drop the outer `type`: the branches already say
 * everything it said. `count` = outer types dropped.
 */
import { typesOf } from './schema-utils.ts';
import type { SchemaFix } from './types.ts';

export const unionTypeConflict: SchemaFix = {
  id: 'union-type-conflict',
  description: 'a `type` beside `oneOf`/`anyOf` that excludes some of their branches dropped (each branch states its own type); counts schemas',
  kind: 'schema',
  start: (ctx) => (schema) => {
    if (schema.type === undefined) return 0;
    const branches = schema.oneOf ?? schema.anyOf;
    if (!Array.isArray(branches) || branches.length === 0) return 0;
    const outer = typesOf(ctx.spec, { type: schema.type });
    const branchTypes = branches.map((branch) => typesOf(ctx.spec, branch));
    if (branchTypes.some((types) => types.length === 0)) return 0;
    if (branchTypes.every((types) => types.some((t) => allowedBy(outer, t)))) return 0;
    delete schema.type;
    return 1;
  },
};

/** `integer` values are numbers, so `type: number` admits an `integer` branch. */
function allowedBy(outer: string[], type: string): boolean {
  return outer.includes(type) || (type === 'integer' && outer.includes('number'));
}
