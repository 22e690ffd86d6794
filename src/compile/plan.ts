/**
 * Copy-on-write: turns the edits of one operation into Overlay actions that change that
 * operation only. A component referenced more than once from what the profile keeps (or reached
 * through a copy) is copied under `<Name>__<provider>_<operation>`, the `$ref`s on the way from
 * the operation are repointed to the copies, and the edits land in the copies.
 */
import { getAtPointer } from '../load/pointer.ts';
import { isObject, type JsonObject } from '../load/json.ts';
import type { CompiledAction, Edit } from './edits.ts';
import { memberEqualPath, pointerToPath } from './jsonpath.ts';
import { componentName, componentOf } from './locate.ts';

export interface PlanContext {
  spec: JsonObject;
  /** References to each component from the kept part of the spec (references.ts). */
  counts: ReadonlyMap<string, number>;
  /** Suffix of this operation's copies: `groq_createChatCompletion`. */
  suffix: string;
}

function cloneJson<T>(value: T): T {
  return structuredClone(value);
}

/** Components the edits must not change in place, mapped to their copies' pointers. */
function copiesFor(context: PlanContext, edits: readonly Edit[]): Map<string, string> {
  const copies = new Map<string, string>();
  const sectionOf = (component: string): JsonObject => getAtPointer(context.spec, component.split('/').slice(0, 3).join('/')) as JsonObject;
  for (const edit of edits) {
    let copying = false;
    for (const hop of edit.hops) {
      const component = componentOf(hop.target);
      if (component === undefined) continue;
      copying ||= (context.counts.get(component) ?? 0) > 1;
      if (!copying || copies.has(component)) continue;
      let name = `${componentName(component)}__${context.suffix}`;
      while (isObject(sectionOf(component)[name])) name += '_';
      copies.set(component, `${component.split('/').slice(0, 3).join('/')}/${name}`);
    }
  }
  return copies;
}

/** The actions of one operation's edits: copies, repointed `$ref`s, then the edits themselves. */
export function planActions(context: PlanContext, edits: readonly Edit[]): CompiledAction[] {
  const { spec } = context;
  const copies = copiesFor(context, edits);
  const translate = (pointer: string): string => {
    const component = componentOf(pointer);
    const copy = component === undefined ? undefined : copies.get(component);
    return copy === undefined ? pointer : copy + pointer.slice(component!.length);
  };
  // Paths are computed on the original (same shape as its copy), then renamed.
  const pathOf = (pointer: string): string => {
    const component = componentOf(pointer);
    const copy = component === undefined ? undefined : copies.get(component);
    const path = pointerToPath(spec, pointer);
    return copy === undefined ? path : pointerToPath(spec, copy.split('/').slice(0, 3).join('/')) + `['${copy.split('/')[3]}']` + path.slice(pointerToPath(spec, component!).length);
  };

  const actions: CompiledAction[] = [];
  for (const [component, copy] of [...copies].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const section = component.split('/').slice(0, 3).join('/');
    actions.push({
      target: pointerToPath(spec, section),
      description: `Copy of ${componentName(component)} that ${edits[0].claim.operation} alone uses: its claims edit the copy`,
      update: { [copy.split('/')[3]]: cloneJson(getAtPointer(spec, component)) },
    });
  }
  const repointed = new Set<string>();
  for (const edit of edits) {
    for (const hop of edit.hops) {
      const component = componentOf(hop.target);
      if (component === undefined || !copies.has(component)) continue;
      const holder = translate(hop.holder);
      if (repointed.has(holder)) continue;
      repointed.add(holder);
      actions.push({ target: pathOf(hop.holder), description: `${edit.claim.operation} uses its own copy of ${componentName(component)}`, update: { $ref: `#${translate(hop.target)}` }, 'x-claim': edit.claim.pointer });
    }
  }
  const claimed = (edit: Edit) => ({ description: edit.why, 'x-claim': edit.claim.pointer });
  for (const edit of edits) if (edit.kind === 'merge') actions.push({ target: pathOf(edit.pointer), ...claimed(edit), update: edit.value });
  for (const edit of edits) {
    if (edit.kind !== 'remove-values') continue;
    for (const value of edit.values) actions.push({ target: memberEqualPath(spec, edit.pointer, value).replace(pointerToPath(spec, edit.pointer), pathOf(edit.pointer)), ...claimed(edit), remove: true });
  }
  // Object members first; array items last, highest index first, so no removal shifts another.
  const removals = edits.filter((e) => e.kind === 'remove');
  const index = (e: Edit): number => (Array.isArray(getAtPointer(spec, e.pointer.split('/').slice(0, -1).join('/'))) ? Number(e.pointer.split('/').at(-1)) : -1);
  const members = removals.filter((e) => index(e) < 0);
  const items = removals.filter((e) => index(e) >= 0).sort((a, b) => index(b) - index(a));
  const removed: string[] = [];
  for (const edit of [...members, ...items]) {
    const pointer = translate(edit.pointer);
    if (removed.some((r) => pointer === r || pointer.startsWith(`${r}/`))) continue;
    removed.push(pointer);
    actions.push({ target: pathOf(edit.pointer), ...claimed(edit), remove: true });
  }
  return actions;
}
