/**
 * The fields a JSON Schema describes, as body-relative paths (`messages[].tool_calls`), found by
 * following `$ref`, `allOf`, `anyOf`/`oneOf` variants and array items. Variants that define the
 * same path merge into one field. Our own walk: Redocly and json-schema tools resolve or validate
 * schemas but do not list the property paths they allow.
 */
import { getAtPointer, toPointer } from '../load/pointer.ts';

export interface SchemaField {
  path: string;
  /** JSON pointers of the property definitions (one per variant that defines it), sorted. */
  pointers: string[];
  required: boolean;
  deprecated: boolean;
}

export interface SchemaWalkOptions {
  /** Fields deeper than this many property names are not listed (`a.b[].c` has three). */
  maxDepth: number;
}

export const defaultWalkOptions: SchemaWalkOptions = { maxDepth: 8 };

type Json = Record<string, unknown>;
type Fields = Map<string, SchemaField>;

/** A walk's fields, and the `$ref`s it had to cut because an enclosing walk was inside them. */
interface Walked {
  fields: Fields;
  cutRefs: Set<string>;
}

const combinators = ['allOf', 'anyOf', 'oneOf'] as const;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function refPointer(ref: string): string | undefined {
  return ref.startsWith('#') ? decodeURIComponent(ref.slice(1)) : undefined;
}

function join(prefix: string, path: string): string {
  if (!prefix) return path;
  return path.startsWith('[') ? `${prefix}${path}` : `${prefix}.${path}`;
}

function addField(target: Fields, path: string, pointers: readonly string[], required: boolean, deprecated: boolean): void {
  const existing = target.get(path);
  if (!existing) {
    target.set(path, { path, pointers: [...pointers], required, deprecated });
    return;
  }
  for (const pointer of pointers) if (!existing.pointers.includes(pointer)) existing.pointers.push(pointer);
  existing.required ||= required;
  existing.deprecated ||= deprecated;
}

function mergeInto(target: Walked, source: Walked, prefix: string): void {
  for (const field of source.fields.values()) addField(target.fields, join(prefix, field.path), field.pointers, field.required, field.deprecated);
  for (const ref of source.cutRefs) target.cutRefs.add(ref);
}

/**
 * A walker over one document. Results under a `$ref` are memoized per remaining depth, except
 * those cut short by a cycle through an enclosing schema: they depend on where the walk came from,
 * and reusing them would make a field list depend on which operations were walked before.
 */
export function createSchemaWalker(doc: unknown, options: SchemaWalkOptions = defaultWalkOptions) {
  const memo = new Map<string, Walked>();
  const inProgress = new Set<string>();

  const walkRef = (ref: string, remaining: number): Walked => {
    if (inProgress.has(ref)) return { fields: new Map(), cutRefs: new Set([ref]) };
    const key = `${remaining} ${ref}`;
    const cached = memo.get(key);
    if (cached) return cached;
    const at = refPointer(ref);
    if (at === undefined) return { fields: new Map(), cutRefs: new Set() };
    inProgress.add(ref);
    const result = walk(getAtPointer(doc, at), at, remaining);
    inProgress.delete(ref);
    result.cutRefs.delete(ref);
    if (result.cutRefs.size === 0) memo.set(key, result);
    return result;
  };

  const walk = (node: unknown, at: string, remaining: number): Walked => {
    const result: Walked = { fields: new Map(), cutRefs: new Set() };
    if (!isObject(node)) return result;
    if (typeof node.$ref === 'string') mergeInto(result, walkRef(node.$ref, remaining), '');
    for (const key of combinators) {
      const variants = node[key];
      if (Array.isArray(variants)) variants.forEach((variant, i) => mergeInto(result, walk(variant, `${at}/${key}/${i}`, remaining), ''));
    }
    if (isObject(node.properties)) {
      const required = Array.isArray(node.required) ? node.required : [];
      for (const [name, property] of Object.entries(node.properties)) {
        const propertyAt = `${at}/properties${toPointer([name])}`;
        const deprecated = isObject(property) && property.deprecated === true;
        addField(result.fields, name, [propertyAt], required.includes(name), deprecated);
        if (remaining > 1) mergeInto(result, walk(property, propertyAt, remaining - 1), name);
      }
    }
    // Array items add `[]` to the path but no field of their own.
    if (isObject(node.items)) mergeInto(result, walk(node.items, `${at}/items`, remaining), '[]');
    return result;
  };

  /** The fields of `schema`, located at `pointer` in the document. Pointers are sorted. */
  return (schema: unknown, pointer: string): Fields => {
    const { fields } = walk(schema, pointer, options.maxDepth);
    const copy: Fields = new Map();
    for (const field of fields.values()) copy.set(field.path, { ...field, pointers: [...field.pointers].sort() });
    return copy;
  };
}

/** One-off walk of a schema (see createSchemaWalker to share the memo across schemas). */
export function schemaFields(doc: unknown, schema: unknown, pointer: string, options: SchemaWalkOptions = defaultWalkOptions): Fields {
  return createSchemaWalker(doc, options)(schema, pointer);
}
