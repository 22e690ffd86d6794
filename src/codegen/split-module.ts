/**
 * Splits one Ajv standalone module into a module per group of exports (request bodies; answers
 * and stream events) plus a module of what several groups reach. Ajv compiles every schema once,
 * so the split keeps the sub-schemas shared (nothing is compiled twice), while an app that imports
 * one group's module bundles only what that group reaches. Ajv has no option for this: its
 * standalone output is one module, so the split works on its top-level statements.
 */
import { createRequire } from 'node:module';
import type * as TS from 'typescript';
import { scanUnits } from './scan-units.ts';

export interface SplitModules {
  /** Per group, its module's code (absent when the group has no export). */
  groups: Record<string, string | undefined>;
  /** The statements more than one group reaches, absent when there are none. */
  shared?: string;
}

export interface Unit {
  text: string;
  /** Top-level names the statement declares (or, for `validate10.evaluated = …`, the one it belongs to). */
  names: string[];
  refs: Set<string>;
  /** The exported name, for `export const X = …`. */
  exported?: string;
}

/**
 * `code` is Ajv's ES output whose runtime helpers are identifiers imported by the caller;
 * `roots` maps each group to its export names; `sharedSpecifier` is how a group module imports
 * the shared one. Every module is returned without imports of the helpers (see `referencesOf`).
 */
export function splitStandalone(code: string, roots: Record<string, readonly string[]>, sharedSpecifier: string): SplitModules {
  return splitUnits(topLevelUnits(code), roots, sharedSpecifier);
}

/**
 * The same split of statements already read. `textOf` gives the text each statement is written
 * as, `nameOf` the name each top-level name is written as in the imports and exports the split
 * adds (defaults: as they are).
 */
export function splitUnits(
  units: readonly Unit[],
  roots: Record<string, readonly string[]>,
  sharedSpecifier: string,
  textOf: (unit: Unit) => string = (unit) => unit.text,
  nameOf: (name: string) => string = (name) => name,
): SplitModules {
  const byName = new Map<string, Unit[]>();
  for (const unit of units) for (const name of unit.names) byName.set(name, [...(byName.get(name) ?? []), unit]);

  // Which groups reach each statement, from the group's export statements through the names they use.
  const reachedBy = new Map<Unit, Set<string>>();
  for (const [group, exports] of Object.entries(roots)) {
    const wanted = new Set(exports);
    const queue = units.filter((u) => u.exported !== undefined && wanted.has(u.exported));
    const seen = new Set<Unit>(queue);
    while (queue.length) {
      const unit = queue.pop()!;
      reachedBy.set(unit, (reachedBy.get(unit) ?? new Set()).add(group));
      for (const ref of unit.refs) {
        for (const next of byName.get(ref) ?? []) {
          if (!seen.has(next)) {
            seen.add(next);
            queue.push(next);
          }
        }
      }
    }
  }

  const sharedUnits = units.filter((u) => (reachedBy.get(u)?.size ?? 0) > 1);
  const sharedNames = new Set(sharedUnits.flatMap((u) => u.names));
  const groups: Record<string, string | undefined> = {};
  const importedFromShared = new Set<string>();
  for (const group of Object.keys(roots)) {
    const own = units.filter((u) => reachedBy.get(u)?.size === 1 && reachedBy.get(u)!.has(group));
    if (!own.length && !roots[group].length) continue;
    // The shared names this group's statements use, and its exports that live in the shared module.
    const uses = [...new Set(own.flatMap((u) => [...u.refs]))].filter((name) => sharedNames.has(name) && !own.some((u) => u.names.includes(name)));
    const reexports = roots[group].filter((name) => sharedNames.has(name) && !own.some((u) => u.exported === name));
    uses.forEach((name) => importedFromShared.add(name));
    reexports.forEach((name) => importedFromShared.add(name));
    const lines: string[] = [];
    if (uses.length) lines.push(`import { ${uses.map(nameOf).sort().join(', ')} } from ${JSON.stringify(sharedSpecifier)};`);
    if (reexports.length) lines.push(`export { ${reexports.map(nameOf).join(', ')} } from ${JSON.stringify(sharedSpecifier)};`);
    groups[group] = [...lines, ...own.map(textOf)].join('\n');
  }
  if (!sharedUnits.length) return { groups };
  const exportedShared = [...importedFromShared].filter((name) => !sharedUnits.some((u) => u.exported === name)).map(nameOf).sort();
  const shared = [...sharedUnits.map(textOf), ...(exportedShared.length ? [`export { ${exportedShared.join(', ')} };`] : [])].join('\n');
  return { groups, shared };
}

function topLevelUnits(code: string): Unit[] {
  return scanUnits(code) ?? parsedUnits(code);
}

/** The units from the TypeScript parser: the slow path, for code the scanner does not read. */
export function parsedUnits(code: string): Unit[] {
  const ts = typescript();
  const file = ts.createSourceFile('validators.js', code, ts.ScriptTarget.ES2022, true, ts.ScriptKind.JS);
  const units: Unit[] = [];
  for (const statement of file.statements) {
    // The "use strict" prologue: modules are strict anyway.
    if (ts.isExpressionStatement(statement) && ts.isStringLiteral(statement.expression)) continue;
    const unit: Unit = { text: statement.getText(file), names: [], refs: referencesOf(statement) };
    if (ts.isFunctionDeclaration(statement) && statement.name) unit.names.push(statement.name.text);
    else if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) if (ts.isIdentifier(declaration.name)) unit.names.push(declaration.name.text);
      if (statement.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) unit.exported = unit.names[0];
    } else if (ts.isExpressionStatement(statement)) {
      const owner = assignedObject(statement.expression);
      if (owner) unit.names.push(owner);
    }
    units.push(unit);
  }
  return units;
}

/** TypeScript, loaded on first use: the scanner reads all Ajv output seen so far, and TypeScript takes long to load. */
function typescript(): typeof TS {
  return createRequire(import.meta.url)('typescript') as typeof TS;
}

/** `validate10` for `validate10.evaluated = …`. */
function assignedObject(expression: TS.Expression): string | undefined {
  const ts = typescript();
  if (!ts.isBinaryExpression(expression) || expression.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return undefined;
  let target: TS.Expression = expression.left;
  while (ts.isPropertyAccessExpression(target) || ts.isElementAccessExpression(target)) target = target.expression;
  return ts.isIdentifier(target) ? target.text : undefined;
}

/** Every identifier a statement mentions (property names too: a superset of its references, which only widens a module). */
function referencesOf(node: TS.Node): Set<string> {
  const ts = typescript();
  const refs = new Set<string>();
  const walk = (n: TS.Node): void => {
    if (ts.isIdentifier(n)) refs.add(n.text);
    n.forEachChild(walk);
  };
  walk(node);
  return refs;
}
