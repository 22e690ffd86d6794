/**
 * The schemas a profile's validators compile, as units named by their content: each component
 * (and each inline request or answer schema) gets an id hashed from its schema and the ids of the
 * units it refers to (a Merkle hash; schemas that refer to each other in a cycle are hashed as one
 * group). Two profiles that share a schema, and everything it reaches, share its id, so one Ajv
 * compiles it once for a whole build (SharedAjv, below): catalog profiles differ from the base in a
 * few schemas only. The units' `$ref`s are rewritten to ids, which Ajv resolves as schema keys.
 */
import { createHash } from 'node:crypto';
import type { Ajv2020 } from 'ajv/dist/2020.js';

const COMPONENT = '#/components/schemas/';
const INLINE = '#/inline/';
/** The scheme of unit ids; `pointerText` turns them back into the spec's pointers. */
const UNIT_SCHEME = 'oai-unit:';
const UNIT_ID = new RegExp(`${UNIT_SCHEME}[0-9a-f]{24}`, 'g');

/** Full units have no `discriminator`; fast units keep the usable ones (fast-schemas.ts). */
export type Variant = 'full' | 'fast';

export interface UnitSources {
  full: { components: Record<string, unknown>; inline: Record<string, unknown> };
  fast?: { components: Record<string, unknown>; inline: Record<string, unknown>; reaches(pointer: string): boolean };
}

export interface UnitGraph {
  /** The id of each unit reached from the roots, by `variant:pointer` (`full:#/components/schemas/X`). */
  ids: Map<string, string>;
  /** The schema Ajv compiles for each id, its `$ref`s rewritten to ids. */
  schemas: Map<string, unknown>;
  /** Groups of ids that refer to each other (most hold one), each after every group it refers to. */
  order: string[][];
  /** The spec pointer of each component unit, written back where Ajv's code embeds a `$ref`. */
  pointers: Map<string, string>;
  /** The ids each unit refers to. */
  refs: Map<string, string[]>;
}

export function unitKey(variant: Variant, pointer: string): string {
  return `${variant}:${pointer}`;
}

function escapeName(name: string): string {
  return name.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** `#/components/schemas/X` and the pointer after it, for a `$ref` into the components; undefined otherwise. */
function componentRef(ref: string): { pointer: string; name: string; rest: string } | undefined {
  if (!ref.startsWith(COMPONENT)) return undefined;
  const tail = ref.slice(COMPONENT.length);
  const slash = tail.indexOf('/');
  const token = slash < 0 ? tail : tail.slice(0, slash);
  let name: string;
  try {
    name = decodeURIComponent(token).replace(/~1/g, '/').replace(/~0/g, '~');
  } catch {
    return undefined;
  }
  return { pointer: `${COMPONENT}${escapeName(name)}`, name, rest: slash < 0 ? '' : tail.slice(slash) };
}

/** A copy of `node` with each `$ref` string replaced by `rewrite(ref)` (enum and const values are data, left alone). */
function rewriteRefs(node: unknown, rewrite: (ref: string) => string): unknown {
  if (Array.isArray(node)) return node.map((item) => rewriteRefs(item, rewrite));
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === '$ref' && typeof value === 'string') out[key] = rewrite(value);
    else out[key] = key === 'enum' || key === 'const' ? value : rewriteRefs(value, rewrite);
  }
  return out;
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 24);
}

/** The units reached from `roots` (unit keys), with their ids and compile order. */
export function unitGraph(sources: UnitSources, roots: readonly string[]): UnitGraph {
  const schemaOf = (key: string): unknown => {
    const variant = key.slice(0, 4) as Variant;
    const pointer = key.slice(5);
    const doc = variant === 'fast' ? sources.fast : sources.full;
    if (!doc) return undefined;
    if (pointer.startsWith(INLINE)) return doc.inline[pointer.slice(INLINE.length)];
    const ref = componentRef(pointer);
    return ref ? doc.components[ref.name] : undefined;
  };
  // The unit a `$ref` of a `variant` unit reaches: fast units refer to the fast variant where there is one.
  const targetOf = (variant: Variant, ref: string): { key: string; rest: string } | undefined => {
    const parsed = componentRef(ref);
    if (!parsed || !Object.hasOwn(sources.full.components, parsed.name)) return undefined;
    const fast = variant === 'fast' && sources.fast!.reaches(parsed.pointer);
    return { key: unitKey(fast ? 'fast' : 'full', parsed.pointer), rest: parsed.rest };
  };

  // The units reached, with the units each refers to.
  const edges = new Map<string, string[]>();
  const pending = [...new Set(roots)];
  while (pending.length) {
    const key = pending.pop()!;
    if (edges.has(key)) continue;
    const variant = key.slice(0, 4) as Variant;
    const out = new Set<string>();
    rewriteRefs(schemaOf(key), (ref) => {
      const target = targetOf(variant, ref);
      if (target) out.add(target.key);
      return ref;
    });
    edges.set(key, [...out]);
    for (const next of out) if (!edges.has(next)) pending.push(next);
  }

  const ids = new Map<string, string>();
  const schemas = new Map<string, unknown>();
  const pointers = new Map<string, string>();
  const refs = new Map<string, string[]>();
  const order: string[][] = [];
  for (const group of stronglyConnected(edges)) {
    const members = new Set(group);
    const rewritten = (key: string, idOf: (target: string) => string) =>
      rewriteRefs(schemaOf(key), (ref) => {
        const target = targetOf(key.slice(0, 4) as Variant, ref);
        return target ? `${idOf(target.key)}${target.rest ? `#${target.rest}` : ''}` : ref;
      });
    // Inline schemas are named by content alone (their index depends on the operations around them).
    const label = (key: string) => (key.includes(INLINE) ? key.slice(0, key.indexOf(INLINE) + INLINE.length) : key);
    const cyclic = group.length > 1 || edges.get(group[0])!.includes(group[0]);
    if (!cyclic) {
      const key = group[0];
      const schema = rewritten(key, (target) => ids.get(target)!);
      ids.set(key, `${UNIT_SCHEME}${hash(`${label(key)}\n${JSON.stringify(schema)}`)}`);
    } else {
      const sorted = [...group].sort();
      const inner = sorted.map((key) => [label(key), rewritten(key, (target) => (members.has(target) ? `cycle:${label(target)}` : ids.get(target)!))]);
      const groupHash = hash(JSON.stringify(inner));
      for (const key of sorted) ids.set(key, `${UNIT_SCHEME}${hash(`${groupHash}\n${label(key)}`)}`);
    }
    const groupIds: string[] = [];
    for (const key of group) {
      const id = ids.get(key)!;
      schemas.set(id, asSchemaObject(rewritten(key, (target) => ids.get(target)!)));
      if (!key.includes(INLINE)) pointers.set(id, key.slice(5));
      refs.set(id, edges.get(key)!.map((target) => ids.get(target)!));
      groupIds.push(id);
    }
    order.push([...new Set(groupIds)].sort());
  }
  return { ids, schemas, order, pointers, refs };
}

