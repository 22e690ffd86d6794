/** The wrapper modules around the types and validators, emitted with ts-morph. */
import { IndentationText, Project, QuoteKind, VariableDeclarationKind, type SourceFile } from 'ts-morph';
import type { ProviderProfile } from '../runtime/types.ts';
import type { OperationInfo } from './operations.ts';
import type { ValidatorNames } from './validators.ts';

export interface ModuleContext {
  profile: ProviderProfile;
  operations: readonly OperationInfo[];
  validators: Map<string, ValidatorNames>;
  validatorNames: readonly string[];
  /** Import specifier of src/runtime/index.ts as seen from the generated folder. */
  runtime: string;
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

/** Formats with the TypeScript formatter (2 spaces), then puts the fixed header first. */
function finish(file: SourceFile, header: string): string {
  file.formatText({ indentSize: 2, tabSize: 2, convertTabsToSpaces: true });
  return `${header}\n${file.getFullText()}`;
}

/** A JSON object literal, one key per line. */
function objectLiteral(value: Record<string, unknown>): string {
  const entries = Object.entries(value).map(([k, v]) => `${lit(k)}: ${lit(v)},`);
  return entries.length ? `{\n${entries.join('\n')}\n}` : '{}';
}

const lit = (value: unknown): string => JSON.stringify(value);

export function emitOperationsModule(ctx: ModuleContext): string {
  const file = newFile('operations.gen.ts');
  file.addImportDeclaration({ moduleSpecifier: ctx.runtime, namedImports: ['OperationTable'], isTypeOnly: true });
  if (ctx.validatorNames.length) file.addImportDeclaration({ moduleSpecifier: './validators.gen.js', namespaceImport: 'v' });
  const entries = ctx.operations.map((op) => {
    const names = ctx.validators.get(op.key) ?? { responses: {} };
    const lines = [`method: ${lit(op.method)}`, `path: ${lit(op.path)}`];
    if (names.request) lines.push(`request: v.${names.request}`);
    const responses = Object.entries(names.responses).map(([code, name]) => `${lit(code)}: v.${name}`);
    lines.push(`responses: { ${responses.join(', ')} }`);
    if (names.stream) lines.push(`stream: v.${names.stream}`);
    if (op.requestClaims) lines.push(`requestClaims: ${objectLiteral(op.requestClaims)}`);
    if (op.responseClaims) lines.push(`responseClaims: ${objectLiteral(op.responseClaims)}`);
    return `${lit(op.key)}: {\n${lines.map((l) => `${l},`).join('\n')}\n},`;
  });
  file.addVariableStatement({
    isExported: true,
    declarationKind: VariableDeclarationKind.Const,
    docs: [`Every operation ${ctx.profile.name} offers: its validators (compiled at build time) and its field claims.`],
    declarations: [{ name: 'operationTable', initializer: `{\n${entries.join('\n')}\n} satisfies OperationTable` }],
  });
  file.addTypeAlias({ isExported: true, name: 'OperationKey', type: 'keyof typeof operationTable', docs: ['`POST /chat/completions` and the like: the operations this profile offers.'] });
  return finish(file, ctx.header);
}

export function emitValidatorTypes(ctx: ModuleContext): string {
  const file = newFile('validators.gen.d.ts');
  file.addImportDeclaration({ moduleSpecifier: ctx.runtime, namedImports: ['ValidateFunction'], isTypeOnly: true });
  for (const name of ctx.validatorNames) {
    file.addVariableStatement({ hasDeclareKeyword: true, isExported: true, declarationKind: VariableDeclarationKind.Const, declarations: [{ name, type: 'ValidateFunction' }] });
  }
  if (!ctx.validatorNames.length) file.addExportDeclaration({});
  return finish(file, ctx.header);
}

export function emitClientModule(ctx: ModuleContext): string {
  const { profile } = ctx;
  const file = newFile('client.gen.ts');
  file.addImportDeclaration({ moduleSpecifier: ctx.runtime, namedImports: ['createProviderClient'] });
  file.addImportDeclaration({ moduleSpecifier: ctx.runtime, namedImports: ['ClientOptions', 'ProviderClient', 'ProviderProfile'], isTypeOnly: true });
  file.addImportDeclaration({ moduleSpecifier: './types.gen.ts', namedImports: ['paths'], isTypeOnly: true });
  file.addVariableStatement({
    isExported: true,
    declarationKind: VariableDeclarationKind.Const,
    docs: [`${profile.name}: where it lives and how it authenticates.`],
    declarations: [{ name: 'profile', type: 'ProviderProfile', initializer: JSON.stringify(profile, null, 2) }],
  });
  const streaming = ctx.operations.filter((op) => op.stream && op.method === 'post');
  file.addVariableStatement({
    declarationKind: VariableDeclarationKind.Const,
    docs: ['Operations answering with server-sent events: path → method.'],
    declarations: [{ name: 'streamMethods', initializer: objectLiteral(Object.fromEntries(streaming.map((op) => [op.path, op.method]))) }],
  });
  file.addInterface({
    isExported: true,
    name: 'StreamEvents',
    docs: ['The data of one server-sent event, per streaming path (the operation\'s `text/event-stream` schema).'],
    properties: streaming.map((op) => {
      const code = Object.keys(op.responses).find((c) => /^2/.test(c)) ?? '200';
      const codeKey = /^\d+$/.test(code) ? code : lit(code);
      return { name: lit(op.path), docs: [op.key], type: `paths[${lit(op.path)}][${lit(op.method)}]['responses'][${codeKey}]['content']['text/event-stream']` };
    }),
  });
  file.addTypeAlias({ isExported: true, name: 'Client', type: 'ProviderClient<paths, StreamEvents>' });
  const auth = profile.auth.scheme === 'header' ? `the \`${profile.auth.header}\` header` : 'a Bearer token';
  file.addFunction({
    isExported: true,
    name: 'createClient',
    docs: [
      `A typed client for ${profile.name}: authenticates with ${auth} (the API key defaults to the ` +
        `\`${profile.auth.env}\` environment variable), sends requests to ${profile.baseUrl || 'the given baseUrl'} unless ` +
        '`baseUrl` says otherwise, and raises ApiError on non-2xx answers.',
    ],
    parameters: [{ name: 'options', type: 'ClientOptions', initializer: '{}' }],
    returnType: 'Client',
    statements: ['return createProviderClient<paths, StreamEvents>(profile, streamMethods, options);'],
  });
  return finish(file, ctx.header);
}

export function emitIndexModule(ctx: ModuleContext): string {
  const file = newFile('index.gen.ts');
  file.addImportDeclaration({
    moduleSpecifier: ctx.runtime,
    namedImports: ['checkRequest as check', 'checkResponse as checkAnswer', 'checkStreamEvent as checkEvent', 'prepareRequest as prepare'],
  });
  file.addImportDeclaration({ moduleSpecifier: ctx.runtime, namedImports: ['CheckResult', 'PrepareOptions', 'PrepareReport'], isTypeOnly: true });
  file.addImportDeclaration({ moduleSpecifier: './client.gen.ts', namedImports: ['profile'] });
  file.addImportDeclaration({ moduleSpecifier: './operations.gen.ts', namedImports: ['operationTable'] });
  file.addImportDeclaration({ moduleSpecifier: './operations.gen.ts', namedImports: ['OperationKey'], isTypeOnly: true });
  file.addExportDeclaration({ moduleSpecifier: './client.gen.ts', namedExports: ['createClient', 'profile'] });
  file.addExportDeclaration({ moduleSpecifier: './client.gen.ts', namedExports: ['Client', 'StreamEvents'], isTypeOnly: true });
  file.addExportDeclaration({ moduleSpecifier: './operations.gen.ts', namedExports: ['operationTable'] });
  file.addExportDeclaration({ moduleSpecifier: './operations.gen.ts', namedExports: ['OperationKey'], isTypeOnly: true });
  file.addExportDeclaration({ moduleSpecifier: './types.gen.ts', namedExports: ['components', 'paths'], isTypeOnly: true });
  file.addExportDeclaration({ moduleSpecifier: ctx.runtime, namedExports: ['ApiError', 'ConnectionError', 'OaiCompatError', 'StreamError'] });
  file.addExportDeclaration({
    moduleSpecifier: ctx.runtime,
    namedExports: ['CheckResult', 'ClientOptions', 'ErrorDetail', 'Issue', 'PrepareOptions', 'PrepareReport'],
    isTypeOnly: true,
  });
  const name = ctx.profile.name;
  file.addFunctions([
    {
      isExported: true,
      name: 'checkRequest',
      docs: [`Checks a request body against ${name}'s schema and claims: schema violations and unsupported fields are errors; ignored and deprecated fields are warnings.`],
      parameters: [{ name: 'operation', type: 'OperationKey' }, { name: 'body', type: 'unknown' }],
      returnType: 'CheckResult',
      statements: ['return check(operationTable, profile, operation, body);'],
    },
    {
      isExported: true,
      name: 'checkResponse',
      docs: [`Checks what ${name} answered (by status code) against the profile.`],
      parameters: [{ name: 'operation', type: 'OperationKey' }, { name: 'status', type: 'number' }, { name: 'body', type: 'unknown' }],
      returnType: 'CheckResult',
      statements: ['return checkAnswer(operationTable, profile, operation, status, body);'],
    },
    {
      isExported: true,
      name: 'checkStreamEvent',
      docs: [`Checks the parsed data of one server-sent event ${name} sent.`],
      parameters: [{ name: 'operation', type: 'OperationKey' }, { name: 'event', type: 'unknown' }],
      returnType: 'CheckResult',
      statements: ['return checkEvent(operationTable, profile, operation, event);'],
    },
    {
      isExported: true,
      name: 'prepareRequest',
      docs: [`The request as it should be sent to ${name} (ignored / unsupported fields kept, stripped or refused, as asked), and what was changed.`],
      typeParameters: [{ name: 'T' }],
      parameters: [{ name: 'operation', type: 'OperationKey' }, { name: 'body', type: 'T' }, { name: 'options', type: 'PrepareOptions', hasQuestionToken: true }],
      returnType: '{ body: T; report: PrepareReport }',
      statements: ['return prepare(operationTable, profile, operation, body, options) as { body: T; report: PrepareReport };'],
    },
  ]);
  return finish(file, ctx.header);
}
