/** The schemas a claim location starts from in one operation (OAS 3.1 Request Body / Response Objects). */
import { escapeToken, getAtPointer } from '../load/pointer.ts';
import { isObject, type JsonObject } from '../load/json.ts';
import type { FieldLocation } from '../profile/types.ts';
import { refPointer, type Cursor, type RefHop } from './locate.ts';

const EVENT_STREAM = 'text/event-stream';

/** Follows a `$ref` on a Request Body or Response Object to the object itself. */
function deref(spec: JsonObject, cursor: Cursor): Cursor | undefined {
  const node = getAtPointer(spec, cursor.pointer);
  if (!isObject(node)) return undefined;
  const target = refPointer(node.$ref);
  if (target === undefined) return cursor;
  const hop: RefHop = { holder: cursor.pointer, target };
  return deref(spec, { pointer: target, hops: [...cursor.hops, hop] });
}

function mediaSchemas(spec: JsonObject, holder: Cursor, keep: (mediaType: string) => boolean): Cursor[] {
  const node = getAtPointer(spec, holder.pointer) as JsonObject;
  if (!isObject(node.content)) return [];
  return Object.entries(node.content)
    .filter(([mediaType, media]) => keep(mediaType) && isObject(media) && isObject(media.schema))
    .map(([mediaType]) => ({ pointer: `${holder.pointer}/content/${escapeToken(mediaType)}/schema`, hops: holder.hops }));
}

/**
 * Schemas of a body location: `request.body` every media type of the request body;
 * `response.body` the non-streaming media types of the 2xx answers; `response.stream` their
 * `text/event-stream` schemas (one event's data).
 */
export function locationRoots(spec: JsonObject, operationPointer: string, location: FieldLocation): Cursor[] {
  const operation = getAtPointer(spec, operationPointer);
  if (!isObject(operation)) return [];
  if (location === 'request.body') {
    const body = deref(spec, { pointer: `${operationPointer}/requestBody`, hops: [] });
    return body ? mediaSchemas(spec, body, () => true) : [];
  }
  if (location !== 'response.body' && location !== 'response.stream') return [];
  const stream = location === 'response.stream';
  return successResponses(spec, operationPointer).flatMap((response) => mediaSchemas(spec, response, (mediaType) => (mediaType === EVENT_STREAM) === stream));
}

/** The 2xx Response Objects of an operation, through their `$ref`s. */
export function successResponses(spec: JsonObject, operationPointer: string): Cursor[] {
  const operation = getAtPointer(spec, operationPointer);
  const responses = isObject(operation) && isObject(operation.responses) ? operation.responses : {};
  return Object.keys(responses)
    .filter((status) => status.startsWith('2'))
    .flatMap((status) => deref(spec, { pointer: `${operationPointer}/responses/${escapeToken(status)}`, hops: [] }) ?? []);
}
