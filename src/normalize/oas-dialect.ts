/**
 * The keywords a normalized schema may use beyond JSON Schema 2020-12: the OAS 3.1 base dialect's
 * own (https://spec.openapis.org/oas/3.1/dialect/base) and the `x-` extensions the document uses.
 * A strict JSON Schema validator (Ajv with `strict: true`) must be told about them, as
 * annotations, before it compiles the document's schemas.
 */
import { forEachSchema } from './walk.ts';
import type { JsonObject } from './types.ts';

export const OAS_SCHEMA_KEYWORDS = ['discriminator', 'xml', 'externalDocs', 'example'] as const;

/** The OpenAPI Object's own fields, unknown to a validator that is handed the whole document. */
export const OAS_DOCUMENT_KEYWORDS = [
  'openapi', 'info', 'jsonSchemaDialect', 'servers', 'paths', 'webhooks', 'components', 'security', 'tags',
] as const;

/** Every `x-` key used on a schema of the document, sorted. */
export function schemaExtensionKeywords(spec: JsonObject): string[] {
  const found = new Set<string>();
  forEachSchema(spec, (schema) => {
    for (const key in schema) if (key.startsWith('x-')) found.add(key);
  });
  return [...found].sort();
}
