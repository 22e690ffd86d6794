/**
 * Validators as Ajv standalone code, compiled at build time: every distinct schema an operation
 * uses (request body, JSON responses, stream event) is an export, and the sub-schemas they share
 * are compiled once, as functions the exports call (no `$ref` is inlined). Schemas compile as
 * units named by their content in one Ajv for every profile a build handles (validator-units.ts),
 * so what the catalog shares with the base compiles once per build. The code is split in modules
 * (validator-modules.ts): validators.gen.js for request bodies, validators-response.gen.js for
 * answers and stream events, validators-shared.gen.js for what both reach; an app that only
 * checks requests bundles no answer validator. Where a request schema reaches a `oneOf` with a
 * usable `discriminator`, validators-fast.gen.js exports a variant that picks the branch by its
 * tag (see fast-schemas.ts), loaded by the runtime on first use. Annotations are stripped before
 * compiling and the code is minified: neither changes what is accepted, both shrink what ships.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { OpenAPIDocument } from '../build/types.ts';
import { fastSchemas } from './fast-schemas.ts';
import { reachesAny, SharedAjv, unitGraph, unitKey } from './validator-units.ts';
import { writeModules } from './validator-modules.ts';
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
  const modules = await writeModules(ajv, exports, groups, graph.pointers);
  // Without fast names the fast group has no export, so it has no module.
  return { ...modules, byOperation, diagnostics };
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
