/**
 * `nullable: true` (OpenAPI 3.0) in a 3.1 document.
 *
 * Upstream: about 110 schemas say `nullable: true`, on plain types, enums, `$ref`s, `anyOf`/`oneOf`
 * unions, and as the 3.0 idiom `allOf: [{$ref: X}, {nullable: true}]`.
 * Breaks: 3.1 has no `nullable` (null is a JSON Schema type); redocly's `struct` rule errors on
 * each one; Ajv refuses to compile "nullable" without "type" (21 of the 31 schemas that fail
 * before normalization) and ignores it elsewhere, so null is rejected where the API sends it;
 * openapi-typescript leaves `| null` out of many of these types.
 * We rewrite to the 3.1 form that means the same:
 *   - a plain `type`: `type: [T, "null"]`, and `null` added to its `enum` (a `const` becomes a
 *     two-value `enum`);
 *   - a bare `anyOf`/`oneOf`: a `{type: "null"}` branch (none when a branch already admits null,
 *     which would make a `oneOf` ambiguous);
 *   - anything else (`$ref`, `allOf`, a `type` beside a union): annotations stay, the validating
 *     keywords move into `anyOf: [{…they}, {type: "null"}]`, e.g. `anyOf: [{$ref}, {type: "null"}]`;
 *   - `nullable: false` is dropped (it is the default).
 * `count` = `nullable` keywords removed.
 */
import { acceptsNull, isAnnotation, setEntries } from './schema-utils.ts';
import { isObject, type JsonObject, type SchemaFix } from './types.ts';

const NULL_SCHEMA = (): JsonObject => ({ type: 'null' });
const STRUCTURAL = ['$ref', 'allOf', 'anyOf', 'oneOf', 'not', 'if'];

export const nullable: SchemaFix = {
  id: 'nullable',
  description: '`nullable` (3.0) rewritten as 3.1 type arrays, `null` enum members or `anyOf: [..., {type: "null"}]`; counts `nullable` keywords',
  kind: 'schema',
  start: (ctx) => (schema) => {
    let count = 0;
    let makeNullable = false;
    if (Array.isArray(schema.allOf) && schema.allOf.some(isNullableMarker)) {
      const markers = schema.allOf.filter(isNullableMarker) as JsonObject[];
      schema.allOf = schema.allOf.filter((member) => !isNullableMarker(member));
      for (const marker of markers) {
        for (const [key, value] of Object.entries(marker)) if (key !== 'nullable' && !(key in schema)) schema[key] = value;
      }
      count += markers.length;
      makeNullable = true;
    }
    if (typeof schema.nullable === 'boolean') {
      makeNullable ||= schema.nullable;
      delete schema.nullable;
      count++;
    }
    if (makeNullable && !acceptsNull(ctx.spec, schema)) addNull(ctx.spec, schema);
    return count;
  },
};

/** `{nullable: true}` with nothing but annotations: the allOf member of the 3.0 idiom. */
function isNullableMarker(member: unknown): boolean {
  return isObject(member) && member.nullable === true && Object.keys(member).every(isAnnotation);
}

function addNull(spec: JsonObject, schema: JsonObject): void {
  const structural = STRUCTURAL.filter((key) => key in schema);
  if (structural.length === 0 && schema.type !== undefined) return addNullType(schema);
  const union = structural.length === 1 && (structural[0] === 'anyOf' || structural[0] === 'oneOf') ? structural[0] : undefined;
  const validating = Object.keys(schema).filter((key) => !isAnnotation(key) && key !== 'discriminator');
  if (union && validating.length === 1) {
    const branches = schema[union] as unknown[];
    if (!branches.some((branch) => acceptsNull(spec, branch))) branches.push(NULL_SCHEMA());
    return;
  }
  wrapInAnyOf(schema);
}

function addNullType(schema: JsonObject): void {
  const type = schema.type;
  if (typeof type === 'string') schema.type = [type, 'null'];
  else if (Array.isArray(type) && !type.includes('null')) type.push('null');
  if ('const' in schema) {
    setEntries(schema, Object.entries(schema).map(([key, value]) => (key === 'const' ? ['enum', [value, null]] : [key, value])));
  } else if (Array.isArray(schema.enum) && !schema.enum.includes(null)) {
    schema.enum.push(null);
  }
}

/** Annotations stay where they are; the validating keywords move into the first `anyOf` branch. */
function wrapInAnyOf(schema: JsonObject): void {
  const entries = Object.entries(schema);
  const inner = entries.filter(([key]) => !isAnnotation(key));
  if (inner.length === 0) return;
  let branch: unknown = Object.fromEntries(inner);
  const onlyAllOf = inner.length === 1 && inner[0][0] === 'allOf' && Array.isArray(inner[0][1]) && inner[0][1].length === 1;
  if (onlyAllOf) branch = (inner[0][1] as unknown[])[0];
  const firstInner = inner[0][0];
  setEntries(
    schema,
    entries.flatMap(([key, value]): [string, unknown][] => {
      if (key === firstInner) return [['anyOf', [branch, NULL_SCHEMA()]]];
      return isAnnotation(key) ? [[key, value]] : [];
    }),
  );
}
