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
 * no keyword of another type, and every `allOf` member, if any, is an object).
 * `count` = types added.
 */
import { impliedType, setEntries } from './schema-utils.ts';
import type { SchemaFix } from './types.ts';

export const implicitTypes: SchemaFix = {
  id: 'implicit-types',
  description: '`type: object`/`array` added to schemas that use only object (or only array) keywords and declare no type; counts schemas',
  kind: 'schema',
  start: (ctx) => (schema) => {
    const implied = impliedType(ctx.spec, schema);
    if (!implied) return 0;
    setEntries(
      schema,
      Object.entries(schema).flatMap(([key, value]) => (key === implied.keyword ? [['type', implied.type], [key, value]] : [[key, value]])),
    );
    return 1;
  },
};
