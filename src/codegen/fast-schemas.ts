/**
 * A copy of the schemas for the fast validator variants: each `oneOf` whose `discriminator` Ajv can
 * use (a const/enum tag, required, unique per branch) keeps it without `mapping` (Ajv refuses
 * `mapping`; the branches' tags say the same) and `type: object`, every other `discriminator` is
 * dropped. For objects with unique required tags, "the branch named by the tag matches" is exactly
 * "one branch matches": the fast variant accepts only what the full one accepts (it may refuse
 * more, non-objects; the full one then decides and reports the errors).
 * Our own walk: Ajv throws on the first unusable discriminator of a compile without naming it.
 */
import { isObject } from './operations.ts';

const COMPONENT = '#/components/schemas/';

export interface FastSchemas {
  components: Record<string, unknown>;
  inline: Record<string, unknown>;
  /** Whether the schema at `#/components/schemas/X` or `#/inline/iN` reaches a usable discriminator. */
  reaches(key: string): boolean;
}

export function fastSchemas(source: { components: Record<string, unknown>; inline: Record<string, unknown> }): FastSchemas {
  const components = structuredClone(source.components);
  const inline = structuredClone(source.inline);
  const resolve = (ref: string): unknown => (ref.startsWith(COMPONENT) ? components[decodeURIComponent(ref.slice(COMPONENT.length)).replace(/~1/g, '/').replace(/~0/g, '~')] : undefined);

  // Per unit (a component or an inline schema): the components it refers to, and whether it holds a usable discriminator itself.
  const refs = new Map<string, Set<string>>();
  const reaching = new Set<string>();
  const visit = (unit: string, root: unknown): void => {
    const out = new Set<string>();
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(walk);
      if (!isObject(node)) return;
      if (typeof node.$ref === 'string' && node.$ref.startsWith(COMPONENT)) out.add(node.$ref);
      if (node.discriminator !== undefined) {
        if (usableDiscriminator(node, resolve)) {
          const { mapping: _mapping, ...rest } = node.discriminator as Record<string, unknown>;
          node.discriminator = rest;
          // Ajv applies `discriminator` to objects only and then skips `oneOf`: anything else would
          // pass. Refused here, such a value goes to the full validator, which decides.
          node.type = 'object';
          reaching.add(unit);
        } else delete node.discriminator;
      }
      for (const key in node) if (key !== 'enum' && key !== 'const' && key !== 'example' && key !== 'examples') walk(node[key]);
    };
    walk(root);
    refs.set(unit, out);
  };
  for (const name of Object.keys(components)) visit(`${COMPONENT}${name.replace(/~/g, '~0').replace(/\//g, '~1')}`, components[name]);
  for (const name of Object.keys(inline)) visit(`#/inline/${name}`, inline[name]);

  // Fixpoint: a unit reaches a discriminator when one it refers to does.
  for (let changed = true; changed; ) {
    changed = false;
    for (const [unit, targets] of refs) {
      if (reaching.has(unit)) continue;
      for (const target of targets) {
        if (reaching.has(target)) {
          reaching.add(unit);
          changed = true;
          break;
        }
      }
    }
  }
  return { components, inline, reaches: (key) => reaching.has(key) };
}

/** Ajv's own conditions for `discriminator` (vocabularies/discriminator), checked up front. */
function usableDiscriminator(node: Record<string, any>, resolve: (ref: string) => unknown): boolean {
  const tag = isObject(node.discriminator) ? node.discriminator.propertyName : undefined;
  if (typeof tag !== 'string' || !Array.isArray(node.oneOf) || (node.type !== undefined && node.type !== 'object')) return false;
  const topRequired = requires(node, tag);
  const seen = new Set<string>();
  for (const branch of node.oneOf) {
    let schema: unknown = branch;
    if (isObject(branch) && typeof branch.$ref === 'string') {
      if (Object.keys(branch).length !== 1) return false;
      schema = resolve(branch.$ref);
    }
    if (!isObject(schema)) return false;
    const property = isObject(schema.properties) ? schema.properties[tag] : undefined;
    if (!isObject(property) || !(topRequired || requires(schema, tag))) return false;
    const values: unknown[] | undefined = property.const ? [property.const] : Array.isArray(property.enum) ? property.enum : undefined;
    if (!values) return false;
    for (const value of values) {
      if (typeof value !== 'string' || seen.has(value)) return false;
      seen.add(value);
    }
  }
  return true;
}

function requires(schema: Record<string, any>, tag: string): boolean {
  return Array.isArray(schema.required) && schema.required.includes(tag);
}
