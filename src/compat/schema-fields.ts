/**
 * The fields a JSON Schema describes, as body-relative paths (`messages[].tool_calls`), found by
 * following `$ref`, `allOf`, `anyOf`/`oneOf` variants and array items. Variants that define the
 * same path merge into one field. Our own walk: Redocly and json-schema tools resolve or validate
 * schemas but do not list the property paths they allow.
 */
import { getAtPointer, toPointer } from '../load/pointer.ts';
import { isObject } from '../load/json.ts';

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

/** A `$ref` walk's fields (relative to the target), and the `$ref`s it had to cut because an enclosing walk was inside them. */
interface Walked {
  fields: Fields;
  cutRefs: Set<string>;
}

const combinators = ['allOf', 'anyOf', 'oneOf'] as const;

function refPointer(ref: string): string | undefined {
  return ref.startsWith('#') ? decodeURIComponent(ref.slice(1)) : undefined;
}

function join(prefix: string, path: string): string {
  if (!prefix) return path;
  return path.charCodeAt(0) === 91 /* [ */ ? `${prefix}${path}` : `${prefix}.${path}`;
}

/** `/name` as a pointer token; the escaping regexes only run for names that need them. */
function token(name: string): string {
  return name.includes('~') || name.includes('/') ? toPointer([name]) : `/${name}`;
}

function addField(target: Fields, path: string, pointers: readonly string[], required: boolean, deprecated: boolean): void {
  const existing = target.get(path);
  if (!existing) {
    target.set(path, { path, pointers: pointers.slice(), required, deprecated });
    return;
  }
  for (const pointer of pointers) if (!existing.pointers.includes(pointer)) existing.pointers.push(pointer);
  existing.required ||= required;
  existing.deprecated ||= deprecated;
}

export interface SchemaWalker {
  /** The fields of `schema`, located at `pointer` in the document. Pointers are sorted. */
  (schema: unknown, pointer: string): Fields;
  /** Adds the fields of `schema` to `target`, pointers left unsorted (for callers merging several schemas). */
  addTo(target: Fields, schema: unknown, pointer: string): void;
}

/**
 * A walker over one document. Fields are added straight into the enclosing `$ref`'s result with
 * their full path, so a field is copied once per `$ref` it sits under, not once per level. Results
 * under a `$ref` are memoized per remaining depth, except those cut short by a cycle through an
 * enclosing schema: they depend on where the walk came from, and reusing them would make a field
 * list depend on which operations were walked before.
 */
export function createSchemaWalker(doc: unknown, options: SchemaWalkOptions = defaultWalkOptions): SchemaWalker {
  /** Per `$ref`, its results by remaining depth. */
  const memo = new Map<string, (Walked | undefined)[]>();
  const targets = new Map<string, { node: unknown; at: string } | null>();
  const inProgress = new Set<string>();

  const target = (ref: string): { node: unknown; at: string } | null => {
    let found = targets.get(ref);
    if (found === undefined) {
      const at = refPointer(ref);
      found = at === undefined ? null : { node: getAtPointer(doc, at), at };
      targets.set(ref, found);
    }
    return found;
  };

  const walkRef = (ref: string, remaining: number): Walked => {
    if (inProgress.has(ref)) return { fields: new Map(), cutRefs: new Set([ref]) };
    let byDepth = memo.get(ref);
    const cached = byDepth?.[remaining];
    if (cached) return cached;
    const found = target(ref);
    const result: Walked = { fields: new Map(), cutRefs: new Set() };
    if (!found) return result;
    inProgress.add(ref);
    collect(found.node, found.at, remaining, '', result);
    inProgress.delete(ref);
    result.cutRefs.delete(ref);
    if (result.cutRefs.size === 0) {
      if (!byDepth) memo.set(ref, (byDepth = []));
      byDepth[remaining] = result;
    }
    return result;
  };

  /** Adds the fields under `node` to `into`, their paths prefixed with `prefix`. */
  const collect = (node: unknown, at: string, remaining: number, prefix: string, into: Walked): void => {
    if (!isObject(node)) return;
    if (typeof node.$ref === 'string') {
      const sub = walkRef(node.$ref, remaining);
      for (const field of sub.fields.values()) addField(into.fields, join(prefix, field.path), field.pointers, field.required, field.deprecated);
      for (const ref of sub.cutRefs) into.cutRefs.add(ref);
    }
    for (const key of combinators) {
      const variants = node[key];
      if (Array.isArray(variants)) for (let i = 0; i < variants.length; i++) collect(variants[i], `${at}/${key}/${i}`, remaining, prefix, into);
    }
    if (isObject(node.properties)) {
      const required = Array.isArray(node.required) ? node.required : [];
      for (const name of Object.keys(node.properties)) {
        const property = node.properties[name];
        const propertyAt = `${at}/properties${token(name)}`;
        const path = join(prefix, name);
        addField(into.fields, path, [propertyAt], required.includes(name), isObject(property) && property.deprecated === true);
        if (remaining > 1) collect(property, propertyAt, remaining - 1, path, into);
      }
    }
    // Array items add `[]` to the path but no field of their own.
    if (isObject(node.items)) collect(node.items, `${at}/items`, remaining, join(prefix, '[]'), into);
  };

  const addTo = (fields: Fields, schema: unknown, pointer: string): void => {
    // Cut refs only matter inside a `$ref` walk; at the top nothing encloses the schema.
    collect(schema, pointer, options.maxDepth, '', { fields, cutRefs: new Set() });
  };
  const walker = (schema: unknown, pointer: string): Fields => {
    const fields: Fields = new Map();
    addTo(fields, schema, pointer);
    for (const field of fields.values()) field.pointers.sort();
    return fields;
  };
  return Object.assign(walker, { addTo });
}

/** One-off walk of a schema (see createSchemaWalker to share the memo across schemas). */
export function schemaFields(doc: unknown, schema: unknown, pointer: string, options: SchemaWalkOptions = defaultWalkOptions): Fields {
  return createSchemaWalker(doc, options)(schema, pointer);
}
