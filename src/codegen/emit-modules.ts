/** The wrapper modules around the types and validators, emitted with ts-morph. */
import { IndentationText, Project, QuoteKind, type CodeBlockWriter, type SourceFile } from 'ts-morph';
import type { ProviderProfile } from '../runtime/types.ts';
import type { OperationInfo } from './operations.ts';
import type { ValidatorNames } from './validators.ts';

export const VALIDATORS_MODULE = 'validators.gen.js';
export const RESPONSE_VALIDATORS_MODULE = 'validators-response.gen.js';
export const FAST_VALIDATORS_MODULE = 'validators-fast.gen.js';

export interface ModuleContext {
  profile: ProviderProfile;
  operations: readonly OperationInfo[];
  validators: Map<string, ValidatorNames>;
  /** Import specifier of the runtime (`oai-compat/runtime`). */
  runtime: string;
  /** Whether validators.gen.js / validators-response.gen.js / validators-fast.gen.js exist. */
  hasValidators: boolean;
  hasResponseValidators: boolean;
  hasFastValidators: boolean;
  header: string;
}

let project: Project | undefined;

function newFile(name: string): SourceFile {
  project ??= new Project({
    useInMemoryFileSystem: true,
    manipulationSettings: { indentationText: IndentationText.TwoSpaces, quoteKind: QuoteKind.Double },
  });
  return project.createSourceFile(name, '', { overwrite: true });
}

/** The fixed header first. */
function finish(file: SourceFile, header: string): string {
  return `${header}\n${file.getFullText()}`;
}

/** Writes a JSON-like value as an object literal, one key per line, through the writer (which owns indentation). */
function writeValue(w: CodeBlockWriter, value: unknown, depth = 0): void {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || depth >= 1) {
    w.write(lit(value));
    return;
  }
  const entries = Object.entries(value);
  if (!entries.length) {
    w.write('{}');
    return;
  }
  w.inlineBlock(() => {
    for (const [k, v] of entries) {
      w.write(`${lit(k)}: `);
      writeValue(w, v, depth + 1);
      w.write(',').newLine();
    }
  });
}

/** `/** doc *\/ export const name = <value>;` as one statement. */
function addConst(file: SourceFile, options: { name: string; doc: string; exported?: boolean; type?: string; write: (w: CodeBlockWriter) => void; suffix?: string }): void {
  file.addStatements((w) => {
    w.blankLineIfLastNot();
    w.writeLine(`/** ${commentSafe(options.doc)} */`);
    w.write(`${options.exported === false ? '' : 'export '}const ${options.name}${options.type ? `: ${options.type}` : ''} = `);
    options.write(w);
    w.write(`${options.suffix ?? ''};`);
  });
}

const lit = (value: unknown): string => JSON.stringify(value);

