/**
 * Where a schema declares a field: every node a field key reaches from an operation's request or
 * response schemas, through `$ref`, `allOf`/`anyOf`/`oneOf` members, `properties` and `items`,
 * with the `$ref`s crossed on the way (what copy-on-write must repoint).
 */
import { escapeToken, getAtPointer, unescapeToken } from '../load/pointer.ts';
import { isObject, type JsonObject } from '../load/json.ts';
import type { FieldStep } from './field-path.ts';

/** A `$ref` crossed: the node holding it and the component it names (`/components/schemas/X`). */
export interface RefHop {
  holder: string;
  target: string;
}

/** A schema node reached from a root, and the `$ref`s crossed to reach it (outermost first). */
export interface Cursor {
  pointer: string;
  hops: RefHop[];
}

/** A declaration: `property` is a `properties` member; `branch` a `oneOf`/`anyOf` member. */
export interface Site extends Cursor {
  kind: 'property' | 'branch';
}

const LOCAL_REF = /^#(\/.*)$/;

/** The pointer a local `$ref` names, or undefined for external and malformed ones. */
export function refPointer(ref: unknown): string | undefined {
  if (typeof ref !== 'string') return undefined;
  const match = LOCAL_REF.exec(ref);
  return match ? decodeURIComponent(match[1]) : undefined;
}

function hopsKey(cursor: Cursor): string {
  return `${cursor.pointer}|${cursor.hops.map((h) => h.holder).join(',')}`;
}

/**
 * The node and every node it stands for: its `$ref` target and its combinator members,
 * recursively; the node itself comes first, members in document order.
 */
export function expand(spec: JsonObject, start: Cursor): Cursor[] {
  const found: Cursor[] = [];
  const seen = new Set<string>();
  const visit = (cursor: Cursor): void => {
    if (seen.has(cursor.pointer) || cursor.hops.length > 32) return;
    seen.add(cursor.pointer);
    const node = getAtPointer(spec, cursor.pointer);
    if (!isObject(node)) return;
    found.push(cursor);
    const target = refPointer(node.$ref);
    if (target !== undefined) visit({ pointer: target, hops: [...cursor.hops, { holder: cursor.pointer, target }] });
    for (const keyword of ['allOf', 'anyOf', 'oneOf'] as const) {
      const members = node[keyword];
      if (Array.isArray(members)) members.forEach((_, i) => visit({ pointer: `${cursor.pointer}/${keyword}/${i}`, hops: cursor.hops }));
    }
  };
  visit(start);
  return found;
}

/** Whether a schema (followed through `$ref` and combinators) fixes `property` to `value`. */
function admits(spec: JsonObject, cursor: Cursor, property: string, value: string): boolean {
  return expand(spec, cursor).some((c) => {
    const node = getAtPointer(spec, c.pointer) as JsonObject;
    const prop = isObject(node.properties) ? node.properties[property] : undefined;
    if (!isObject(prop)) return false;
    return expand(spec, { pointer: `${c.pointer}/properties/${escapeToken(property)}`, hops: [] }).some((p) => {
      const schema = getAtPointer(spec, p.pointer) as JsonObject;
      return schema.const === value || (Array.isArray(schema.enum) && schema.enum.includes(value));
    });
  });
}

function step(spec: JsonObject, cursor: Cursor, next: FieldStep): Site[] {
  const sites: Site[] = [];
  for (const c of expand(spec, cursor)) {
    const node = getAtPointer(spec, c.pointer) as JsonObject;
    if (next.kind === 'property') {
      if (isObject(node.properties) && isObject(node.properties[next.name])) {
        sites.push({ kind: 'property', pointer: `${c.pointer}/properties/${escapeToken(next.name)}`, hops: c.hops });
      }
    } else if (isObject(node.items)) {
      const items: Cursor = { pointer: `${c.pointer}/items`, hops: c.hops };
      if (next.kind === 'items') sites.push({ kind: 'property', ...items });
      else sites.push(...branches(spec, items, next.property, next.value));
    } else if (next.kind === 'variant' && (Array.isArray(node.oneOf) || Array.isArray(node.anyOf))) {
      // A union that is no array (`response_format[type=json_schema]`) narrows to its own branches.
      sites.push(...branches(spec, c, next.property, next.value));
    }
  }
  return sites;
}

/** The `oneOf`/`anyOf` members below an array item whose discriminating property admits `value`. */
function branches(spec: JsonObject, items: Cursor, property: string, value: string): Site[] {
  const sites: Site[] = [];
  for (const c of expand(spec, items)) {
    const node = getAtPointer(spec, c.pointer) as JsonObject;
    for (const keyword of ['oneOf', 'anyOf'] as const) {
      const members = node[keyword];
      if (!Array.isArray(members)) continue;
      members.forEach((_, i) => {
        const member: Cursor = { pointer: `${c.pointer}/${keyword}/${i}`, hops: c.hops };
        if (admits(spec, member, property, value)) sites.push({ kind: 'branch', ...member });
      });
    }
  }
  return sites;
}

/** Every declaration of the field the steps name, below the given roots. */
export function locateField(spec: JsonObject, roots: readonly Cursor[], steps: readonly FieldStep[]): Site[] {
  let cursors: Site[] = roots.map((r) => ({ kind: 'property', ...r }));
  for (const next of steps) {
    const reached = new Map<string, Site>();
    for (const cursor of cursors) for (const site of step(spec, cursor, next)) reached.set(hopsKey(site), site);
    cursors = [...reached.values()];
  }
  return cursors;
}

/** The component a pointer lies in (`/components/schemas/X`), or undefined outside `components`. */
export function componentOf(pointer: string): string | undefined {
  const match = /^\/components\/[^/]+\/[^/]+/.exec(pointer);
  return match?.[0];
}

/** `/components/schemas/X` → `X`. */
export function componentName(component: string): string {
  return unescapeToken(component.split('/')[3]);
}
