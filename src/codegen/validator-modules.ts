/**
 * The validator modules of one profile from the Ajv that compiled its units: Ajv's standalone
 * code for the profile's exports, split in modules (split-module.ts) and minified. Statements are
 * minified one at a time and kept for the next profiles (minify-units.ts), with Ajv's names, which
 * count across every profile the Ajv compiled, shortened per profile; code that way cannot take
 * with certainty is minified whole by esbuild instead.
 */
import type { Ajv2020 } from 'ajv/dist/2020.js';
import standalone from 'ajv/dist/standalone/index.js';
import { transform } from 'esbuild';
import { minifyUnits, withNames } from './minify-units.ts';
import { renameIdentifiers, scanUnits, type ScannedUnit } from './scan-units.ts';
import { splitStandalone, splitUnits } from './split-module.ts';
import { pointerText } from './validator-units.ts';

/** The module text of each group (absent when it has no export) and of what several groups reach. */
export interface Modules {
  module?: string;
  responseModule?: string;
  fastModule?: string;
  sharedModule?: string;
}

// The package is CommonJS: under Node's ESM loader the function is the `default` of the default import.
type StandaloneCode = (ajv: Ajv2020, refs: Record<string, string>) => string;
const standaloneCode = ((standalone as unknown as { default?: StandaloneCode }).default ?? standalone) as unknown as StandaloneCode;

/**
 * The modules exporting `exports` (export name to unit id) for `groups` (request, response, fast:
 * their export names); `pointers` turn the unit ids Ajv embedded back into the spec's pointers.
 */
export async function writeModules(ajv: Ajv2020, exports: Record<string, string>, groups: Record<string, string[]>, pointers: ReadonlyMap<string, string>): Promise<Modules> {
  const code = moduleCode(ajv, exports);
  return (await modulesByUnit(code, groups, pointers)) ?? (await wholeModules(code, groups, pointers));
}

/**
 * Ajv's standalone module exporting `exports` (name to unit id). Ajv writes a function again for
 * each export of it, so a unit exported under several names is exported once and aliased.
 */
function moduleCode(ajv: Ajv2020, exports: Record<string, string>): string {
  const first = new Map<string, string>();
  const aliases: string[] = [];
  for (const [name, id] of Object.entries(exports)) {
    const original = first.get(id);
    if (original === undefined) first.set(id, name);
    else aliases.push(`export const ${name} = ${original};`);
  }
  return [standaloneCode(ajv, Object.fromEntries([...first].map(([id, name]) => [name, id]))), ...aliases].join('\n');
}

/** The names Ajv gives what its standalone code declares: `validate12`, `schema3`, ... */
const AJV_NAME = /(validate|schema|pattern|func|wrapper|root)\d+/;
const AJV_NAME_WHOLE = new RegExp(`^${AJV_NAME.source}$`);

/** Ajv's names numbered afresh in order of appearance: Ajv counts them across every profile it compiled. */
function renumbered(code: string): string {
  const counters = new Map<string, number>();
  const names = new Map<string, string>();
  const result = renameIdentifiers(code, AJV_NAME, (name) => {
    let renamed = names.get(name);
    if (renamed === undefined) {
      const prefix = AJV_NAME.exec(name)![1];
      const n = counters.get(prefix) ?? 0;
      counters.set(prefix, n + 1);
      renamed = `${prefix}${n}`;
      names.set(name, renamed);
    }
    return renamed;
  });
  if (result === undefined) throw new Error('codegen: Ajv wrote validator code the scanner does not read; its names cannot be numbered');
  return result;
}

/**
 * The modules from statements minified one at a time (minify-units.ts: each is minified once per
 * build), with Ajv's names shortened to names no statement uses; undefined when a step cannot be
 * done with certainty.
 */
