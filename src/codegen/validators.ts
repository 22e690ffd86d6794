/**
 * Validators as Ajv standalone code, compiled at build time: one export per distinct schema an
 * operation uses (request body, JSON responses, stream event), all sharing one copy of the spec's
 * component schemas so shared `$ref`s compile once.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import standalone from 'ajv/dist/standalone/index.js';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { OpenAPIDocument } from '../build/types.ts';
import type { OperationInfo, SchemaSite } from './operations.ts';

/** Per operation, the export names of its validators. */
export interface ValidatorNames {
  request?: string;
  responses: Record<string, string>;
  stream?: string;
}

export interface CompiledValidators {
  /** ESM source: `export const v0 = ...`. */
  code: string;
  /** Export names in order. */
  names: string[];
  byOperation: Map<string, ValidatorNames>;
  diagnostics: Diagnostic[];
}

const SPEC_ID = 'oas';
// The package is CommonJS: under Node's ESM loader the function is the `default` of the default import.
type StandaloneCode = (ajv: Ajv2020, refs: Record<string, string>) => string;
const standaloneCode = ((standalone as unknown as { default?: StandaloneCode }).default ?? standalone) as unknown as StandaloneCode;

export function compileValidators(spec: OpenAPIDocument, operations: readonly OperationInfo[], specFile: string): CompiledValidators {
  const components = (spec.components as Record<string, unknown> | undefined)?.schemas ?? {};
  // Inline schemas live next to the components, so their `#/components/...` refs still resolve.
  const inline: Record<string, unknown> = {};
  const ajv = new Ajv2020({
    // OpenAPI adds keywords JSON Schema does not know (discriminator, example, x-*).
    strict: false,
    // The first violation per check, as Ajv does by default: about twice as fast on valid bodies
    // as collecting every error, which keeps checkRequest (claims included) under a run-time Ajv.
    allErrors: false,
    // Small $ref targets inlined, as Ajv does by default: faster checks for slightly larger code.
    inlineRefs: true,
    // Formats in the spec are informational (binary, unixtime); checking them would ship ajv-formats.
    validateFormats: false,
    code: { source: true, esm: true, lines: false },
  });
  const nameOf = new Map<string, string>();
  const inlineKeys = new Map<string, string>();
  const names: string[] = [];
  const byOperation = new Map<string, ValidatorNames>();
  const diagnostics: Diagnostic[] = [];
  const targets: { name: string; ref: string; op: OperationInfo; role: string; pointer: string }[] = [];

  const register = (op: OperationInfo, role: string, site: SchemaSite): string | undefined => {
    const ref = localRef(site);
    let key = ref ?? inlineKeys.get(site.pointer);
    if (!key) {
      key = `#/inline/i${inlineKeys.size}`;
      inlineKeys.set(site.pointer, key);
      inline[`i${inlineKeys.size - 1}`] = site.schema;
    }
    let name = nameOf.get(key);
    if (!name) {
      name = `v${nameOf.size}`;
      nameOf.set(key, name);
      targets.push({ name, ref: `${SPEC_ID}${key}`, op, role, pointer: site.pointer });
    }
    return name;
  };
  for (const op of operations) {
    const entry: ValidatorNames = { responses: {} };
    if (op.request) entry.request = register(op, 'request body', op.request);
    for (const [code, site] of Object.entries(op.responses)) entry.responses[code] = register(op, `${code} response`, site)!;
    if (op.stream) entry.stream = register(op, 'stream event', op.stream);
    byOperation.set(op.key, entry);
  }

  ajv.addSchema({ $id: SPEC_ID, components: { schemas: components }, inline });
  for (const target of targets) {
    try {
      ajv.addSchema({ $id: target.name, $ref: target.ref });
      ajv.getSchema(target.name);
      names.push(target.name);
    } catch (err) {
      ajv.removeSchema(target.name);
      diagnostics.push({
        code: 'codegen-schema-compile',
        severity: 'error',
        message: `${target.op.key}: the ${target.role} schema does not compile with Ajv: ${(err as Error).message}`,
        hint: 'fix the schema in the provider overlay (or the normalize stage, when the base spec is at fault)',
        location: { file: specFile, pointer: target.pointer },
      });
    }
  }
  if (diagnostics.length) return { code: '', names: [], byOperation, diagnostics };
  const mapping = Object.fromEntries(names.map((name) => [name, name]));
  return { code: hoistRequires(standaloneCode(ajv, mapping)), names, byOperation, diagnostics };
}

/** `#/components/schemas/X` when the site is a bare local `$ref`. */
function localRef(site: SchemaSite): string | undefined {
  const schema = site.schema as { $ref?: unknown } | undefined;
  if (schema && typeof schema === 'object' && typeof schema.$ref === 'string' && schema.$ref.startsWith('#/') && Object.keys(schema).length === 1) {
    return schema.$ref;
  }
  return undefined;
}

/**
 * Standalone code calls `require("ajv/dist/runtime/...")`; the generated module is ESM, so hoist
 * them to imports. Loaders disagree on a CommonJS default import (`module.exports` under Node,
 * `exports.default` under bundlers that honour `__esModule`): normalize to the `module.exports` shape.
 */
export function hoistRequires(code: string): string {
  const modules = new Map<string, string>();
  const body = code.replace(/require\("([^"]+)"\)/g, (_, spec: string) => {
    let local = modules.get(spec);
    if (!local) {
      local = `runtime${modules.size}`;
      modules.set(spec, local);
    }
    return local;
  });
  const imports = [...modules].flatMap(([spec, local]) => [
    `import ${local}Import from ${JSON.stringify(spec.endsWith('.js') ? spec : `${spec}.js`)};`,
    `const ${local} = typeof ${local}Import === "function" ? { default: ${local}Import } : ${local}Import;`,
  ]);
  return `${imports.join('\n')}${imports.length ? '\n' : ''}${body.replace(/^"use strict";\n?/, '')}\n`;
}
