/**
 * types.gen.ts: openapi-typescript on the resolved spec (already normalized), after the claims are
 * written into a copy of it, then the claim notes moved into the `@deprecated` tag.
 */
import openapiTS, { astToString } from 'openapi-typescript';
import type { OpenAPIDocument } from '../build/types.ts';
import { annotateClaims, DEPRECATION_MARKER } from './annotate.ts';
import type { ProfileModel } from '../profile/types.ts';

export async function emitTypes(spec: OpenAPIDocument, providerName: string, model: ProfileModel): Promise<string> {
  const { spec: annotated } = annotateClaims(spec, providerName, model);
  // openapi-typescript rewrites parts of the document it reads: it gets a copy, never the profile's spec.
  const input = annotated === spec ? structuredClone(spec) : annotated;
  const ast = await openapiTS(input as unknown as Parameters<typeof openapiTS>[0], {
    // Fields with a default stay optional in requests (the server fills them in).
    defaultNonNullable: false,
    silent: true,
  });
  return moveNotesIntoDeprecated(astToString(ast));
}

/** openapi-typescript writes `@deprecated` bare, then `@description <note>`: join them so editors show the note. */
export function moveNotesIntoDeprecated(source: string): string {
  const marker = DEPRECATION_MARKER.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return source.replace(new RegExp(`@deprecated(\\r?\\n[ \\t]*\\*[ \\t]*)@description ${marker}`, 'g'), '@deprecated ').replace(new RegExp(marker, 'g'), '');
}
