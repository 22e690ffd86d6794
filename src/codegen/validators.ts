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
import { transformSync } from 'esbuild';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { OpenAPIDocument } from '../build/types.ts';
import { fastSchemas, type FastSchemas } from './fast-schemas.ts';
import { splitStandalone } from './split-module.ts';
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

const SPEC_ID = 'oas';
/** The fast variants' schemas: those reaching a usable discriminator (the others are SPEC_ID's). */
const FAST_ID = 'oas-fast';
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
    // Ajv's optimizing pass over the generated code: 7% smaller validators (what keeps the tarball
    // with every profile under 5 MB), for about a third more compile time.
    code: { source: true, esm: true, lines: false, optimize: true },
    // Each `$ref` is compiled once and called: the sub-schemas the operations share are not repeated.
    inlineRefs: false,
  });
}

interface Target {
  name: string;
  key: string;
  op: OperationInfo;
  role: string;
  pointer: string;
}

export function compileValidators(spec: OpenAPIDocument, operations: readonly OperationInfo[], specFile: string): CompiledValidators {
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

  // One Ajv for the full validators and the fast variants, so that the variants call the full
  // validators' functions for every sub-schema that reaches no discriminator instead of repeating
  // them. The full schemas lose their `discriminator`s (never applied by the full validators).
  const ajv = newAjv();
  ajv.addSchema({ $id: SPEC_ID, components: { schemas: withoutDiscriminators(components) }, inline: withoutDiscriminators(inline) });
  for (const target of targets) {
    try {
      ajv.addSchema({ $id: target.name, $ref: `${SPEC_ID}${target.key}` });
      ajv.getSchema(target.name);
    } catch (err) {
      ajv.removeSchema(target.name);
      diagnostics.push({
        code: 'codegen-schema-compile',
        severity: 'error',
        message: `${target.op.key}: the ${target.role === 'request' ? 'request body' : target.role === 'stream' ? 'stream event' : `${target.role.slice(9)} response`} schema does not compile with Ajv: ${(err as Error).message}`,
        hint: 'fix the schema in the provider overlay (or the normalize stage, when the base spec is at fault)',
        location: { file: specFile, pointer: target.pointer },
      });
    }
  }
  if (diagnostics.length) return { byOperation, diagnostics };
  if (targets.length === 0) return { byOperation, diagnostics };

  const fast = fastSchemas({ components, inline });
  // Request bodies only: they are checked on every call (checkRequest, the mock); answers are checked far less often.
  const fastTargets = targets.filter((t) => t.role === 'request' && fast.reaches(t.key));
  const fastNames: string[] = [];
  if (fastTargets.length) {
    ajv.addSchema(fastDocument(fast));
    for (const target of fastTargets) {
      const name = `${target.name}_fast`;
      try {
        ajv.addSchema({ $id: name, $ref: `${FAST_ID}${target.key}` });
        ajv.getSchema(name);
        fastNames.push(name);
        for (const names of byOperation.values()) if (names.request === target.name) names.fast = name;
      } catch {
        // A discriminator Ajv refuses after all: the full validator alone is still right.
        ajv.removeSchema(name);
      }
    }
  }

  const exported = [...targets.map((t) => t.name), ...fastNames];
  const code = withRuntimeHelpers(standaloneCode(ajv, Object.fromEntries(exported.map((name) => [name, name]))));
  // Names are per schema: one used by a request and by an answer is in both groups.
  const roots = { request: new Set<string>(), response: new Set<string>() };
  for (const names of byOperation.values()) {
    if (names.request) roots.request.add(names.request);
    for (const name of [...Object.values(names.responses), ...(names.stream ? [names.stream] : [])]) roots.response.add(name);
  }
  const split = splitStandalone(code, { request: [...roots.request], response: [...roots.response], fast: fastNames }, `./${SHARED_MODULE}`);
  const moduleOf = (group: string) => (split.groups[group] === undefined ? undefined : esModule(split.groups[group]!));
  const module = moduleOf('request');
  const responseModule = moduleOf('response');
  const fastModule = fastNames.length ? moduleOf('fast') : undefined;
  const sharedModule = split.shared === undefined ? undefined : esModule(split.shared);
  return { module, responseModule, sharedModule, fastModule, byOperation, diagnostics };
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

/**
 * The fast variants' document: the units that reach a usable discriminator, whose `$ref`s to the
 * other units point into the full validators' document (compiled once, for both).
 */
function fastDocument(fast: FastSchemas): Record<string, unknown> {
  const retarget = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(retarget);
    if (node === null || typeof node !== 'object') return node;
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string' && value.startsWith('#/') && !fast.reaches(value)) out[key] = `${SPEC_ID}${value}`;
      else out[key] = key === 'enum' || key === 'const' ? value : retarget(value);
    }
    return out;
  };
  const reaching = (units: Record<string, unknown>, prefix: string) =>
    Object.fromEntries(Object.entries(units).filter(([name]) => fast.reaches(`${prefix}${name.replace(/~/g, '~0').replace(/\//g, '~1')}`)).map(([name, schema]) => [name, retarget(schema)]));
  return { $id: FAST_ID, components: { schemas: reaching(fast.components, '#/components/schemas/') }, inline: reaching(fast.inline, '#/inline/') };
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

/** One module with the runtime helpers it uses imported from oai-compat/runtime, minified. */
function esModule(code: string): string {
  // Ajv binds each helper once (`const func0 = equal;`): its messages mention "equal" too.
  const helpers = [...RUNTIME_HELPERS].filter((name) => new RegExp(`=\\s*${name};`).test(code)).sort();
  const imports = helpers.length ? `import { ${helpers.join(', ')} } from "oai-compat/runtime";\n` : '';
  return transformSync(imports + code, { format: 'esm', minify: true, target: 'es2022', legalComments: 'none' }).code;
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
