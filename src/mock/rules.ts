/**
 * Validate stage, profile part: the provider's rules that are not schema. Authentication in the
 * provider's scheme, and `x-compat` field claims: an `unsupported` field is a 400 naming it,
 * `ignored` and `deprecated` fields pass (their constraints, like `n` must be 1, are schema).
 */
import { badRequest, mockError, type MockError } from './errors.ts';
import type { FieldLocation } from '../profile/types.ts';
import type { AuthModel, ClaimModel, MockModel, OperationModel } from './model.ts';
import { claimFor, type RequestScope } from './scope.ts';

type Headers = Record<string, string | string[] | undefined>;

export function checkAuth(model: MockModel, op: OperationModel, headers: Headers): MockError | undefined {
  if (!op.requiresAuth) return undefined;
  const accepted = [{ scheme: model.auth.scheme, header: model.auth.header }, ...model.auth.alternatives];
  if (accepted.some((a) => credentialIn(headers, a))) return undefined;
  const expected = describe(model.auth);
  const presented = headers.authorization !== undefined || accepted.some((a) => a.header && headers[a.header] !== undefined);
  if (presented || headers['x-api-key'] !== undefined || headers['api-key'] !== undefined) {
    return mockError(401, `Invalid authentication scheme for ${model.providerName}: ${expected}.`, { code: 'invalid_auth_scheme' });
  }
  return mockError(401, `You didn't provide an API key. ${model.providerName} expects ${expected}.`, { code: 'missing_api_key' });
}

function credentialIn(headers: Headers, auth: { scheme: string; header?: string }): boolean {
  if (auth.scheme === 'bearer') {
    const value = headers.authorization;
    return typeof value === 'string' && /^Bearer\s+\S/i.test(value);
  }
  const value = auth.header ? headers[auth.header] : undefined;
  return typeof value === 'string' && value.trim().length > 0;
}

function describe(auth: AuthModel): string {
  const one = (a: { scheme: string; header?: string }) =>
    a.scheme === 'bearer' ? 'an Authorization header using Bearer auth (Authorization: Bearer YOUR_KEY)' : `the key in the ${a.header} header`;
  return [auth, ...auth.alternatives].map(one).join(', or ');
}

interface Step {
  key: string;
  each: boolean;
}

interface CompiledClaim {
  path: string;
  steps: Step[];
  claim: ClaimModel;
}

interface ClaimGroups {
  body: CompiledClaim[];
  query: CompiledClaim[];
  header: CompiledClaim[];
}

const compiled = new WeakMap<OperationModel, { plain: ClaimGroups; scoped: ClaimGroups }>();
const steps = (path: string): Step[] => path.split('.').map((s) => ({ key: s.replace(/\[\]$/, ''), each: s.endsWith('[]') }));
const locations = { body: 'request.body', query: 'request.query', header: 'request.header' } as const;

/**
 * Kept per operation so the hot path walks short lists: `plain`, the `unsupported` claims of
 * fields without scoped claims; `scoped`, the fields whose claim depends on the request's model
 * or mode (resolved per request).
 */
function claimGroups(op: OperationModel) {
  let entry = compiled.get(op);
  if (!entry) {
    const group = (pick: (location: FieldLocation) => [string, ClaimModel][]): ClaimGroups => ({
      body: pick(locations.body).map(([path, claim]) => ({ path, claim, steps: steps(path) })),
      query: pick(locations.query).map(([path, claim]) => ({ path, claim, steps: steps(path) })),
      header: pick(locations.header).map(([path, claim]) => ({ path, claim, steps: steps(path) })),
    });
    const isScoped = (location: FieldLocation, path: string) => Boolean(op.scoped?.[location]?.[path]);
    const plain = group((location) => Object.entries(op.claims[location] ?? {}).filter(([path, claim]) => claim.status === 'unsupported' && !isScoped(location, path)));
    const scoped = group((location) => Object.keys(op.scoped?.[location] ?? {}).map((path) => [path, { status: 'scoped' }]));
    entry = { plain, scoped };
    compiled.set(op, entry);
  }
  return entry;
}

type Parts = { body?: unknown; query?: Record<string, unknown>; headers: Headers };
type Resolve = (c: CompiledClaim, location: FieldLocation) => ClaimModel | undefined;
const ownClaim: Resolve = (c) => c.claim;

export function checkClaims(model: MockModel, op: OperationModel, parts: Parts, scope?: RequestScope): MockError | undefined {
  const { plain, scoped } = claimGroups(op);
  return firstRejected(model, plain, parts, ownClaim) ?? (op.scoped ? firstRejected(model, scoped, parts, (c, location) => claimFor(op, location, c.path, scope)) : undefined);
}

/** The 400 for the first field present in the request whose claim (as `resolve` finds it) is `unsupported`. */
function firstRejected(model: MockModel, claims: ClaimGroups, parts: Parts, resolve: Resolve): MockError | undefined {
  for (const c of claims.header) {
    const claim = resolve(c, locations.header);
    if (claim?.status === 'unsupported' && parts.headers[c.path.toLowerCase()] !== undefined) return rejected(model, c.path.toLowerCase(), claim);
  }
  for (const c of claims.query) {
    const claim = resolve(c, locations.query);
    const found = claim?.status === 'unsupported' && parts.query ? find(parts.query, c.steps, 0, '') : undefined;
    if (found && claim) return rejected(model, found, claim);
  }
  if (parts.body && typeof parts.body === 'object') {
    for (const c of claims.body) {
      const claim = resolve(c, locations.body);
      const found = claim?.status === 'unsupported' ? find(parts.body, c.steps, 0, '') : undefined;
      if (found && claim) return rejected(model, found, claim);
    }
  }
  return undefined;
}

/** The concrete path (`messages[1].name`) of the first value present at a claim path, if any. */
function find(value: unknown, steps: Step[], index: number, at: string): string | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const step = steps[index];
  if (!Object.hasOwn(value, step.key)) return undefined;
  const child = (value as Record<string, unknown>)[step.key];
  const here = at ? `${at}.${step.key}` : step.key;
  if (step.each) {
    if (!Array.isArray(child)) return index === steps.length - 1 ? here : undefined;
    if (index === steps.length - 1) return child.length > 0 ? here : undefined;
    for (let i = 0; i < child.length; i++) {
      const found = find(child[i], steps, index + 1, `${here}[${i}]`);
      if (found) return found;
    }
    return undefined;
  }
  if (index === steps.length - 1) return child === undefined ? undefined : here;
  return find(child, steps, index + 1, here);
}

function rejected(model: MockModel, param: string, claim: ClaimModel): MockError {
  const note = claim.note ? ` ${claim.note}` : '';
  const instead = claim.replacement ? ` Use '${claim.replacement}' instead.` : '';
  return badRequest(`'${param}' is not supported by ${model.providerName}.${note}${instead}`, param, 'unsupported_parameter');
}