async function modulesByUnit(code: string, groups: Record<string, string[]>, pointers: ReadonlyMap<string, string>): Promise<Modules | undefined> {
  const units = scanUnits(code);
  if (!units) return undefined;
  const minified = await minifyUnits(units, AJV_NAME);
  if (!minified) return undefined;
  const names = shortNames(units, [...minified.values()].map((m) => m.text));
  const texts = new Map<ScannedUnit, string>();
  for (const unit of units) {
    const text = withNames(minified.get(unit)!, (name) => names.get(name)!);
    if (text === undefined) return undefined;
    texts.set(unit, text);
  }
  const split = splitUnits(units, groups, `./${SHARED_MODULE}`, (unit) => texts.get(unit as ScannedUnit)!, (name) => names.get(name) ?? name);
  const results = [split.groups.request, split.groups.response, split.groups.fast, split.shared].map((text) => (text === undefined ? undefined : withHelperImports(withRuntimeHelpers(pointerText(text, pointers)))));
  const [module, responseModule, fastModule, sharedModule] = results;
  return { module, responseModule, fastModule, sharedModule };
}

/**
 * Ajv's names (`validate12`, counted across every profile the Ajv compiled) as short names in
 * order of first appearance: `$0`, `$1`, ..., skipping any `$` word the minified statements
 * already have (a local esbuild named so, a string), so that no renamed name meets another.
 */
function shortNames(units: readonly ScannedUnit[], texts: readonly string[]): Map<string, string> {
  const taken = new Set<string>();
  for (const text of texts) for (const word of text.match(/\$[\w$]*/g) ?? []) taken.add(word);
  const names = new Map<string, string>();
  let n = 0;
  for (const unit of units) {
    for (const ref of unit.refs) {
      if (names.has(ref) || !AJV_NAME_WHOLE.test(ref)) continue;
      let name: string;
      do name = `$${(n++).toString(36)}`;
      while (taken.has(name));
      names.set(ref, name);
    }
  }
  return names;
}

/** The modules minified whole by esbuild: the way for code the statement-by-statement way cannot take. */
async function wholeModules(code: string, groups: Record<string, string[]>, pointers: ReadonlyMap<string, string>): Promise<Modules> {
  const split = splitStandalone(withRuntimeHelpers(pointerText(renumbered(code), pointers)), groups, `./${SHARED_MODULE}`);
  // esbuild minifies the four modules at once, in its own process.
  const minified = (text: string | undefined) => (text === undefined ? undefined : esModule(text));
  const [module, responseModule, fastModule, sharedModule] = await Promise.all([minified(split.groups.request), minified(split.groups.response), minified(split.groups.fast), minified(split.shared)]);
  return { module, responseModule, fastModule, sharedModule };
}

/** Ajv's runtime helpers that oai-compat/runtime provides (the others serve options the validators do not use). */
const RUNTIME_HELPERS = new Set(['equal', 'ucs2length']);

/** The module validators.gen.js and validators-response.gen.js import what they share from. */
export const SHARED_MODULE = 'validators-shared.gen.js';

/** Ajv's ES output with its runtime helpers (it `require`s them) as the names oai-compat/runtime exports. */
function withRuntimeHelpers(code: string): string {
  return code.replace(/require\("ajv\/dist\/runtime\/(\w+)"\)\.default/g, (_, name: string) => {
    if (!RUNTIME_HELPERS.has(name)) throw new Error(`the validators need Ajv's runtime helper "${name}", which oai-compat/runtime does not provide`);
    return name;
  });
}

/** The module with the runtime helpers it uses imported from oai-compat/runtime. */
function withHelperImports(code: string): string {
  // Ajv binds each helper once (`const func0 = equal;`): its messages mention "equal" too.
  const helpers = [...RUNTIME_HELPERS].filter((name) => new RegExp(`=\\s*${name};`).test(code)).sort();
  return helpers.length ? `import { ${helpers.join(', ')} } from "oai-compat/runtime";\n${code}` : code;
}

/** One module with its helper imports, minified. */
async function esModule(code: string): Promise<string> {
  return (await transform(withHelperImports(code), { format: 'esm', minify: true, target: 'es2022', legalComments: 'none' })).code;
}

