/**
 * The one reader of `x-compat`: turns the claims of a resolved spec (overlay applied, not yet
 * sliced) into the typed ProfileModel every generator reads, with located diagnostics for what
 * the JSON Schema cannot say (scopes, sources, duplicated claims).
 */
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { isObject, type JsonObject } from '../load/json.ts';
import { compareOperations, listOperations } from '../load/openapi.ts';
import { toPointer } from '../load/pointer.ts';
import { checkProfile } from './checks.ts';
import { schemaProblems, type XCompatValidators } from './schema.ts';
import {
  fieldLocations,
  type AuthModel,
  type Behaviour,
  type Claim,
  type DefaultClaim,
  type FieldClaims,
  type FieldLocation,
  type Lifecycle,
  type ModeModel,
  type OperationModel,
  type ProfileModel,
  type Provenance,
  type SourceDocument,
  type ValueRule,
} from './types.ts';

export interface ParseOptions {
  /** The profile id (the folder name under spec/providers/). */
  id: string;
  /** The compiled JSON Schema; without it only the checks beyond the schema run. */
  validators?: XCompatValidators;
  /**
   * The base profile: every operation is offered as OpenAI's own, claimed or not, and a missing
   * root `x-compat` is no error.
   */
  base?: boolean;
}

export interface ParseResult {
  model: ProfileModel;
  diagnostics: Diagnostic[];
}

const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const strings = (value: unknown): string[] => list(value).filter((v): v is string => typeof v === 'string');
const headerLocations: ReadonlySet<FieldLocation> = new Set(['request.header', 'response.header']);

export function parseProfile(spec: JsonObject, options: ParseOptions): ParseResult {
  const diagnostics: Diagnostic[] = [];
  const raw = spec['x-compat'];
  const root = isObject(raw) ? raw : {};
  if (!isObject(raw) && !options.base) {
    diagnostics.push({
      code: 'x-compat-missing',
      severity: 'error',
      message: `the overlay of "${options.id}" sets no x-compat at the document root`,
      hint: 'add an action on "$" that updates x-compat with provider, auth, sources and source',
      location: { pointer: '/x-compat' },
    });
  } else if (isObject(raw) && options.validators) {
    diagnostics.push(...schemaProblems(options.validators.document, raw, '/x-compat'));
  }

  const sources = list(root.sources).filter(isObject).map(sourceDocument);
  const defaultSource = str(root.source) ?? sources[0]?.id ?? '';
  const reader = new ClaimReader(sources);
  const rootProvenance = reader.provenance(root, { source: defaultSource });

  const operations: OperationModel[] = [];
  const unoffered: OperationModel[] = [];
  for (const op of listOperations(spec)) {
    const claim = op.operation['x-compat'];
    if (claim !== undefined && !isObject(claim)) {
      diagnostics.push({
        code: 'x-compat-not-object',
        severity: 'error',
        message: `x-compat of ${op.key} is ${JSON.stringify(claim)}, not an object`,
        hint: 'write the claims as an object, e.g. `x-compat: { status: supported }`',
        location: { pointer: `${op.pointer}/x-compat` },
      });
      continue;
    }
    if (!isObject(claim)) {
      if (options.base) operations.push({ key: op.key, method: op.method.toUpperCase(), path: op.path, pointer: op.pointer, status: 'supported', ...rootProvenance, defaults: {}, fields: {} });
      continue;
    }
    if (options.validators) diagnostics.push(...schemaProblems(options.validators.operation, claim, `${op.pointer}/x-compat`));
    const model = reader.operation(op, claim, rootProvenance);
    (isOfferedModel(model) ? operations : unoffered).push(model);
  }
  operations.sort((a, b) => compareOperations(a.key, b.key));
  unoffered.sort((a, b) => compareOperations(a.key, b.key));
  if (!options.base && operations.length === 0 && isObject(raw)) {
    diagnostics.push({
      code: 'provider-offers-nothing',
      severity: 'error',
      message: `the overlay of "${options.id}" offers no operation: no operation carries an x-compat claim other than unsupported`,
      hint: 'add an action on each operation the provider offers that sets its x-compat status (see docs/x-compat.md)',
      location: { pointer: '/paths' },
    });
  }

  const provider = isObject(root.provider) ? root.provider : {};
  const model: ProfileModel = {
    id: options.id,
    name: str(provider.name) ?? (options.id === 'openai' ? 'OpenAI' : options.id),
    ...(str(provider.homepage) ? { homepage: str(provider.homepage) } : {}),
    baseUrl: serverUrl(spec),
    auth: authModel(root.auth, options.id),
    sources,
    source: defaultSource,
    models: strings(root.models),
    modes: list(root.modes).filter(isObject).map(modeModel),
    notes: strings(root.notes),
    behaviours: list(root.behaviours).filter(isObject).map((b) => reader.behaviour(b, rootProvenance)),
    unverified: list(root.unverified).filter(isObject).map((u) => ({ ...(u as ProfileModel['unverified'][number]) })),
    ...(isObject(root.lifecycle) ? { lifecycle: reader.lifecycle(root.lifecycle, rootProvenance) } : {}),
    operations,
    unoffered,
  };
  diagnostics.push(...checkProfile(spec, model, options.id));
  return { model, diagnostics };
}

