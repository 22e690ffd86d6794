/**
 * Every field of one operation, by location: request body, query parameters, request headers
 * (auth included), response bodies, streamed events and response headers.
 * https://spec.openapis.org/oas/v3.1.0#operation-object
 */
import { getAtPointer, toPointer } from '../load/pointer.ts';
import { createSchemaWalker, defaultWalkOptions, type SchemaField, type SchemaWalker, type SchemaWalkOptions } from './schema-fields.ts';
import type { FieldLocation } from './types.ts';
import { listOperations, type OperationRef } from '../load/openapi.ts';
import { isObject } from '../load/json.ts';

export type OperationFields = Record<FieldLocation, Map<string, SchemaField>>;


type Json = Record<string, unknown>;

export { listOperations, type OperationRef };

/** Follows a local `$ref` once, returning the target and its pointer. */
function deref(doc: unknown, node: unknown, at: string): { node: unknown; at: string } {
  let current = node;
  let pointer = at;
  for (let hops = 0; hops < 8 && isObject(current) && typeof current.$ref === 'string'; hops++) {
    const ref = current.$ref;
    if (!ref.startsWith('#')) break;
    pointer = decodeURIComponent(ref.slice(1));
    current = getAtPointer(doc, pointer);
  }
  return { node: current, at: pointer };
}

function emptyFields(): OperationFields {
  return {
    'request.body': new Map(),
    'request.query': new Map(),
    'request.header': new Map(),
    'response.body': new Map(),
    'response.stream': new Map(),
    'response.header': new Map(),
  };
}

function addField(target: Map<string, SchemaField>, path: string, pointer: string, required = false, deprecated = false): void {
  const existing = target.get(path);
  if (existing) {
    if (!existing.pointers.includes(pointer)) existing.pointers.push(pointer);
    existing.required ||= required;
    existing.deprecated ||= deprecated;
  } else {
    target.set(path, { path, pointers: [pointer], required, deprecated });
  }
}

/**
 * Body fields of every media type of a request body or response, merged (pointers sorted by the
 * caller). A response's `text/event-stream` schema describes one event's data: `stream` gets it.
 */
function contentFields(walker: SchemaWalker, content: unknown, at: string, target: Map<string, SchemaField>, stream = target): void {
  if (!isObject(content)) return;
  for (const [mediaType, media] of Object.entries(content)) {
    if (!isObject(media) || media.schema === undefined) continue;
    walker.addTo(mediaType === 'text/event-stream' ? stream : target, media.schema, `${at}${toPointer([mediaType])}/schema`);
  }
}

/** The header each security scheme of the operation sends (`authorization` for HTTP auth). */
function securityHeaders(doc: Json, ref: OperationRef, target: Map<string, SchemaField>): void {
  const requirements = Array.isArray(ref.operation.security) ? ref.operation.security : Array.isArray(doc.security) ? doc.security : [];
  const components = isObject(doc.components) ? doc.components : {};
  const schemes = isObject(components.securitySchemes) ? components.securitySchemes : {};
  for (const requirement of requirements) {
    if (!isObject(requirement)) continue;
    for (const name of Object.keys(requirement)) {
      const scheme = schemes[name];
      const at = toPointer(['components', 'securitySchemes', name]);
      if (!isObject(scheme)) continue;
      if (scheme.type === 'http' || scheme.type === 'oauth2' || scheme.type === 'openIdConnect') addField(target, 'authorization', at);
      else if (scheme.type === 'apiKey' && scheme.in === 'header' && typeof scheme.name === 'string') addField(target, scheme.name.toLowerCase(), at);
    }
  }
}

/**
 * Paths are built by concatenation, which V8 keeps as ropes until something needs the characters
 * in a row. Taking a substring flattens a rope in place: done once here, it spares compat.json,
 * COMPATIBILITY.md and the site page from walking ropes (measured: stringifying the 18,000 rows
 * of the five profiles took ~1.8 times as long without it).
 */
function flatten(text: string): void {
  if (text.length > 1) text.slice(1);
}

/** Responses with a 2xx (or `2XX`, `default`) status: what a successful call returns. */
function isSuccess(code: string): boolean {
  return /^2/.test(code) || code === 'default';
}

/**
 * A reader of operation fields for one document; schema walks are shared between its operations.
 */
export function createFieldReader(doc: Json, options: SchemaWalkOptions = defaultWalkOptions): (ref: OperationRef) => OperationFields {
  const walker = createSchemaWalker(doc, options);
  return (ref) => readOperationFields(doc, walker, ref);
}

function readOperationFields(doc: Json, walker: SchemaWalker, ref: OperationRef): OperationFields {
  const fields = emptyFields();
  const pathItem = getAtPointer(doc, toPointer(['paths', ref.path]));
  const parameterLists: [unknown, string][] = [
    [isObject(pathItem) ? pathItem.parameters : undefined, toPointer(['paths', ref.path, 'parameters'])],
    [ref.operation.parameters, `${ref.pointer}/parameters`],
  ];
  for (const [list, at] of parameterLists) {
    if (!Array.isArray(list)) continue;
    list.forEach((raw, i) => {
      const { node: parameter, at: parameterAt } = deref(doc, raw, `${at}/${i}`);
      if (!isObject(parameter) || typeof parameter.name !== 'string') return;
      const deprecated = parameter.deprecated === true;
      if (parameter.in === 'query') addField(fields['request.query'], parameter.name, parameterAt, parameter.required === true, deprecated);
      if (parameter.in === 'header') addField(fields['request.header'], parameter.name.toLowerCase(), parameterAt, parameter.required === true, deprecated);
    });
  }
  securityHeaders(doc, ref, fields['request.header']);

  const { node: body, at: bodyAt } = deref(doc, ref.operation.requestBody, `${ref.pointer}/requestBody`);
  if (isObject(body)) contentFields(walker, body.content, `${bodyAt}/content`, fields['request.body']);

  const responses = isObject(ref.operation.responses) ? ref.operation.responses : {};
  for (const [code, raw] of Object.entries(responses)) {
    if (!isSuccess(code)) continue;
    const { node: response, at: responseAt } = deref(doc, raw, `${ref.pointer}/responses${toPointer([code])}`);
    if (!isObject(response)) continue;
    contentFields(walker, response.content, `${responseAt}/content`, fields['response.body'], fields['response.stream']);
    if (isObject(response.headers)) {
      for (const name of Object.keys(response.headers)) {
        const { at: headerAt } = deref(doc, response.headers[name], `${responseAt}/headers${toPointer([name])}`);
        addField(fields['response.header'], name.toLowerCase(), headerAt);
      }
    }
  }
  for (const location of Object.values(fields)) {
    for (const field of location.values()) {
      field.pointers.sort();
      flatten(field.path);
    }
  }
  return fields;
}
