/** Turns the `actions` of a schema-valid overlay into ResolvedActions, resolving 1.2 reusable actions. */
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { unescapeToken } from '../load/pointer.ts';
import type { ActionKind, OverlayVersion, ResolvedAction } from './types.ts';
import { problem, type ValidationContext } from './validate.ts';

type Fields = Record<string, unknown>;

const REF_PREFIX = '#/components/actions/';

export function resolveActions(overlay: Fields, version: OverlayVersion, context: ValidationContext): { actions: ResolvedAction[]; diagnostics: Diagnostic[] } {
  const actions: ResolvedAction[] = [];
  const diagnostics: Diagnostic[] = [];
  const reusable = ((overlay.components as Fields | undefined)?.actions ?? {}) as Record<string, Fields>;
  (overlay.actions as Fields[]).forEach((action, index) => {
    if (version === '1.2' && typeof action.$ref === 'string') {
      const resolved = resolveReference(action, index, reusable, context);
      if ('diagnostic' in resolved) diagnostics.push(resolved.diagnostic);
      else actions.push(resolved.action);
      return;
    }
    actions.push(toAction(action, index, `/actions/${index}`, {}));
  });
  return { actions, diagnostics };
}

/**
 * Overlay 1.2.0, "Reusable Action Reference Object": the reference supplies `target` and may
 * supply `description`, which wins over the one in `fields`. Extensions: the reference's `x-*`
 * override those of `fields` (the spec says references MAY override action fields).
 */
function resolveReference(reference: Fields, index: number, reusable: Record<string, Fields>, context: ValidationContext): { action: ResolvedAction } | { diagnostic: Diagnostic } {
  const ref = reference.$ref as string;
  // The schema pattern guarantees the prefix and a non-empty, RFC 6901-encoded key.
  const key = unescapeToken(ref.slice(REF_PREFIX.length));
  const component = Object.prototype.hasOwnProperty.call(reusable, key) ? reusable[key] : undefined;
  if (!component) {
    const known = Object.keys(reusable);
    return {
      diagnostic: problem(context, 'overlay-action-ref', `action ${index} references ${ref}, which components.actions does not define`, `/actions/${index}/$ref`,
        known.length ? `use one of: ${known.map((k) => `${REF_PREFIX}${k.replace(/~/g, '~0').replace(/\//g, '~1')}`).join(', ')}` : 'define the reusable action under components.actions'),
    };
  }
  const fields = (component.fields ?? {}) as Fields;
  const merged: Fields = { ...fields, target: reference.target };
  if (reference.description !== undefined) merged.description = reference.description;
  const fieldsPointer = `/components/actions/${ref.slice(REF_PREFIX.length)}/fields`;
  const action = toAction(merged, index, fieldsPointer, extensionsOf(reference));
  action.ref = ref;
  return { action };
}

/**
 * The modifier an action applies. Overlay 1.1.0/1.2.0, "Action Object": `update` and `copy` have
 * no impact when `remove` is true. When both `update` and `copy` are present (the 1.2 schema
 * allows it; the text says each has no impact if the other is present, which leaves neither),
 * kind is `update` and the apply step reports the ambiguity.
 */
function kindOf(action: Fields): ActionKind {
  if (action.remove === true) return 'remove';
  if ('update' in action) return 'update';
  if (typeof action.copy === 'string') return 'copy';
  return 'none';
}

function toAction(action: Fields, index: number, valueBase: string, overrides: Record<string, unknown>): ResolvedAction {
  const kind = kindOf(action);
  const resolved: ResolvedAction = {
    index,
    target: action.target as string,
    kind,
    extensions: { ...extensionsOf(action), ...overrides },
    valuePointer: `${valueBase}/${kind === 'none' ? 'target' : kind}`,
  };
  if (typeof action.description === 'string') resolved.description = action.description;
  if (kind === 'update') resolved.update = action.update;
  if (kind === 'copy' || (kind === 'update' && typeof action.copy === 'string')) resolved.copy = action.copy as string;
  return resolved;
}

function extensionsOf(value: Fields): Record<string, unknown> {
  const extensions: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) if (key.startsWith('x-')) extensions[key] = v;
  return extensions;
}
