/**
 * Applies overlays to a document. Overlay 1.2.0, "Overlay Object": actions are applied in
 * sequential order, each to the result of the previous one (so a node can be removed and then
 * re-created). Several overlays apply one after the other on the same working copy.
 */
import type { Diagnostic, Severity } from '../diagnostics/diagnostic.ts';
import { toPointer } from '../load/pointer.ts';
import { resolveActions } from './actions.ts';
import { Journal, type Container, type Path } from './journal.ts';
import { findConflicts, mergeInto } from './merge.ts';
import { QuerySyntaxError, select, UnsafePatternError, type Match } from './select.ts';
import type { ActionProvenance, ApplyOptions, ApplyResult, OverlayInput, ResolvedAction } from './types.ts';
import { validateOverlayDocument } from './validate.ts';
import { countNodes, overlayLimits } from './limits.ts';
import { cloneJson, shapeOf } from './values.ts';

/** Applies one overlay; see ApplyOptions. The input document is not modified unless `inPlace`. */
export function applyOverlay(document: unknown, overlay: unknown, options: ApplyOptions = {}): ApplyResult {
  return applyOverlays(document, [{ overlay, file: options.file, lineOf: options.lineOf }], options);
}

/**
 * Applies overlays in order. Every overlay is validated first; when one is invalid, nothing is
 * applied and `document` is the input. When an action fails, it changes nothing, the error is
 * reported and the following actions still run, so that one run reports every problem.
 */
export function applyOverlays(document: unknown, overlays: readonly OverlayInput[], options: Omit<ApplyOptions, 'file' | 'lineOf'> = {}): ApplyResult {
  const diagnostics: Diagnostic[] = [];
  const parsed = overlays.map((input) => {
    const validation = validateOverlayDocument(input.overlay, input.file, input.lineOf);
    diagnostics.push(...validation.diagnostics);
    if (!validation.version || validation.diagnostics.length) return undefined;
    const resolved = resolveActions(input.overlay as Record<string, unknown>, validation.version, input);
    diagnostics.push(...resolved.diagnostics);
    return { input, actions: resolved.actions };
  });
  const actionCount = parsed.reduce((sum, item) => sum + (item?.actions.length ?? 0), 0);
  const limits = overlayLimits();
  if (actionCount > limits.maxActions) {
    diagnostics.push({
      code: 'overlay-too-many-actions',
      severity: 'error',
      message: `the overlays hold ${actionCount} actions, over the limit of ${limits.maxActions}`,
      hint: 'if they are genuine, raise the limit with the environment variable OAI_COMPAT_MAX_ACTIONS',
      location: { file: overlays[0]?.file, pointer: '/actions' },
    });
  }
  if (diagnostics.length) return { document, provenance: [], diagnostics };

  const run: Run = {
    root: options.inPlace ? document : cloneJson(document),
    journal: new Journal(),
    provenance: [],
    diagnostics,
    strict: options.strict ?? false,
    documentFile: options.documentFile,
    growthLeft: limits.maxAddedNodes,
  };
  for (const item of parsed) {
    for (const action of item!.actions) if (!run.halted) applyAction(run, action, item!.input);
  }
  const touched = run.journal.finish(run.root, run.provenance.length);
  run.provenance.forEach((entry, i) => {
    entry.added = touched[i].added;
    entry.changed = touched[i].changed;
  });
  return { document: run.root, provenance: run.provenance, diagnostics: run.diagnostics };
}

interface Run {
  root: unknown;
  journal: Journal;
  provenance: ActionProvenance[];
  diagnostics: Diagnostic[];
  strict: boolean;
  documentFile?: string;
  /** Nodes the remaining actions may still add (copies and updates of many targets multiply). */
  growthLeft: number;
  /** Set once the growth limit is hit: later actions are not applied. */
  halted?: boolean;
}

