/**
 * Test helper: compiles every component schema of an OpenAPI document with Ajv2020 + ajv-formats,
 * the document added whole under an `$id` and each schema compiled through its
 * `#/components/schemas/<name>` ref. Returns the schemas that fail, with Ajv's message.
 */
import { Ajv2020, type Options } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { escapeToken } from '../../src/load/pointer.ts';
import { OAS_DOCUMENT_KEYWORDS, OAS_SCHEMA_KEYWORDS, schemaExtensionKeywords } from '../../src/normalize/oas-dialect.ts';

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;
const ID = 'https://oai-compat.invalid/openapi.json';

export interface CompileFailure {
  schema: string;
  message: string;
}

/**
 * `strict: true` registers the OAS dialect's keywords and the document's `x-` keys as
 * annotations (Ajv would reject them as unknown), then compiles with every strict check on except
 * strictRequired (see the test for why). `strict: false` is the loose mode of the DESIGN figure.
 */
export function compileComponentSchemas(spec: Record<string, unknown>, strict: boolean): CompileFailure[] {
  const options: Options = {
    strict: strict ? true : false,
    strictRequired: false,
    logger: false,
    // Each $ref compiled once as its own function; the generated code unoptimized: this checks
    // that schemas compile, so compile time is what matters.
    inlineRefs: false,
    code: { optimize: false },
  };
  const ajv = addFormats(new Ajv2020(options));
  if (strict) {
    const rootExtensions = Object.keys(spec).filter((key) => key.startsWith('x-'));
    const keywords = new Set([...OAS_DOCUMENT_KEYWORDS, ...OAS_SCHEMA_KEYWORDS, ...rootExtensions, ...schemaExtensionKeywords(spec)]);
    ajv.addVocabulary([...keywords]);
  }
  ajv.addSchema(spec, ID);
  const schemas = (spec.components as { schemas: Record<string, unknown> }).schemas;
  const failures: CompileFailure[] = [];
  for (const name of Object.keys(schemas)) {
    try {
      ajv.getSchema(`${ID}#/components/schemas/${escapeToken(name)}`);
    } catch (err) {
      failures.push({ schema: name, message: (err as Error).message.split('\n')[0] });
    }
  }
  return failures;
}
