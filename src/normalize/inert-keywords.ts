/**
 * Keywords that have no effect where they stand, and that strict tools reject.
 *
 * Upstream: `optional: true` on a response property (not a JSON Schema keyword; the property is
 * simply absent from `required`), and `required: [file_id, tools]` placed on the `attachments`
 * arrays of the Assistants message requests rather than on their items.
 * Breaks: Ajv strict mode rejects the unknown `optional` and (strictTypes) `required` without
 * `type: object`; redocly's `struct` rule rejects `optional`.
 * We: drop them. Validation is unchanged (they validated nothing), and for the attachments this
 * matches OpenAI's own SDKs, generated from this spec, where both fields are optional.
 * An `optional: true` on a property that `required` lists is a contradiction: `required` (the
 * keyword validators honour) wins, and a warning says so.
 * `count` = keywords dropped.
 */
import { isObject, type SchemaFix } from './types.ts';

export const inertKeywords: SchemaFix = {
  id: 'inert-keywords',
  description: 'keywords that validate nothing where they stand (`optional`, `required` on an array) dropped; counts keywords',
  kind: 'schema',
  start: (ctx) => (schema, path) => {
    let count = 0;
    if (schema.type === 'array' && 'required' in schema) {
      delete schema.required;
      count++;
    }
    const properties = schema.properties;
    if (!isObject(properties)) return count;
    const required = Array.isArray(schema.required) ? schema.required : [];
    for (const name in properties) {
      const property = properties[name];
      if (!isObject(property) || typeof property.optional !== 'boolean') continue;
      if (property.optional && required.includes(name)) {
        ctx.diagnose(
          {
            code: 'normalize-optional-but-required',
            severity: 'warning',
            message: `property "${name}" says optional: true but "required" lists it; it stays required`,
            hint: 'decide in an overlay whether the property is required',
          },
          [...path, 'properties', name],
        );
      }
      delete property.optional;
      count++;
    }
    return count;
  },
};