function applyAction(run: Run, action: ResolvedAction, input: OverlayInput): void {
  const entryIndex = run.provenance.length;
  const entry: ActionProvenance = {
    index: action.index,
    target: action.target,
    kind: action.kind,
    extensions: action.extensions,
    matched: [],
    added: [],
    changed: [],
    removed: [],
  };
  if (input.file !== undefined) entry.file = input.file;
  const line = input.lineOf?.(`/actions/${action.index}`);
  if (line !== undefined) entry.line = line;
  if (action.description !== undefined) entry.description = action.description;
  if (action.ref !== undefined) entry.ref = action.ref;
  run.provenance.push(entry);

  const report = (code: string, severity: Severity, message: string, hint: string, pointer = `/actions/${action.index}`): void => {
    run.diagnostics.push({ code, severity, message, hint, location: { file: input.file, pointer, line: input.lineOf?.(pointer) ?? line, action: action.index } });
  };
  const inDocument = (path: Path): string => `${toPointer(path) || '(document root)'}${run.documentFile ? ` in ${run.documentFile}` : ''}`;

  if (action.kind === 'update' && action.copy !== undefined) {
    report('overlay-ambiguous-action', 'error', 'the action has both `update` and `copy`; the specification says each has no impact when the other is present', 'split it into an `update` action and a `copy` action');
    return;
  }
  const matches = query(action.target, run.root, `/actions/${action.index}/target`, 'target', report);
  if (!matches) return;
  entry.matched = matches.map((m) => toPointer(m.location));
  if (matches.length === 0) {
    if (run.strict) report('overlay-target-no-match', 'error', `target \`${action.target}\` matches nothing`, 'fix the JSONPath (the base spec may have changed), or delete the action if it no longer applies');
    return;
  }
  if (action.kind === 'none') {
    report('overlay-action-no-effect', 'warning', 'the action has no `update`, `copy` or `remove: true`, so it changes nothing', 'add the change it should make, or delete it');
    return;
  }
  if (action.kind === 'remove') {
    removeMatches(run, matches, entry, report);
    return;
  }

  let value = action.update;
  if (action.kind === 'copy') {
    const sources = query(action.copy!, run.root, action.valuePointer, 'copy', report);
    if (!sources) return;
    if (sources.length !== 1) {
      const none = sources.length === 0;
      report('overlay-copy-source', none && !run.strict ? 'warning' : 'error',
        none ? `copy source \`${action.copy}\` matches nothing${run.strict ? '' : '; the action is skipped'}` : `copy source \`${action.copy}\` matches ${sources.length} nodes (${sources.map((s) => toPointer(s.location)).join(', ')}); it must select a single node`,
        'make the copy expression select exactly one node', action.valuePointer);
      return;
    }
    entry.source = toPointer(sources[0].location);
    if (!withinGrowth(run, sources[0].value, matches.length, report)) return;
    value = cloneJson(sources[0].value);
  } else if (!withinGrowth(run, value, matches.length, report)) return;

  // Overlay 1.1.0/1.2.0, "Action Object": several selected nodes MUST be all objects, all arrays or all primitives.
  const shapes = new Map(matches.map((m) => [shapeOf(m.value), m]));
  if (shapes.size > 1) {
    const examples = [...shapes].map(([shape, m]) => `${shape} at ${toPointer(m.location) || '(document root)'}`).join(', ');
    report('overlay-type-conflict', 'error', `target \`${action.target}\` selects nodes of different kinds (${examples}); an ${action.kind} needs all objects, all arrays or all primitives`, 'narrow the target, or split the action by kind of node');
    return;
  }
  let failed = false;
  for (const match of matches) {
    for (const conflict of findConflicts(match.value, value, match.location)) {
      const severity: Severity = conflict.kind === 'error' || run.strict ? 'error' : 'warning';
      failed ||= severity === 'error';
      const pointer = action.kind === 'update' ? `${action.valuePointer}${toPointer(conflict.valuePath)}` : action.valuePointer;
      report('overlay-type-conflict', severity, `${action.kind} at ${inDocument(conflict.documentPath)}: ${conflict.message}`,
        conflict.kind === 'ambiguous' ? 'delete the null member, or use a `remove: true` action to delete the node' : 'make the value the same kind as the node it lands on (object, array or primitive), or target a different node',
        pointer);
    }
  }
  if (failed) return;
  const recorder = { journal: run.journal, entry: entryIndex };
  for (const match of matches) {
    run.root = mergeInto(run.root, parentChain(run.root, match.location), match.location, value, recorder);
  }
}

type Report = (code: string, severity: Severity, message: string, hint: string, pointer?: string) => void;

