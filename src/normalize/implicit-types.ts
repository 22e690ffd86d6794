/**
 * Object and array schemas that never say `type`.
 *
 * Upstream: `Model`, `OpenAIFile`, the `List*Response` pages and a few more give `properties` and
 * `required` but no `type: object`; the Realtime `modalities` arrays give `items` but no
 * `type: array`.
 * Breaks: without `type`, JSON Schema accepts any value of another type (a string passes as a
 * `Model`); Ajv's strictTypes rejects `properties`/`required`/`items` without the matching `type`.
 * We: add `type: object` (or `array`) just before the first keyword that implies it, when the
 * schema says nothing else about its type (no `$ref`, `enum`, `const`, `anyOf`, `oneOf`, `not`,
 * no keyword of another type, and every `allOf` member, if any, is an object). Not inside
 * `allOf`/`anyOf`/`oneOf`/`not`/`if`/`then`/`else`: there a bare `{required: [a]}` is a condition
 * on the enclosing object, and a `type` would change what `not` or a union accepts.
 * `count` = types added.
 */
import { impliedType, setEntries } from './schema-utils.ts';
import type { Path, SchemaFix } from './types.ts';

export const implicitTypes: SchemaFix = {
  id: 'implicit-types',
  description: '`type: object`/`array` added to schemas that use only object (or only array) keywords and declare no type; counts schemas',
  kind: 'schema',
  start: (ctx) => (schema, path) => {
    if (inComposition(path)) return 0;
    const implied = impliedType(ctx.spec, schema);
    if (!implied) return 0;
    setEntries(
      schema,
      Object.entries(schema).flatMap(([key, value]) => (key === implied.keyword ? [['type', implied.type], [key, value]] : [[key, value]])),
    );
    return 1;
  },
};

const LISTS = new Set(['allOf', 'anyOf', 'oneOf']);
const SINGLES = new Set(['not', 'if', 'then', 'else']);

function inComposition(path: Path): boolean {
  const last = path[path.length - 1];
  const parent = path[path.length - 2];
  return (typeof last === 'number' && typeof parent === 'string' && LISTS.has(parent)) || (typeof last === 'string' && SINGLES.has(last));
}
