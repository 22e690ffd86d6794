/**
 * Which values of a discriminator property select which variant: read from each variant's own
 * `const`/`enum` of that property (through `$ref`, `allOf`, nullable `anyOf`s and nested unions).
 * Shared by the two discriminator fixes.
 */
import { deref } from './schema-utils.ts';
import { isObject, type JsonObject } from './types.ts';

export interface Variant {
  /** The variant's `$ref`, or undefined for an inline schema (which a mapping cannot name). */
  ref?: string;
  /** The discriminator values that select it; undefined when they cannot be read. */
  values?: string[];
}

export interface DiscriminatorAnalysis {
  variants: Variant[];
  /** A value claimed by more than one variant, if any. */
  duplicate?: { value: string; refs: string[] };
  /** `$ref` variants whose values cannot be read. */
  unreadable: string[];
}

export function analyseDiscriminator(spec: JsonObject, schema: JsonObject, propertyName: string): DiscriminatorAnalysis | undefined {
  const branches = schema.oneOf ?? schema.anyOf;
  if (!Array.isArray(branches)) return undefined;
  const variants: Variant[] = [];
  for (const branch of branches) {
    if (isNullSchema(branch)) continue;
    const ref = isObject(branch) && typeof branch.$ref === 'string' ? branch.$ref : undefined;
    variants.push({ ref, values: variantValues(spec, branch, propertyName, new Set()) });
  }
  const owners = new Map<string, string[]>();
  for (const v of variants) for (const value of v.values ?? []) owners.set(value, [...(owners.get(value) ?? []), v.ref ?? '(inline)']);
  const dup = [...owners].find(([, refs]) => refs.length > 1);
  return {
    variants,
    duplicate: dup ? { value: dup[0], refs: dup[1] } : undefined,
    unreadable: variants.filter((v) => v.ref && !v.values?.length).map((v) => v.ref as string),
  };
}

function isNullSchema(schema: unknown): boolean {
  return isObject(schema) && schema.type === 'null' && Object.keys(schema).length === 1;
}

function variantValues(spec: JsonObject, variant: unknown, prop: string, seen: Set<unknown>): string[] | undefined {
  const schema = deref(spec, variant);
  if (!schema || seen.has(schema)) return undefined;
  seen.add(schema);
  const properties = schema.properties;
  if (isObject(properties) && prop in properties) return propertyValues(spec, properties[prop]);
  if (Array.isArray(schema.allOf)) {
    for (const member of schema.allOf) {
      const values = variantValues(spec, member, prop, new Set(seen));
      if (values) return values;
    }
  }
  const nested = schema.oneOf ?? schema.anyOf;
  if (Array.isArray(nested)) {
    const all: string[] = [];
    for (const branch of nested) {
      if (isNullSchema(branch)) continue;
      const values = variantValues(spec, branch, prop, new Set(seen));
      if (!values) return undefined;
      all.push(...values);
    }
    return all.length ? all : undefined;
  }
  return undefined;
}

function propertyValues(spec: JsonObject, property: unknown): string[] | undefined {
  const schema = deref(spec, property);
  if (!schema) return undefined;
  if (typeof schema.const === 'string') return [schema.const];
  if (Array.isArray(schema.enum)) {
    const values = schema.enum.filter((v): v is string => typeof v === 'string');
    return values.length ? values : undefined;
  }
  const branches = schema.anyOf ?? schema.oneOf;
  if (Array.isArray(branches)) {
    const all: string[] = [];
    for (const branch of branches) {
      if (isNullSchema(branch)) continue;
      const values = propertyValues(spec, branch);
      if (!values) return undefined;
      all.push(...values);
    }
    return all.length ? all : undefined;
  }
  return undefined;
}
