/** `reject` value rules as schema constraints (JSON Schema 2020-12 validation keywords). */
import { getAtPointer } from '../load/pointer.ts';
import { isObject, type JsonObject } from '../load/json.ts';
import type { ValueRule, ValueSelector } from '../profile/types.ts';
import type { ClaimRef, Edit } from './edits.ts';
import { expand, type Cursor } from './locate.ts';

function enumNodes(spec: JsonObject, site: Cursor): Cursor[] {
  return expand(spec, site).filter((c) => Array.isArray((getAtPointer(spec, c.pointer) as JsonObject).enum));
}

function describe(rule: ValueRule): string {
  const [key, value] = Object.entries(rule.when)[0];
  return `${key} ${JSON.stringify(value)}`;
}

/** A bound that only tightens: `maximum` becomes the smaller of the two, `minimum` the larger. */
function bound(node: JsonObject, keyword: 'maximum' | 'minimum' | 'exclusiveMaximum' | 'exclusiveMinimum', value: number): Record<string, unknown> {
  const existing = node[keyword];
  if (typeof existing !== 'number') return { [keyword]: value };
  return { [keyword]: keyword.includes('aximum') ? Math.min(existing, value) : Math.max(existing, value) };
}

/**
 * Allowed values the field's enums lack (Groq's `service_tier: on_demand`) join the enums holding
 * values of the same type: the claim lists what the provider accepts, so the schema must too.
 */
function addToEnums(spec: JsonObject, site: Cursor, allowed: readonly unknown[], claim: ClaimRef, why: string): Edit[] {
  const nodes = enumNodes(spec, site).map((c) => ({ c, values: (getAtPointer(spec, c.pointer) as JsonObject).enum as unknown[] }));
  const missing = allowed.filter((value) => !nodes.some((n) => n.values.includes(value)));
  return nodes.flatMap(({ c, values }) => {
    const added = missing.filter((value) => values.some((v) => typeof v === typeof value));
    return added.length ? [{ pointer: `${c.pointer}/enum`, hops: c.hops, claim, why: `${why} (the provider also accepts ${added.map((v) => JSON.stringify(v)).join(', ')})`, kind: 'merge' as const, value: added }] : [];
  });
}

/**
 * The edits making the schema at `site` reject what the rule rejects: allowed values narrow the
 * `enum`s the field reaches (or become one; allowed values they lack are added), rejected values leave those `enum`s (or become
 * `not: {enum}`), ranges become `maximum`/`minimum`/`exclusive*`.
 */
export function ruleEdits(spec: JsonObject, site: Cursor, rule: ValueRule, claim: ClaimRef): Edit[] {
  if (rule.effect !== 'reject') return [];
  const node = getAtPointer(spec, site.pointer);
  if (!isObject(node)) return [];
  const why = `${claim.operation}: ${claim.field} rejects values ${describe(rule)}`;
  const merge = (value: Record<string, unknown>): Edit[] => [{ pointer: site.pointer, hops: site.hops, claim, why, kind: 'merge', value }];
  const dropFromEnums = (rejected: (value: unknown) => boolean): Edit[] | undefined => {
    const nodes = enumNodes(spec, site);
    if (nodes.length === 0) return undefined;
    return nodes.flatMap((c) => {
      const values = ((getAtPointer(spec, c.pointer) as JsonObject).enum as unknown[]).filter(rejected);
      return values.length ? [{ pointer: `${c.pointer}/enum`, hops: c.hops, claim, why, kind: 'remove-values' as const, values }] : [];
    });
  };
  const when = rule.when;
  if ('notIn' in when) {
    const allowed = when.notIn;
    const dropped = dropFromEnums((v) => !allowed.includes(v));
    return dropped ? [...dropped, ...addToEnums(spec, site, allowed, claim, why)] : merge({ enum: allowed });
  }
  if ('in' in when) return dropFromEnums((v) => when.in.includes(v)) ?? merge({ not: { enum: when.in } });
  if ('equals' in when) return dropFromEnums((v) => v === when.equals) ?? merge({ not: { const: when.equals } });
  if ('above' in when) return merge(bound(node, 'maximum', when.above));
  if ('atLeast' in when) return merge(bound(node, 'exclusiveMaximum', when.atLeast));
  if ('below' in when) return merge(bound(node, 'minimum', when.below));
  if ('atMost' in when) return merge(bound(node, 'exclusiveMinimum', when.atMost));
  return [];
}

/** Values a selector selects, one per bound (every listed value; none for `notIn`): what checks probe. */
export function sampleValues(when: ValueSelector): unknown[] {
  if ('in' in when) return when.in;
  if ('equals' in when) return [when.equals];
  if ('above' in when) return [when.above + 1];
  if ('atLeast' in when) return [when.atLeast];
  if ('below' in when) return [when.below - 1];
  if ('atMost' in when) return [when.atMost];
  return [];
}
