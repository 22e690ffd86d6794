/**
 * Visits every Schema Object of an OpenAPI 3.1 document, pre-order, with its path.
 * Our own walker because the fixes need in-place edits with key order kept and a visit that
 * never strays into example values, defaults or `x-` extensions (where a `nullable: true` is
 * data, not a keyword); @redocly/openapi-core's walker is built for linting, not rewriting.
 * https://spec.openapis.org/oas/v3.1.0#schema-object
 */
import { isObject, type JsonObject } from './types.ts';
import { HTTP_METHODS } from '../load/openapi.ts';

/** Called before descending; may edit `schema` in place (the walk then follows the edited keys). */
export type SchemaVisitor = (schema: JsonObject, path: (string | number)[]) => void;

/** How each subschema-bearing keyword holds its subschemas (JSON Schema 2020-12 applicators). */
const MAP = 1;
const SINGLE = 2;
const LIST = 3;
const SUBSCHEMAS: Record<string, number> = Object.assign(Object.create(null) as Record<string, number>, {
  properties: MAP, patternProperties: MAP, $defs: MAP, definitions: MAP, dependentSchemas: MAP,
  additionalProperties: SINGLE, items: SINGLE, additionalItems: SINGLE, contains: SINGLE, not: SINGLE,
  if: SINGLE, then: SINGLE, else: SINGLE, propertyNames: SINGLE, unevaluatedItems: SINGLE,
  unevaluatedProperties: SINGLE, contentSchema: SINGLE,
  allOf: LIST, anyOf: LIST, oneOf: LIST, prefixItems: LIST,
});

export function forEachSchema(doc: JsonObject, visit: SchemaVisitor): void {
  new Walker(visit).document(doc);
}

class Walker {
  private readonly visit: SchemaVisitor;
  private readonly path: (string | number)[];

  constructor(visit: SchemaVisitor) {
    this.visit = visit;
    this.path = [];
  }

  private at(key: string | number, value: unknown, fn: (value: unknown) => void): void {
    this.path.push(key);
    fn.call(this, value);
    this.path.pop();
  }

  private eachValue(map: unknown, fn: (value: unknown) => void): void {
    if (!isObject(map)) return;
    for (const key of Object.keys(map)) this.at(key, map[key], fn);
  }

  private eachItem(list: unknown, fn: (value: unknown) => void): void {
    if (!Array.isArray(list)) return;
    for (let i = 0; i < list.length; i++) this.at(i, list[i], fn);
  }

  document(doc: JsonObject): void {
    this.at('paths', doc.paths, (paths) => this.eachValue(paths, this.pathItem));
    this.at('webhooks', doc.webhooks, (hooks) => this.eachValue(hooks, this.pathItem));
    const components = doc.components;
    if (!isObject(components)) return;
    this.path.push('components');
    this.at('schemas', components.schemas, (m) => this.eachValue(m, this.schema));
    this.at('responses', components.responses, (m) => this.eachValue(m, this.response));
    this.at('parameters', components.parameters, (m) => this.eachValue(m, this.parameter));
    this.at('requestBodies', components.requestBodies, (m) => this.eachValue(m, this.content));
    this.at('headers', components.headers, (m) => this.eachValue(m, this.parameter));
    this.at('pathItems', components.pathItems, (m) => this.eachValue(m, this.pathItem));
    this.at('callbacks', components.callbacks, (m) => this.eachValue(m, this.callback));
    this.path.pop();
  }

  private pathItem(item: unknown): void {
    if (!isObject(item)) return;
    this.at('parameters', item.parameters, (list) => this.eachItem(list, this.parameter));
    for (const method of HTTP_METHODS) this.at(method, item[method], this.operation);
  }

  private callback(cb: unknown): void {
    this.eachValue(cb, this.pathItem);
  }

  private operation(op: unknown): void {
    if (!isObject(op)) return;
    this.at('parameters', op.parameters, (list) => this.eachItem(list, this.parameter));
    this.at('requestBody', op.requestBody, this.content);
    this.at('responses', op.responses, (m) => this.eachValue(m, this.response));
    this.at('callbacks', op.callbacks, (m) => this.eachValue(m, this.callback));
  }

  /** Parameter and Header Objects: a `schema` or a `content` map. */
  private parameter(p: unknown): void {
    if (!isObject(p)) return;
    this.at('schema', p.schema, this.schema);
    this.content(p);
  }

  private response(r: unknown): void {
    if (!isObject(r)) return;
    this.at('headers', r.headers, (m) => this.eachValue(m, this.parameter));
    this.content(r);
  }

  /** Anything with a `content` map of Media Type Objects (request bodies, responses, parameters). */
  private content(owner: unknown): void {
    if (!isObject(owner)) return;
    this.at('content', owner.content, (m) =>
      this.eachValue(m, (media) => {
        if (!isObject(media)) return;
        this.at('schema', media.schema, this.schema);
        this.at('encoding', media.encoding, (enc) =>
          this.eachValue(enc, (e) => {
            if (isObject(e)) this.at('headers', e.headers, (h) => this.eachValue(h, this.parameter));
          }),
        );
      }),
    );
  }

  /** Runs on every schema, so it iterates the schema's own keys (few) rather than the keyword list. */
  schema(s: unknown): void {
    if (!isObject(s)) return;
    this.visit(s, this.path);
    const path = this.path;
    const keys = Object.keys(s);
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k];
      const kind = SUBSCHEMAS[key];
      if (kind === undefined) continue;
      const value = s[key];
      path.push(key);
      if (kind === MAP) {
        if (isObject(value)) {
          const names = Object.keys(value);
          for (let n = 0; n < names.length; n++) {
            const name = names[n];
            path.push(name);
            this.schema(value[name]);
            path.pop();
          }
        }
      } else if (Array.isArray(value)) {
        // A list, or `items` in the draft-04 tuple form.
        for (let i = 0; i < value.length; i++) {
          path.push(i);
          this.schema(value[i]);
          path.pop();
        }
      } else if (kind === SINGLE) {
        this.schema(value);
      }
      path.pop();
    }
  }
}
