/**
 * The artifact any Overlay tool replays: `generated/<id>/overlay.gen.yaml` holds the hand-written
 * actions, the compiled claim actions and the slice (removals of what the provider does not
 * offer), so that applying it to `generated/base/openapi.yaml` gives `generated/<id>/openapi.yaml`.
 */
import { isObject, type JsonObject } from '../load/json.ts';
import type { CompiledAction } from './edits.ts';
import { pointerToPath, quote } from './jsonpath.ts';
import { escapeToken } from '../load/pointer.ts';

/** The overlay's actions as plain 1.1 actions (1.2 reusable action references inlined). */
export function handWrittenActions(overlay: unknown): JsonObject[] {
  if (!isObject(overlay) || !Array.isArray(overlay.actions)) return [];
  const reusable = isObject(overlay.components) && isObject(overlay.components.actions) ? overlay.components.actions : {};
  return overlay.actions.filter(isObject).map((action) => {
    if (typeof action.$ref !== 'string') return action;
    const key = decodeURIComponent(action.$ref.replace('#/components/actions/', '')).replace(/~1/g, '/').replace(/~0/g, '~');
    const component = reusable[key];
    const fields = isObject(component) && isObject(component.fields) ? component.fields : {};
    const { $ref: _ref, ...rest } = action;
    return { ...fields, ...rest };
  });
}

/** Members of `before` that `after` lacks, one removal each; `paths`, path items and `components` sections are compared member by member. */
export function sliceRemovals(before: JsonObject, after: JsonObject): CompiledAction[] {
  const actions: CompiledAction[] = [];
  const compare = (pointer: string, depthLeft: number, from: unknown, to: unknown): void => {
    if (!isObject(from) || !isObject(to)) return;
    for (const key of Object.keys(from)) {
      const child = `${pointer}/${escapeToken(key)}`;
      if (!(key in to)) actions.push({ target: pointerToPath(before, child), description: 'Not offered by the provider (slice)', remove: true });
      else if (depthLeft > 0 && from[key] !== to[key]) compare(child, depthLeft - 1, from[key], to[key]);
    }
  };
  compare('', 0, before, after);
  compare('/paths', 1, before.paths, after.paths);
  compare('/components', 1, before.components, after.components);
  if (Array.isArray(before.tags) && Array.isArray(after.tags)) {
    const kept = new Set(after.tags.map((t) => (isObject(t) ? t.name : undefined)));
    for (const tag of before.tags) {
      if (isObject(tag) && !kept.has(tag.name)) actions.push({ target: `${pointerToPath(before, '/tags')}[?@.name == ${quote(String(tag.name))}]`, description: 'Tag of no offered operation (slice)', remove: true });
    }
  }
  return actions;
}

export function generatedOverlay(profileId: string, actions: readonly unknown[]): JsonObject {
  return {
    overlay: '1.1.0',
    info: {
      title: `${profileId}: the resolved profile as one overlay`,
      version: '1.0.0',
      description: `Replays generated/${profileId}/openapi.yaml on generated/base/openapi.yaml: the hand-written actions, the actions compiled from the claims (x-claim names the claim), then the slice.`,
    },
    actions,
  };
}
