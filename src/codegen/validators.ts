/**
 * Validators as Ajv standalone code, compiled at build time, once per profile: every distinct
 * schema an operation uses (request body, JSON responses, stream event) is an export, and the
 * sub-schemas they share are compiled once, as functions the exports call (no `$ref` is inlined).
 * The code is split in modules (split-module.ts): validators.gen.js for request bodies,
 * validators-response.gen.js for answers and stream events, validators-shared.gen.js for what
 * both reach; an app that only checks requests bundles no answer validator. Where a request
 * schema reaches a `oneOf` with a usable `discriminator`, validators-fast.gen.js exports a variant
 * that picks the branch by its tag (see fast-schemas.ts), loaded by the runtime on first use.
 * Annotations are stripped before compiling and the code is minified: neither changes what is
 * accepted, both shrink what ships.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import standalone from 'ajv/dist/standalone/index.js';
import { transform } from 'esbuild';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { OpenAPIDocument } from '../build/types.ts';
import { fastSchemas } from './fast-schemas.ts';
import { renameIdentifiers, scanUnits, type ScannedUnit } from './scan-units.ts';
import { pointerText, reachesAny, SharedAjv, unitGraph, unitKey } from './validator-units.ts';
import { splitStandalone, splitUnits } from './split-module.ts';
import { minifyUnits, withNames } from './minify-units.ts';
import type { OperationInfo, SchemaSite } from './operations.ts';
import { stripAnnotations } from './strip-annotations.ts';

/**
 * Per operation, the export names of its validators: `request` in validators.gen.js, `fast` in
 * validators-fast.gen.js, `responses` and `stream` in validators-response.gen.js.
 */
export interface ValidatorNames {
  request?: string;
  /** The request's fast variant, when there is one. */
  fast?: string;
  responses: Record<string, string>;
  stream?: string;
}

export interface CompiledValidators {
  /** validators.gen.js (request bodies), absent when no operation takes a JSON body. */
  module?: string;
  /** validators-response.gen.js (answers and stream events), absent when no operation has one. */
  responseModule?: string;
  /** validators-shared.gen.js, what both reach, absent when they share nothing. */
  sharedModule?: string;
  /** validators-fast.gen.js, absent when no request reaches a usable discriminator. */
  fastModule?: string;
  byOperation: Map<string, ValidatorNames>;
  diagnostics: Diagnostic[];
}

// The package is CommonJS: under Node's ESM loader the function is the `default` of the default import.
type StandaloneCode = (ajv: Ajv2020, refs: Record<string, string>) => string;
const standaloneCode = ((standalone as unknown as { default?: StandaloneCode }).default ?? standalone) as unknown as StandaloneCode;

/** `discriminator` serves the fast variants; the full validators' schemas have none left. */
function newAjv(): Ajv2020 {
  return new Ajv2020({
    // OpenAPI adds keywords JSON Schema does not know (discriminator, example, x-*).
    strict: false,
    // The first violation per check, as Ajv does by default (the bench's run-time baseline uses the same).
    allErrors: false,
    // Formats in the spec are informational (binary, unixtime); checking them would ship ajv-formats.
    validateFormats: false,
    discriminator: true,
    // The units are parts of an OpenAPI document, whose own checks (redocly lint) judge them; the
    // meta-schema check also refuses what Ajv compiles fine (duplicate `required` entries upstream).
    validateSchema: false,
    // Ajv's optimizing pass over the generated code: 7% smaller validators (what keeps the tarball
    // with every profile under 5 MB), for about a third more compile time.
    code: { source: true, esm: true, lines: false, optimize: true },
    // Each `$ref` is compiled once and called: the sub-schemas the operations share are not repeated.
    inlineRefs: false,
  });
}

/** One Ajv for every profile a process builds: a unit is compiled once. */
const sharedAjv = new SharedAjv(newAjv);

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

interface Target {
  name: string;
  key: string;
  op: OperationInfo;
  role: string;
  pointer: string;
}