/**
 * Charges what an action adds (its value's nodes, once per target) to the run's budget: 22 copies
 * that each double a node would otherwise build 4 million nodes and take minutes.
 */
function withinGrowth(run: Run, value: unknown, targets: number, report: Report): boolean {
  const added = countNodes(value, run.growthLeft) * targets;
  if (added <= run.growthLeft) {
    run.growthLeft -= added;
    return true;
  }
  const limit = overlayLimits().maxAddedNodes;
  report('overlay-growth', 'error', `the action would take the nodes the overlays add over the limit of ${limit}; the actions after it were not applied`,
    'if the growth is genuine, raise the limit with the environment variable OAI_COMPAT_MAX_ADDED_NODES; a `copy` of a node into one of its own members doubles it each time');
  run.halted = true;
  return false;
}

/** Matches of `expression`, one per distinct node, or undefined after reporting a syntax error. */
function query(expression: string, root: unknown, pointer: string, field: string, report: Report): Match[] | undefined {
  let matches: Match[];
  try {
    matches = select(expression, root);
  } catch (err) {
    if (err instanceof UnsafePatternError) {
      report('overlay-jsonpath-regex', 'error', `${field} \`${expression}\`: ${err.message}`, 'rewrite the pattern without repeating a repeated group (`(a+)+` matches what `a+` does; `(a|b)+` what `[ab]+` does)', pointer);
      return undefined;
    }
    if (!(err instanceof QuerySyntaxError)) throw err;
    report('overlay-jsonpath-syntax', 'error', `${field} \`${expression}\` is not valid RFC 9535 JSONPath: ${err.message} at position ${err.position + 1}: \`${expression.slice(0, err.position)}⟨here⟩${expression.slice(err.position)}\``,
      'fix the expression; the RFC 9535 syntax requires `$` first, quotes around names with special characters (`$.paths[\'/chat/completions\']`) and `?` filters in brackets', pointer);
    return undefined;
  }
  // RFC 9535 allows a node twice in a result (`$['a','a']`); an action applies once per node.
  const seen = new Set<string>();
  return matches.filter((m) => {
    const key = toPointer(m.location);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The containers from the root down to the parent of the node at `location`. */
function parentChain(root: unknown, location: Path): Container[] {
  const chain: Container[] = [];
  let node = root;
  for (let i = 0; i < location.length; i++) {
    chain.push(node as Container);
    node = (node as Record<string | number, unknown>)[location[i]];
  }
  return chain;
}

/**
 * Overlay 1.2.0, "Action Object", `remove`: each target node is removed from the map or array it
 * is contained in. Nodes inside another removed node go with it (only the top-most is recorded);
 * items of one array are removed from the highest index down, so indices selected before the
 * action stay valid (adjacent items, `$.a[1,2]`, both go).
 */
function removeMatches(run: Run, matches: Match[], entry: ActionProvenance, report: Report): void {
  if (matches.some((m) => m.location.length === 0)) {
    report('overlay-remove-root', 'error', 'the target selects the document root, which cannot be removed', 'target the members to remove instead');
    return;
  }
  const selected = new Set(matches.map((m) => toPointer(m.location)));
  const topMost = matches.filter((m) => {
    for (let depth = m.location.length - 1; depth > 0; depth--) {
      if (selected.has(toPointer(m.location.slice(0, depth)))) return false;
    }
    return true;
  });
  const removals = topMost.map((m) => ({ parent: parentChain(run.root, m.location).pop()!, key: m.location[m.location.length - 1], pointer: toPointer(m.location) }));
  const byParent = new Map<Container, typeof removals>();
  for (const removal of removals) {
    const group = byParent.get(removal.parent);
    if (group) group.push(removal);
    else byParent.set(removal.parent, [removal]);
  }
  for (const [parent, group] of byParent) {
    if (Array.isArray(parent)) {
      for (const index of group.map((r) => r.key as number).sort((a, b) => b - a)) {
        parent.splice(index, 1);
        run.journal.removedFromArray(parent, index);
      }
    } else {
      for (const { key } of group) {
        delete parent[key as string];
        run.journal.removedKey(parent, key as string);
      }
    }
  }
  entry.removed = removals.map((r) => r.pointer);
}
