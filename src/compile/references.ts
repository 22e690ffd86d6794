/**
 * How often each component is referenced from what the slice keeps: the offered operations and
 * the components they reach. A component referenced once, from a node only the claimed operation
 * reaches, can be edited in place; any other must be copied first.
 */
import { getAtPointer } from '../load/pointer.ts';
import { listOperations } from '../load/openapi.ts';
import { isObject, type JsonObject } from '../load/json.ts';
import { componentOf, refPointer } from './locate.ts';

/** Pointers of the nodes holding a local `$ref`, below `node` at `pointer`. */
function refHolders(node: unknown, pointer: string, visit: (holder: string, target: string) => void): void {
  if (Array.isArray(node)) {
    node.forEach((item, i) => refHolders(item, `${pointer}/${i}`, visit));
    return;
  }
  if (!isObject(node)) return;
  const target = refPointer(node.$ref);
  if (target !== undefined) visit(pointer, target);
  for (const [key, value] of Object.entries(node)) {
    if (value !== null && typeof value === 'object') refHolders(value, `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, visit);
  }
}

/** Reference count of each component (`/components/schemas/X`) from the kept part of the spec. */
export function referenceCounts(spec: JsonObject, kept: ReadonlySet<string>): Map<string, number> {
  const counts = new Map<string, number>();
  const queue: string[] = [];
  const count = (_holder: string, target: string): void => {
    const component = componentOf(target);
    if (component === undefined) return;
    const seen = counts.has(component);
    counts.set(component, (counts.get(component) ?? 0) + 1);
    if (!seen) queue.push(component);
  };
  for (const { pointer, operation, pathItem } of listOperations(spec)) {
    if (!kept.has(pointer)) continue;
    refHolders(operation, pointer, count);
    if (Array.isArray(pathItem.parameters)) refHolders(pathItem.parameters, '', count);
  }
  while (queue.length > 0) {
    const component = queue.pop()!;
    refHolders(getAtPointer(spec, component), component, count);
  }
  return counts;
}