function modeModel(m: JsonObject): ModeModel {
  const select = list(m.select).filter(isObject);
  return { id: String(m.id), title: String(m.title), how: String(m.how), ...(select.length ? { select } : {}), ...(m.default === true ? { default: true } : {}) };
}

/** An operation is sliced away when claimed `unsupported` or retired. */
export function isOfferedModel(operation: Pick<OperationModel, 'status' | 'lifecycle'>): boolean {
  return operation.status !== 'unsupported' && operation.lifecycle?.state !== 'retired';
}

function sourceDocument(raw: JsonObject): SourceDocument {
  return {
    id: String(raw.id),
    url: String(raw.url),
    ...(str(raw.title) ? { title: str(raw.title) } : {}),
    verified: String(raw.verified),
    ...(str(raw.note) ? { note: str(raw.note) } : {}),
    ...(raw.thirdParty === true ? { thirdParty: true } : {}),
  };
}

/** Builds model entries; fills every `source` and `verified` with the value in effect. */
class ClaimReader {
  private readonly verifiedOf: Map<string, string>;

  constructor(sources: SourceDocument[]) {
    this.verifiedOf = new Map(sources.map((s) => [s.id, s.verified]));
  }

  /** A statement's own source, else the enclosing one; its own date, else the enclosing one, else its source's. */
  provenance(raw: JsonObject, outer: Provenance): Required<Provenance> | Provenance {
    const source = str(raw.source) ?? outer.source;
    const ownSource = str(raw.source) !== undefined;
    const verified = str(raw.verified) ?? (ownSource ? undefined : outer.verified) ?? (source ? this.verifiedOf.get(source) : undefined);
    return { ...(source ? { source } : {}), ...(verified ? { verified } : {}) };
  }

  operation(op: { key: string; method: string; path: string; pointer: string }, raw: JsonObject, outer: Provenance): OperationModel {
    const provenance = this.provenance(raw, outer);
    const defaults: OperationModel['defaults'] = {};
    const fields: OperationModel['fields'] = {};
    const rawDefaults = isObject(raw.defaults) ? raw.defaults : {};
    const rawFields = isObject(raw.fields) ? raw.fields : {};
    for (const location of fieldLocations) {
      const fallback = rawDefaults[location];
      if (isObject(fallback)) defaults[location] = { status: fallback.status as DefaultClaim['status'], ...text(fallback, 'note'), ...this.provenance(fallback, provenance) };
      const claims = rawFields[location];
      if (isObject(claims)) fields[location] = this.fieldClaims(claims, headerLocations.has(location), provenance);
    }
    return {
      key: op.key,
      method: op.method.toUpperCase(),
      path: op.path,
      pointer: op.pointer,
      status: raw.status as OperationModel['status'],
      ...text(raw, 'note'),
      ...text(raw, 'replacement'),
      ...provenance,
      ...(isObject(raw.lifecycle) ? { lifecycle: this.lifecycle(raw.lifecycle, provenance) } : {}),
      defaults,
      fields,
    };
  }

  fieldClaims(raw: JsonObject, foldCase: boolean, outer: Provenance): FieldClaims {
    const claims: FieldClaims = {};
    for (const [key, value] of Object.entries(raw)) {
      const entries = (Array.isArray(value) ? value : [value]).filter(isObject);
      claims[foldCase ? key.toLowerCase() : key] = entries.map((entry) => this.claim(entry, outer));
    }
    return claims;
  }

