/**
 * Discriminators without `mapping`.
 *
 * Upstream: about 100 `discriminator: {propertyName: type}` (or `role`, `object`) with no mapping;
 * each variant states its value itself, e.g. `ChatCompletionRequestUserMessage.role: enum [user]`.
 * Breaks: without a mapping the value defaults to the schema *name* (OAS 3.1 §4.8.25.1), which
 * is never what the API sends; openapi-typescript follows that rule and rewrites each `oneOf`
 * variant's property to the name (`role: "ChatCompletionRequestUserMessage"`), so a message with
 * `role: "user"` matches nothing and unions do not narrow.
 * We: add `mapping` (right after `propertyName`) from each `$ref` variant's own `const`/`enum`
 * values, one entry per value, in variant order; inline variants cannot be named by a mapping and
 * stay matched by their schemas. Discriminators the previous fix found unmappable are gone by now.
 * `count` = mappings added.
 */
import { analyseDiscriminator } from './discriminator-values.ts';
import { setEntries } from './schema-utils.ts';
import { isObject, type SchemaFix } from './types.ts';

export const discriminatorMapping: SchemaFix = {
  id: 'discriminator-mapping',
  description: 'explicit `mapping` added to discriminators, from each `$ref` variant\'s const/enum of the property; counts mappings',
  kind: 'schema',
  start: (ctx) => (schema) => {
    const discriminator = schema.discriminator;
    if (!isObject(discriminator) || discriminator.mapping !== undefined || typeof discriminator.propertyName !== 'string') return 0;
    const analysis = analyseDiscriminator(ctx.spec, schema, discriminator.propertyName);
    if (!analysis || analysis.duplicate || analysis.unreadable.length) return 0;
    const mapping: Record<string, string> = {};
    for (const variant of analysis.variants) {
      if (!variant.ref) continue;
      for (const value of variant.values ?? []) mapping[value] = variant.ref;
    }
    if (Object.keys(mapping).length === 0) return 0;
    const entries = Object.entries(discriminator);
    entries.splice(entries.findIndex(([key]) => key === 'propertyName') + 1, 0, ['mapping', mapping]);
    setEntries(discriminator, entries);
    return 1;
  },
};
