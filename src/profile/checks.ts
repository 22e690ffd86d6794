/**
 * Checks of the claims beyond the JSON Schema, each located by a JSON pointer in the resolved
 * spec: sources cited exist, scopes name listed models and defined modes, a field has at most one
 * unscoped claim, and location-bound keys (`returned`, `statuses`) sit where they mean something.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { isObject, type JsonObject } from '../load/json.ts';
import { listOperations } from '../load/openapi.ts';
import { toPointer } from '../load/pointer.ts';
import type { ProfileModel } from './types.ts';

const error = (code: string, message: string, hint: string, pointer: string): Diagnostic => ({ code, severity: 'error', message, hint, location: { pointer } });

export function checkProfile(spec: JsonObject, model: ProfileModel, id: string): Diagnostic[] {
  const root = spec['x-compat'];
  if (!isObject(root)) return [];
  const problems: Diagnostic[] = [];
  const provider = isObject(root.provider) ? root.provider : {};
  if (provider.id !== undefined && provider.id !== id) {
    problems.push(error('x-compat-provider-id', `x-compat.provider.id is "${String(provider.id)}" but the profile folder is "${id}"`, 'make them equal: the id names the folder spec/providers/<id>/', '/x-compat/provider/id'));
  }
  problems.push(...duplicateIds(root, 'sources'), ...duplicateIds(root, 'modes'), ...duplicateIds(root, 'behaviours'), ...defaultModes(model));

  const sourceIds = new Set(model.sources.map((s) => s.id));
  const citations: [string, string][] = [];
  collectCitations(root, '/x-compat', citations, true);
  for (const op of listOperations(spec)) {
    const claim = op.operation['x-compat'];
    if (!isObject(claim)) continue;
    collectCitations(claim, `${op.pointer}/x-compat`, citations, false);
    if (isObject(claim.fields)) problems.push(...fieldProblems(claim.fields, `${op.pointer}/x-compat/fields`, model));
  }
  for (const [value, pointer] of citations) {
    if (sourceIds.has(value)) continue;
    problems.push(error('x-compat-unknown-source', `claim cites source "${value}", which x-compat.sources does not list`, `add {id: ${value}, url, verified} to x-compat.sources, or cite one of: ${[...sourceIds].join(', ')}`, pointer));
  }
  return problems;
}

function duplicateIds(root: JsonObject, key: string): Diagnostic[] {
  const seen = new Set<unknown>();
  const problems: Diagnostic[] = [];
  (Array.isArray(root[key]) ? root[key] : []).forEach((entry: unknown, index: number) => {
    const id = isObject(entry) ? entry.id : undefined;
    if (id === undefined) return;
    if (seen.has(id)) problems.push(error('x-compat-duplicate-id', `x-compat.${key} lists "${String(id)}" twice`, 'give each entry its own id', `/x-compat/${key}/${index}/id`));
    seen.add(id);
  });
  return problems;
}

/** A request without a mode's `select` is in at most one mode. */
function defaultModes(model: ProfileModel): Diagnostic[] {
  const defaults = model.modes.map((m, index) => [m, index] as const).filter(([m]) => m.default);
  return defaults.slice(1).map(([m, index]) =>
    error('x-compat-mode-default-twice', `x-compat.modes marks both "${defaults[0][0].id}" and "${m.id}" as the default`, 'keep `default: true` on one mode: the one a request is in when it selects none', `/x-compat/modes/${index}/default`),
  );
}

/** Every `source: <id>` under `value` (the root's `sources` list defines ids, it cites none). */
function collectCitations(value: unknown, pointer: string, out: [string, string][], isRoot: boolean): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => collectCitations(item, `${pointer}/${index}`, out, false));
    return;
  }
  if (!isObject(value)) return;
  for (const [key, child] of Object.entries(value)) {
    const at = `${pointer}${toPointer([key])}`;
    if (key === 'source' && typeof child === 'string') out.push([child, at]);
    // `schema` is a JSON Schema and `observed` a probe record: neither cites sources.
    else if (key !== 'schema' && key !== 'observed' && !(isRoot && key === 'sources')) collectCitations(child, at, out, false);
  }
}

const responseLocations = new Set(['response.body', 'response.stream', 'response.header']);

function fieldProblems(fields: JsonObject, pointer: string, model: ProfileModel): Diagnostic[] {
  const problems: Diagnostic[] = [];
  const models = new Set(model.models);
  const modes = new Set(model.modes.map((m) => m.id));
  for (const [location, claims] of Object.entries(fields)) {
    if (!isObject(claims)) continue;
    for (const [field, value] of Object.entries(claims)) {
      const fieldPointer = `${pointer}${toPointer([location, field])}`;
      const entries = Array.isArray(value) ? value.map((claim, i) => [claim, `${fieldPointer}/${i}`] as const) : [[value, fieldPointer] as const];
      const where = `${location} "${field}"`;
      let unscoped = 0;
      const scopedModels = new Set<string>();
      for (const [claim, at] of entries) {
        if (!isObject(claim)) continue;
        const modelList = Array.isArray(claim.models) ? claim.models : [];
        if (modelList.length === 0 && claim.mode === undefined && ++unscoped === 2) {
          problems.push(error('x-compat-unscoped-twice', `${where} has more than one claim without models or mode`, 'scope all but one claim with `models: [...]` or `mode: <id>`', at));
        }
        modelList.forEach((name: unknown, i: number) => {
          if (typeof name !== 'string') return;
          if (!models.has(name)) problems.push(error('x-compat-unknown-model', `${where} is scoped to model "${name}", which x-compat.models does not list`, `add "${name}" to the root x-compat.models, or fix the name`, `${at}/models/${i}`));
          const key = `${name} ${String(claim.mode ?? '')}`;
          if (scopedModels.has(key)) problems.push(error('x-compat-model-twice', `${where} has two claims for model "${name}"`, 'merge them: one claim per model (and mode)', `${at}/models/${i}`));
          scopedModels.add(key);
        });
        if (typeof claim.mode === 'string' && !modes.has(claim.mode)) {
          problems.push(error('x-compat-unknown-mode', `${where} is scoped to mode "${claim.mode}", which x-compat.modes does not define`, `add {id: ${claim.mode}, title, how} to the root x-compat.modes, or fix the id`, `${at}/mode`));
        }
        if (claim.returned !== undefined && !responseLocations.has(location)) {
          problems.push(error('x-compat-misplaced-key', `${where}: \`returned\` only applies to response fields`, 'move the claim under response.body or response.stream, or drop `returned`', `${at}/returned`));
        }
        if (claim.statuses !== undefined && location !== 'response.header') {
          problems.push(error('x-compat-misplaced-key', `${where}: \`statuses\` only applies to response headers`, 'move the claim under response.header, or drop `statuses`', `${at}/statuses`));
        }
      }
    }
  }
  return problems;
}
