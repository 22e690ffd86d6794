/**
 * Discriminators that no `mapping` can make right.
 *
 * Upstream: `Item`/`ItemResource` (and their `Beta*` twins) discriminate on `type`, but both the
 * input and the output message variants have `type: "message"`; `InputItem` nests such a union;
 * `RealtimeConversationItem` has three `type: "message"` variants (told apart by `role`); two
 * array schemas carry a copy of their items' discriminator with no `oneOf`/`anyOf` to select from.
 * Breaks: a discriminator value must name exactly one schema (OAS 3.1 §4.8.25); without a mapping
 * tools fall back to the schema name as the value, so openapi-typescript rewrites e.g.
 * `InputMessage.type` to the literal `"InputMessage"` and the union no longer narrows; Ajv's
 * discriminator support refuses duplicate values.
 * We: remove the discriminator (an info diagnostic says why). The union itself is unchanged and
 * still narrows in TypeScript on the variants' literal properties; validators were never relying
 * on it. `count` = discriminators removed.
 */
import { analyseDiscriminator } from './discriminator-values.ts';
import { isObject, type JsonObject, type SchemaFix } from './types.ts';

export const discriminatorUnmappable: SchemaFix = {
  id: 'discriminator-unmappable',
  description: 'discriminators without `mapping` that cannot get a correct one (duplicate or unreadable values, nothing to select from) removed; counts discriminators',
  kind: 'schema',
  start: (ctx) => (schema, path) => {
    const discriminator = schema.discriminator;
    if (!isObject(discriminator) || discriminator.mapping !== undefined || typeof discriminator.propertyName !== 'string') return 0;
    const reason = whyUnmappable(ctx.spec, schema, discriminator.propertyName);
    if (!reason) return 0;
    delete schema.discriminator;
    ctx.diagnose(
      {
        code: 'normalize-discriminator-removed',
        severity: 'info',
        message: `removed discriminator on "${discriminator.propertyName}": ${reason}`,
      },
      [...path, 'discriminator'],
    );
    return 1;
  },
};

function whyUnmappable(spec: JsonObject, schema: JsonObject, prop: string): string | undefined {
  const analysis = analyseDiscriminator(spec, schema, prop);
  if (!analysis) return Array.isArray(schema.allOf) ? undefined : 'no oneOf/anyOf to select from';
  if (analysis.duplicate) return `value "${analysis.duplicate.value}" selects ${analysis.duplicate.refs.join(' and ')}`;
  if (analysis.unreadable.length) return `no const/enum value for ${analysis.unreadable.join(', ')}`;
  return undefined;
}