/** Text from an overlay (names, URLs) inside a doc comment: a `*\/` in it would end the comment. */
const commentSafe = (text: string): string => text.replace(/\*\//g, '*\\/');

type ClaimKey = 'lifecycle' | 'requestClaims' | 'requestClaimsByModel' | 'requestClaimsByMode' | 'requestDefault' | 'requestListed' | 'responseClaims';

function writeClaims(w: CodeBlockWriter, op: OperationInfo, keys: readonly ClaimKey[]): void {
  for (const key of keys) {
    const claims = op[key];
    if (!claims) continue;
    w.write(`${key}: `);
    writeValue(w, claims);
    w.write(',').newLine();
  }
}

/**
 * operations.gen.ts: the request part of each operation (what checkRequest reads) apart from its
 * answer part, so that a bundle of checkRequest holds no answer validator; the whole table joins
 * them in a call marked pure, dropped by bundlers when unused.
 */
/** An object literal keyed by operation, each entry's properties written by `entry`. */
function perOperation(operations: readonly OperationInfo[], entry: (w: CodeBlockWriter, op: OperationInfo) => void): (w: CodeBlockWriter) => void {
  return (w) =>
    w.inlineBlock(() => {
      for (const op of operations) {
        w.write(`${lit(op.key)}: `).inlineBlock(() => entry(w, op));
        w.write(',').newLine();
      }
    });
}

export function emitOperationsModule(ctx: ModuleContext): string {
  const file = newFile('operations.gen.ts');
  file.addImportDeclaration({ moduleSpecifier: ctx.runtime, namedImports: ['RequestTable', 'ResponseTable'], isTypeOnly: true });
  file.addImportDeclaration({ moduleSpecifier: ctx.runtime, namedImports: [...(ctx.hasFastValidators ? ['withLazyFastVariant'] : []), 'joinTables'] });
  if (ctx.hasValidators) file.addImportDeclaration({ moduleSpecifier: `./${VALIDATORS_MODULE}`, namespaceImport: 'v' });
  if (ctx.hasResponseValidators) file.addImportDeclaration({ moduleSpecifier: `./${RESPONSE_VALIDATORS_MODULE}`, namespaceImport: 'r' });
  const names = (op: OperationInfo) => ctx.validators.get(op.key) ?? { responses: {} };
  addConst(file, {
    name: 'requestTable',
    doc: `Every operation ${ctx.profile.name} offers, as checkRequest reads it: its request validator (compiled at build time) and claims.`,
    suffix: ' satisfies RequestTable',
    write: perOperation(ctx.operations, (w, op) => {
      const { request, fast } = names(op);
      w.writeLine(`method: ${lit(op.method)},`);
      w.writeLine(`path: ${lit(op.path)},`);
      if (request) {
        const load = `() => import(${lit(`./${FAST_VALIDATORS_MODULE}`)}).then((fast) => fast.${fast})`;
        w.writeLine(`request: ${fast ? `withLazyFastVariant(v.${request}, ${load})` : `v.${request}`},`);
      }
      writeClaims(w, op, ['lifecycle', 'requestClaims', 'requestClaimsByModel', 'requestClaimsByMode', 'requestDefault', 'requestListed']);
    }),
  });
  addConst(file, {
    name: 'responseTable',
    doc: `Every operation ${ctx.profile.name} offers, as checkResponse and checkStreamEvent read it: its answer validators and claims.`,
    suffix: ' satisfies ResponseTable',
    write: perOperation(ctx.operations, (w, op) => {
      const { responses, stream } = names(op);
      w.writeLine(`responses: { ${Object.entries(responses).map(([code, name]) => `${lit(code)}: r.${name}`).join(', ')} },`);
      if (stream) w.writeLine(`stream: r.${stream},`);
      writeClaims(w, op, ['responseClaims']);
    }),
  });
  addConst(file, {
    name: 'operationTable',
    doc: `Every operation ${ctx.profile.name} offers: its validators and its field claims.`,
    write: (w) => w.write('/* @__PURE__ */ joinTables(requestTable, responseTable)'),
  });
  file.addTypeAlias({ isExported: true, name: 'OperationKey', type: 'keyof typeof requestTable', docs: ['`POST /chat/completions` and the like: the operations this profile offers.'] });
  return finish(file, ctx.header);
}

/** The declarations of validators.gen.js or validators-response.gen.js (or, with `fast`, validators-fast.gen.js): one export per name. */
export function emitValidatorDeclarations(ctx: ModuleContext, names: readonly string[], fast = false): string {
  const type = fast ? '(data: unknown) => boolean' : 'ValidateFunction';
  const lines = names.map((name) => `export declare const ${name}: ${type};`);
  const imports = fast ? '' : `import type { ValidateFunction } from ${lit(ctx.runtime)};\n`;
  return `${ctx.header}${imports}${lines.join('\n')}\n`;
}

export function emitClientModule(ctx: ModuleContext): string {
  const { profile } = ctx;
  const file = newFile('client.gen.ts');
  file.addImportDeclaration({ moduleSpecifier: ctx.runtime, namedImports: ['createProviderClient'] });
  file.addImportDeclaration({ moduleSpecifier: ctx.runtime, namedImports: ['ClientOptions', 'ProviderClient', 'ProviderProfile'], isTypeOnly: true });
  file.addImportDeclaration({ moduleSpecifier: './types.gen.ts', namedImports: ['paths'], isTypeOnly: true });
  addConst(file, { name: 'profile', type: 'ProviderProfile', doc: `${profile.name}: where it lives and how it authenticates.`, write: (w) => writeProfile(w, profile) });
  const streaming = ctx.operations.filter((op) => op.stream && op.method === 'post');
  addConst(file, {
    name: 'streamMethods',
    exported: false,
    doc: 'Operations answering with server-sent events: path → method.',
    write: (w) => writeValue(w, Object.fromEntries(streaming.map((op) => [op.path, op.method]))),
  });
  file.addInterface({
    isExported: true,
    name: 'StreamEvents',
    docs: ['The data of one server-sent event, per streaming path (the operation\'s `text/event-stream` schema).'],
    properties: streaming.map((op) => {
      const code = Object.keys(op.responses).find((c) => /^2/.test(c)) ?? '200';
      const codeKey = /^\d+$/.test(code) ? code : lit(code);
      return { name: lit(op.path), docs: [op.key], type: `paths[${lit(op.path)}][${lit(op.method)}]["responses"][${codeKey}]["content"]["text/event-stream"]` };
    }),
  });
  file.addTypeAlias({ isExported: true, name: 'Client', type: 'ProviderClient<paths, StreamEvents>' });
  const auth = profile.auth.scheme === 'header' ? `the \`${profile.auth.header}\` header` : 'a Bearer token';
  file.addFunction({
    isExported: true,
    name: 'createClient',
    docs: [
      commentSafe(
        `A typed client for ${profile.name}: authenticates with ${auth} (the API key defaults to the ` +
          `\`${profile.auth.env}\` environment variable), sends requests to ${profile.baseUrl || 'the given baseUrl'} unless ` +
          '`baseUrl` says otherwise. Calls resolve to `{ data, response }` and throw ApiError on non-2xx answers.',
      ),
    ],
    parameters: [{ name: 'options', type: 'ClientOptions', initializer: '{}' }],
    returnType: 'Client',
    statements: ['return createProviderClient<paths, StreamEvents>(profile, streamMethods, options);'],
  });
  return finish(file, ctx.header);
}

function writeProfile(w: CodeBlockWriter, profile: ProviderProfile): void {
  w.inlineBlock(() => {
    w.writeLine(`id: ${lit(profile.id)},`);
    w.writeLine(`name: ${lit(profile.name)},`);
    w.writeLine(`baseUrl: ${lit(profile.baseUrl)},`);
    w.write('auth: ');
    writeValue(w, profile.auth);
    w.write(',').newLine();
    if (profile.retired) {
      w.write('retired: ');
      writeValue(w, profile.retired);
      w.write(',').newLine();
    }
    if (profile.modes) {
      w.write('modes: ');
      writeValue(w, profile.modes);
      w.write(',').newLine();
    }
  });
}

export function emitIndexModule(ctx: ModuleContext): string {
  const file = newFile('index.gen.ts');
  file.addImportDeclaration({
    moduleSpecifier: ctx.runtime,
    namedImports: ['checkRequest as check', 'checkResponse as checkAnswer', 'checkStreamEvent as checkEvent', 'prepareRequest as prepare'],
  });
  file.addImportDeclaration({ moduleSpecifier: ctx.runtime, namedImports: ['CheckResult', 'PrepareOptions', 'PrepareReport'], isTypeOnly: true });
  file.addImportDeclaration({ moduleSpecifier: './client.gen.ts', namedImports: ['profile'] });
  file.addImportDeclaration({ moduleSpecifier: './operations.gen.ts', namedImports: ['requestTable', 'responseTable'] });
  file.addImportDeclaration({ moduleSpecifier: './operations.gen.ts', namedImports: ['OperationKey'], isTypeOnly: true });
  file.addExportDeclaration({ moduleSpecifier: './client.gen.ts', namedExports: ['createClient', 'profile'] });
  file.addExportDeclaration({ moduleSpecifier: './client.gen.ts', namedExports: ['Client', 'StreamEvents'], isTypeOnly: true });
  file.addExportDeclaration({ moduleSpecifier: './operations.gen.ts', namedExports: ['operationTable', 'requestTable', 'responseTable'] });
  file.addExportDeclaration({ moduleSpecifier: './operations.gen.ts', namedExports: ['OperationKey'], isTypeOnly: true });
  file.addExportDeclaration({ moduleSpecifier: './types.gen.ts', namedExports: ['components', 'paths'], isTypeOnly: true });
  file.addExportDeclaration({ moduleSpecifier: ctx.runtime, namedExports: ['ApiError', 'ConnectionError', 'OaiCompatError', 'StreamError'] });
  file.addExportDeclaration({
    moduleSpecifier: ctx.runtime,
    namedExports: ['CheckResult', 'ClientOptions', 'ErrorDetail', 'Issue', 'PrepareOptions', 'PrepareReport'],
    isTypeOnly: true,
  });
  const name = commentSafe(ctx.profile.name);
  file.addFunctions([
    {
      isExported: true,
      name: 'checkRequest',
      docs: [`Checks a request body against ${name}'s schema and claims: schema violations and unsupported fields are errors; ignored and deprecated fields are warnings.`],
      parameters: [{ name: 'operation', type: 'OperationKey' }, { name: 'body', type: 'unknown' }],
      returnType: 'CheckResult',
      statements: ['return check(requestTable, profile, operation, body);'],
    },
    {
      isExported: true,
      name: 'checkResponse',
      docs: [`Checks what ${name} answered (by status code) against the profile.`],
      parameters: [{ name: 'operation', type: 'OperationKey' }, { name: 'status', type: 'number' }, { name: 'body', type: 'unknown' }],
      returnType: 'CheckResult',
      statements: ['return checkAnswer(responseTable, profile, operation, status, body);'],
    },
    {
      isExported: true,
      name: 'checkStreamEvent',
      docs: [`Checks the parsed data of one server-sent event ${name} sent.`],
      parameters: [{ name: 'operation', type: 'OperationKey' }, { name: 'event', type: 'unknown' }],
      returnType: 'CheckResult',
      statements: ['return checkEvent(responseTable, profile, operation, event);'],
    },
    {
      isExported: true,
      name: 'prepareRequest',
      docs: [`The request as it should be sent to ${name} (ignored / unsupported fields kept, stripped or refused, as asked), and what was changed.`],
      typeParameters: [{ name: 'T' }],
      parameters: [{ name: 'operation', type: 'OperationKey' }, { name: 'body', type: 'T' }, { name: 'options', type: 'PrepareOptions', hasQuestionToken: true }],
      returnType: '{ body: T; report: PrepareReport }',
      statements: ['return prepare(requestTable, profile, operation, body, options) as { body: T; report: PrepareReport };'],
    },
  ]);
  return finish(file, ctx.header);
}