export async function compileValidators(spec: OpenAPIDocument, operations: readonly OperationInfo[], specFile: string): Promise<CompiledValidators> {
  const declared = ((spec.components as Record<string, unknown> | undefined)?.schemas ?? {}) as Record<string, unknown>;
  const components = Object.fromEntries(Object.entries(declared).map(([name, schema]) => [name, stripAnnotations(schema)]));
  // Inline schemas live next to the components, so their `#/components/...` refs still resolve.
  const inline: Record<string, unknown> = {};
  const nameOf = new Map<string, string>();
  const usedNames = new Set<string>();
  const inlineKeys = new Map<string, string>();
  const byOperation = new Map<string, ValidatorNames>();
  const diagnostics: Diagnostic[] = [];
  const targets: Target[] = [];

  const register = (op: OperationInfo, role: string, site: SchemaSite): string => {
    let key = localRef(site) ?? inlineKeys.get(site.pointer);
    if (!key) {
      key = `#/inline/i${inlineKeys.size}`;
      inlineKeys.set(site.pointer, key);
      inline[`i${inlineKeys.size - 1}`] = stripAnnotations(site.schema);
    }
    let name = nameOf.get(key);
    if (!name) {
      name = uniqueName(`${identifier(op.operationId ?? `${op.method}${op.path}`)}_${identifier(role)}`, usedNames);
      nameOf.set(key, name);
      targets.push({ name, key, op, role, pointer: site.pointer });
    }
    return name;
  };
  for (const op of operations) {
    const entry: ValidatorNames = { responses: {} };
    if (op.request) entry.request = register(op, 'request', op.request);
    for (const [code, site] of Object.entries(op.responses)) entry.responses[code] = register(op, `response-${code}`, site);
    if (op.stream) entry.stream = register(op, 'stream', op.stream);
    byOperation.set(op.key, entry);
  }

  // The full validators' schemas lose their `discriminator`s (never applied by them); the fast
  // variants keep the usable ones and call the full validators for every sub-schema that reaches none.
  const fast = fastSchemas({ components, inline });
  // Request bodies only: they are checked on every call (checkRequest, the mock); answers are checked far less often.
  const fastTargets = targets.filter((t) => t.role === 'request' && fast.reaches(t.key));
  const full = { components: withoutDiscriminators(components), inline: withoutDiscriminators(inline) };
  const graph = unitGraph({ full, fast }, [...targets.map((t) => unitKey('full', t.key)), ...fastTargets.map((t) => unitKey('fast', t.key))]);
  const { ajv, failed } = sharedAjv.compile(graph);
  const failing = new Set(failed.keys());
  const exports: Record<string, string> = {};
  for (const target of targets) {
    const id = graph.ids.get(unitKey('full', target.key))!;
    const failure = reachesAny(graph, id, failing);
    if (failure === undefined) {
      exports[target.name] = id;
      continue;
    }
    diagnostics.push({
      code: 'codegen-schema-compile',
      severity: 'error',
      message: `${target.op.key}: the ${target.role === 'request' ? 'request body' : target.role === 'stream' ? 'stream event' : `${target.role.slice(9)} response`} schema does not compile with Ajv: ${failed.get(failure)}`,
      hint: 'fix the schema in the provider overlay (or the normalize stage, when the base spec is at fault)',
      location: { file: specFile, pointer: target.pointer },
    });
  }
  if (diagnostics.length) return { byOperation, diagnostics };
  if (targets.length === 0) return { byOperation, diagnostics };
  const fastNames: string[] = [];
  for (const target of fastTargets) {
    const id = graph.ids.get(unitKey('fast', target.key))!;
    // A discriminator Ajv refuses after all: the full validator alone is still right.
    if (reachesAny(graph, id, failing) !== undefined) continue;
    const name = `${target.name}_fast`;
    exports[name] = id;
    fastNames.push(name);
    for (const names of byOperation.values()) if (names.request === target.name) names.fast = name;
  }

  // Names are per schema: one used by a request and by an answer is in both groups.
  const roots = { request: new Set<string>(), response: new Set<string>(), fast: new Set(fastNames) };
  for (const names of byOperation.values()) {
    if (names.request) roots.request.add(names.request);
    for (const name of [...Object.values(names.responses), ...(names.stream ? [names.stream] : [])]) roots.response.add(name);
  }
  const groups = Object.fromEntries(Object.entries(roots).map(([group, set]) => [group, [...set]]));
  const code = moduleCode(ajv, exports);
  const modules = (await modulesByUnit(code, groups, graph.pointers)) ?? (await wholeModules(code, groups, graph.pointers));
  return { ...modules, fastModule: fastNames.length ? modules.fastModule : undefined, byOperation, diagnostics };
}

type Modules = Pick<CompiledValidators, 'module' | 'responseModule' | 'sharedModule' | 'fastModule'>;

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

/** A copy without `discriminator` objects (an OpenAPI annotation for the full validators). */
function withoutDiscriminators<T>(node: T): T {
  if (Array.isArray(node)) return node.map(withoutDiscriminators) as T;
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    const annotation = key === 'discriminator' && value !== null && typeof value === 'object' && typeof (value as { propertyName?: unknown }).propertyName === 'string';
    if (!annotation) out[key] = key === 'enum' || key === 'const' ? value : withoutDiscriminators(value);
  }
  return out as T;
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

/** `#/components/schemas/X` when the site is a bare local `$ref`. */
function localRef(site: SchemaSite): string | undefined {
  const schema = site.schema as { $ref?: unknown } | undefined;
  if (schema && typeof schema === 'object' && typeof schema.$ref === 'string' && schema.$ref.startsWith('#/') && Object.keys(schema).length === 1) {
    return schema.$ref;
  }
  return undefined;
}

/** An export name: `createChatCompletion_request`. */
function identifier(text: string): string {
  const name = text.replace(/[^A-Za-z0-9_]+/g, '_').replace(/^_+|_+$/g, '') || 'operation';
  return /^[0-9]/.test(name) ? `_${name}` : name;
}

function uniqueName(base: string, used: Set<string>): string {
  let name = base;
  for (let i = 2; used.has(name.toLowerCase()); i++) name = `${base}_${i}`;
  used.add(name.toLowerCase());
  return name;
}