  claim(raw: JsonObject, outer: Provenance): Claim {
    const provenance = this.provenance(raw, outer);
    const claim: Claim = { status: raw.status as Claim['status'] };
    if (Array.isArray(raw.models)) claim.models = strings(raw.models);
    if (str(raw.mode)) claim.mode = str(raw.mode);
    Object.assign(claim, text(raw, 'note'), text(raw, 'replacement'), provenance);
    if (Array.isArray(raw.rules)) claim.rules = raw.rules.filter(isObject).map((rule) => this.rule(rule));
    if (isObject(raw.schema)) claim.schema = raw.schema;
    if (str(raw.returned)) claim.returned = raw.returned as Claim['returned'];
    if (Array.isArray(raw.statuses)) claim.statuses = raw.statuses.filter((s): s is number | string => typeof s === 'number' || typeof s === 'string');
    if (raw.notInApi === true) claim.notInApi = true;
    if (Array.isArray(raw.conflicts)) claim.conflicts = raw.conflicts.filter(isObject).map((c) => this.claim(c, { source: provenance.source }));
    if (isObject(raw.observed)) claim.observed = raw.observed as unknown as Claim['observed'];
    return claim;
  }

  rule(raw: JsonObject): ValueRule {
    return {
      when: (isObject(raw.when) ? raw.when : {}) as ValueRule['when'],
      effect: raw.effect as ValueRule['effect'],
      ...('to' in raw ? { to: raw.to } : {}),
      ...text(raw, 'note'),
      ...(str(raw.source) ? { source: str(raw.source) } : {}),
      ...(str(raw.verified) ? { verified: str(raw.verified) } : {}),
    };
  }

  lifecycle(raw: JsonObject, outer: Provenance): Lifecycle {
    const answer = isObject(raw.answer) ? { status: Number(raw.answer.status), ...text(raw.answer, 'message') } : undefined;
    return {
      state: raw.state as Lifecycle['state'],
      ...text(raw, 'date'),
      ...text(raw, 'replacement'),
      ...(answer ? { answer } : {}),
      ...text(raw, 'note'),
      ...this.provenance(raw, outer),
    };
  }

  behaviour(raw: JsonObject, outer: Provenance): Behaviour {
    return {
      id: String(raw.id),
      kind: raw.kind as Behaviour['kind'],
      title: String(raw.title),
      note: String(raw.note),
      ...(Array.isArray(raw.operations) ? { operations: strings(raw.operations) } : {}),
      ...this.provenance(raw, outer),
    };
  }
}

function text<K extends string>(raw: JsonObject, key: K): Partial<Record<K, string>> {
  const value = str(raw[key]);
  return value === undefined ? {} : ({ [key]: value } as Record<K, string>);
}

function authModel(raw: unknown, id: string): AuthModel {
  // The base profile without profile.yaml is OpenAI itself.
  if (!isObject(raw)) return { scheme: 'bearer', env: id === 'openai' ? 'OPENAI_API_KEY' : `${id.toUpperCase().replace(/-/g, '_')}_API_KEY` };
  const scheme = (value: JsonObject) => (value.scheme === 'header' ? { scheme: 'header' as const, header: String(value.header).toLowerCase() } : { scheme: 'bearer' as const });
  const alternatives = list(raw.alternatives).filter(isObject).map(scheme);
  return { ...scheme(raw), env: String(raw.env), ...(alternatives.length ? { alternatives } : {}) };
}

/** The first server's URL with each variable's default (`https://{endpoint}/v1` → the default host). */
function serverUrl(spec: JsonObject): string {
  const server = list(spec.servers)[0];
  if (!isObject(server) || typeof server.url !== 'string') return '';
  const variables = isObject(server.variables) ? server.variables : {};
  return server.url.replace(/\{([^}]+)\}/g, (whole, name: string) => {
    const variable = variables[name];
    return isObject(variable) && typeof variable.default === 'string' ? variable.default : whole;
  });
}

/** Pointer of a field claim (or of one claim of a list) in the resolved spec. */
export function fieldClaimPointer(operationPointer: string, location: FieldLocation, key: string, index?: number): string {
  return `${operationPointer}/x-compat${toPointer(['fields', location, key, ...(index === undefined ? [] : [index])])}`;
}