/** Ajv adds object schemas by key; `true`/`false` become the object schemas that mean the same. */
function asSchemaObject(schema: unknown): unknown {
  if (schema === true) return {};
  if (schema === false) return { not: {} };
  return schema;
}

/** Whether `from` is, or refers through other units to, one of `ids`. */
export function reachesAny(graph: UnitGraph, from: string, ids: ReadonlySet<string>): string | undefined {
  const seen = new Set<string>([from]);
  const queue = [from];
  while (queue.length) {
    const id = queue.pop()!;
    if (ids.has(id)) return id;
    for (const next of graph.refs.get(id) ?? []) {
      if (seen.has(next)) continue;
      seen.add(next);
      queue.push(next);
    }
  }
  return undefined;
}

/** The text with every unit id Ajv embedded (in copies of schemas) written back as the spec's pointer. */
export function pointerText(code: string, pointers: ReadonlyMap<string, string>): string {
  return code.replace(UNIT_ID, (id) => {
    const pointer = pointers.get(id);
    if (pointer === undefined) throw new Error(`codegen: the validators mention the schema unit ${id}, which no component of the profile has`);
    return pointer;
  });
}

/**
 * Tarjan's strongly connected components, each after the components it refers to; within the
 * graph's insertion order, so the result does not depend on hash values.
 */
function stronglyConnected(edges: ReadonlyMap<string, readonly string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  let next = 0;
  const visit = (key: string): void => {
    index.set(key, next);
    low.set(key, next);
    next++;
    stack.push(key);
    onStack.add(key);
    for (const target of edges.get(key) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(key, Math.min(low.get(key)!, low.get(target)!));
      } else if (onStack.has(target)) low.set(key, Math.min(low.get(key)!, index.get(target)!));
    }
    if (low.get(key) === index.get(key)) {
      const group: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        group.push(member);
      } while (member !== key);
      groups.push(group);
    }
  };
  for (const key of [...edges.keys()].sort()) if (!index.has(key)) visit(key);
  return groups;
}

/**
 * An Ajv that keeps the units it compiled, for every profile a process handles. Units are compiled
 * each group after the groups it refers to, so that a unit's code does not depend on which
 * profile reached it first (it calls what it refers to, compiled already).
 */
export class SharedAjv {
  #ajv: Ajv2020 | undefined;
  readonly #added = new Set<string>();
  readonly #create: () => Ajv2020;
  readonly #maxUnits: number;

  /** `maxUnits`: above it, a fresh Ajv (a long-lived process may handle many profiles). */
  constructor(create: () => Ajv2020, maxUnits = 20_000) {
    this.#create = create;
    this.#maxUnits = maxUnits;
  }

  /** Compiles the graph's units not compiled yet; returns the Ajv holding them all and the units that failed, with why. */
  compile(graph: UnitGraph): { ajv: Ajv2020; failed: Map<string, string> } {
    if (!this.#ajv || this.#added.size > this.#maxUnits) {
      this.#ajv = this.#create();
      this.#added.clear();
    }
    const ajv = this.#ajv;
    const failed = new Map<string, string>();
    for (const group of graph.order) {
      const fresh = group.filter((id) => !this.#added.has(id));
      for (const id of fresh) {
        this.#added.add(id);
        try {
          ajv.addSchema(graph.schemas.get(id) as object, id);
        } catch (err) {
          failed.set(id, (err as Error).message);
        }
      }
      for (const id of fresh) {
        if (failed.has(id)) continue;
        try {
          ajv.getSchema(id);
        } catch (err) {
          failed.set(id, (err as Error).message);
        }
      }
    }
    // A failed compile can leave Ajv half-way through a group: the next graph starts afresh.
    if (failed.size) this.#ajv = undefined;
    return { ajv, failed };
  }
}
