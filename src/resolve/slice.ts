/**
 * The slice stage: keeps only the operations a provider offers and the components they reach.
 * Redocly's `remove-unused-components` decorator works on files, not on an in-memory document, and
 * cannot be told which operations to keep, so this is ours.
 */
import { unescapeToken } from '../load/pointer.ts';
import { setOwn } from '../overlay/values.ts';
import { isHttpMethod, listOperations } from '../load/openapi.ts';
import { forEachRef, isObject, type JsonObject } from './walk.ts';

export interface SliceResult {
  spec: JsonObject;
  /** Counts of what was dropped, for the build report. */
  dropped: { operations: number; paths: number; components: number; webhooks: number };
}

const COMPONENT_REF = /^#\/components\/([^/]+)\/([^/]+)$/;

/** Returns a new document; `spec` is not modified (shared subtrees are reused, not copied). */
export function sliceSpec(spec: JsonObject, keepOperation: (method: string, path: string, operation: JsonObject) => boolean): SliceResult {
  const dropped = { operations: 0, paths: 0, components: 0, webhooks: 0 };
  const paths: JsonObject = {};
  for (const [pathKey, item] of Object.entries((spec.paths ?? {}) as JsonObject)) {
    if (!isObject(item)) continue;
    const kept: JsonObject = {};
    let operations = 0;
    for (const [key, value] of Object.entries(item)) {
      const isOperation = isHttpMethod(key);
      if (!isOperation) kept[key] = value;
      else if (isObject(value) && keepOperation(key, pathKey, value)) {
        kept[key] = value;
        operations++;
      } else dropped.operations++;
    }
    if (operations > 0) paths[pathKey] = kept;
    else dropped.paths++;
  }

  const webhooks = isObject(spec.webhooks) ? Object.keys(spec.webhooks).length : 0;
  dropped.webhooks = webhooks;
  const sliced: JsonObject = {};
  for (const [key, value] of Object.entries(spec)) {
    if (key === 'paths') sliced.paths = paths;
    else if (key === 'webhooks') continue;
    else if (key === 'x-oaiMeta') continue; // OpenAI's docs navigation: names groups of the full API only
    else if (key !== 'components') sliced[key] = value;
    else sliced.components = value;
  }

  const components = isObject(spec.components) ? spec.components : {};
  const reached = reachableComponents(sliced, components);
  const prunedComponents: JsonObject = {};
  for (const [type, entries] of Object.entries(components)) {
    if (!isObject(entries)) {
      prunedComponents[type] = entries;
      continue;
    }
    const keptEntries: JsonObject = {};
    for (const [name, value] of Object.entries(entries)) {
      if (reached.has(`${type}/${name}`)) setOwn(keptEntries, name, value);
      else dropped.components++;
    }
    if (Object.keys(keptEntries).length > 0) prunedComponents[type] = keptEntries;
  }
  if ('components' in sliced) sliced.components = prunedComponents;
  if (Array.isArray(spec.tags)) {
    const used = usedTags(paths);
    sliced.tags = spec.tags.filter((tag) => isObject(tag) && used.has(String(tag.name)));
  }
  return { spec: sliced, dropped };
}

/** Components reached by `$ref` from everything outside `components`, and security schemes named in requirements. */
function reachableComponents(document: JsonObject, components: JsonObject): Set<string> {
  const reached = new Set<string>();
  const queue: unknown[] = [];
  const outside = Object.fromEntries(Object.entries(document).filter(([key]) => key !== 'components'));
  const enqueue = (ref: string): void => {
    const match = COMPONENT_REF.exec(ref);
    if (!match) return;
    const [type, name] = [unescapeToken(match[1]), unescapeToken(match[2])];
    const id = `${type}/${name}`;
    if (reached.has(id)) return;
    reached.add(id);
    const section = components[type];
    if (isObject(section)) queue.push(section[name]);
  };
  const enqueueSecurity = (requirements: unknown): void => {
    if (!Array.isArray(requirements)) return;
    for (const requirement of requirements) {
      if (isObject(requirement)) for (const name of Object.keys(requirement)) enqueue(`#/components/securitySchemes/${name}`);
    }
  };
  enqueueSecurity(document.security);
  for (const { operation } of listOperations(document)) enqueueSecurity(operation.security);
  forEachRef(outside, (ref) => enqueue(decodeURIComponent(ref)));
  while (queue.length > 0) forEachRef(queue.pop(), (ref) => enqueue(decodeURIComponent(ref)));
  return reached;
}

function usedTags(paths: JsonObject): Set<string> {
  const tags = new Set<string>();
  for (const { operation } of listOperations({ paths })) if (Array.isArray(operation.tags)) for (const tag of operation.tags) tags.add(String(tag));
  return tags;
}
