/**
 * Validators as Ajv standalone code, compiled at build time: one CommonJS module per distinct
 * schema an operation uses (request body, JSON responses, stream event), written to
 * validators/<name>.gen.cjs and required on first use, so loading a profile never loads them all.
 * Where a request schema reaches a `oneOf` with a usable `discriminator`, the module also exports a
 * `fast` variant that picks the branch by its tag (see fast-schemas.ts).
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import standalone from 'ajv/dist/standalone/index.js';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { OpenAPIDocument } from '../build/types.ts';
import { fastSchemas } from './fast-schemas.ts';
import type { OperationInfo, SchemaSite } from './operations.ts';

/** Per operation, the module names (validators/<name>.gen.cjs) of its validators. */
export interface ValidatorNames {
  request?: string;
  responses: Record<string, string>;
  stream?: string;
}

export interface ValidatorModule {
  /** File stem: `createChatCompletion.request`. */
  name: string;
  /** CommonJS source exporting `validate` (and `fast` when it differs). */
  code: string;
}

export interface CompiledValidators {
  modules: ValidatorModule[];
  byOperation: Map<string, ValidatorNames>;
  diagnostics: Diagnostic[];
}

const SPEC_ID = 'oas';
// The package is CommonJS: under Node's ESM loader the function is the `default` of the default import.
type StandaloneCode = (ajv: Ajv2020, refs: Record<string, string>) => string;
const standaloneCode = ((standalone as unknown as { default?: StandaloneCode }).default ?? standalone) as unknown as StandaloneCode;

/** The options of both Ajv instances; `discriminator` is on only for the fast variants. */
function newAjv(discriminator: boolean): Ajv2020 {
  return new Ajv2020({
    // OpenAPI adds keywords JSON Schema does not know (discriminator, example, x-*).
    strict: false,
    // The first violation per check, as Ajv does by default (the bench's run-time baseline uses the same).
    allErrors: false,
    // Small $ref targets inlined, as Ajv does by default.
    inlineRefs: true,
    // Formats in the spec are informational (binary, unixtime); checking them would ship ajv-formats.
    validateFormats: false,
    discriminator,
    // No optimizing pass over the generated code: about a third of compile time, and V8 runs the
    // unoptimized code as fast (same run of bench/codegen.ts: equal µs on valid and invalid bodies).
    code: { source: true, esm: false, lines: false, optimize: false },
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
  const components = ((spec.components as Record<string, unknown> | undefined)?.schemas ?? {}) as Record<string, unknown>;
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
      inline[`i${inlineKeys.size - 1}`] = site.schema;
    }
    let name = nameOf.get(key);
    if (!name) {
      name = uniqueName(`${fileSafe(op.operationId ?? `${op.method}${op.path}`)}.${role}`, usedNames);
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

  const ajv = newAjv(false);
  ajv.addSchema({ $id: SPEC_ID, components: { schemas: components }, inline });
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
  if (diagnostics.length) return { modules: [], byOperation, diagnostics };

  const fast = fastSchemas({ components, inline });
  let fastAjv: Ajv2020 | undefined;
  const modules = targets.map((target): ValidatorModule => {
    const blocks = [scoped(standaloneCode(ajv, { validate: target.name }))];
    // Request bodies only: they are checked on every call (checkRequest, the mock); answers are checked far less often.
    if (target.role === 'request' && fast.reaches(target.key)) {
      if (!fastAjv) {
        fastAjv = newAjv(true);
        fastAjv.addSchema({ $id: SPEC_ID, components: { schemas: fast.components }, inline: fast.inline });
      }
      try {
        fastAjv.addSchema({ $id: target.name, $ref: `${SPEC_ID}${target.key}` });
        blocks.push(scoped(standaloneCode(fastAjv, { fast: target.name })));
      } catch {
        // A discriminator Ajv refuses after all: the full validator alone is still right.
        fastAjv.removeSchema(target.name);
      }
    }
    return { name: target.name, code: `"use strict";\n${blocks.join('\n')}\n` };
  });
  return { modules, byOperation, diagnostics };
}

/** Each standalone output in its own block, so two of them (full and fast) share one module without name clashes. */
function scoped(code: string): string {
  const prologue = '"use strict";';
  return `{\n${code.startsWith(prologue) ? code.slice(prologue.length).replace(/^\n/, '') : code}\n}`;
}

/** `#/components/schemas/X` when the site is a bare local `$ref`. */
function localRef(site: SchemaSite): string | undefined {
  const schema = site.schema as { $ref?: unknown } | undefined;
  if (schema && typeof schema === 'object' && typeof schema.$ref === 'string' && schema.$ref.startsWith('#/') && Object.keys(schema).length === 1) {
    return schema.$ref;
  }
  return undefined;
}

function fileSafe(text: string): string {
  return text.replace(/[^A-Za-z0-9_-]+/g, '_').replace(/^_+|_+$/g, '') || 'operation';
}

function uniqueName(base: string, used: Set<string>): string {
  let name = base;
  for (let i = 2; used.has(name.toLowerCase()); i++) name = `${base}-${i}`;
  used.add(name.toLowerCase());
  return name;
}
