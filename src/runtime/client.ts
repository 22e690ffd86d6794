/**
 * The client behind each generated `createClient`: openapi-fetch with the profile's auth, base URL
 * and typed errors, plus `stream()` for operations that answer with server-sent events.
 */
import createFetchClient, { type FetchOptions, type FetchResponse, type Middleware } from 'openapi-fetch';
import type { ExactInit, InitOf } from './exact.ts';
import { ApiError, ConnectionError, parseErrorBody, StreamError } from './errors.ts';
import { readEventStream } from './sse.ts';
import type { AuthScheme, ProviderProfile } from './types.ts';

export interface ClientOptions {
  /** Defaults to the environment variable the profile names (e.g. OPENAI_API_KEY). */
  apiKey?: string;
  /** Defaults to the profile's server URL. */
  baseUrl?: string;
  fetch?: typeof fetch;
  headers?: Record<string, string>;
  /**
   * Which of the schemes the provider accepts to send the key with (default: the profile's
   * primary one). A scheme the provider does not accept is an error.
   */
  authScheme?: AuthScheme['scheme'];
}

/** The paths that offer `Method` (openapi-typescript writes `get?: never` for the others). */
export type PathsWith<Paths, Method extends string> = { [P in keyof Paths]: Paths[P] extends { [M in Method]: unknown } ? P : never }[keyof Paths];

type Operation<Paths, P, Method extends string> = P extends keyof Paths ? (Method extends keyof Paths[P] ? Paths[P][Method] : never) : never;

/** What a call resolves to. Non-2xx answers throw ApiError instead, so `data` is always the success body. */
export interface Answer<Data> {
  data: Data;
  response: Response;
}

type SuccessData<Op, Init> = NonNullable<FetchResponse<Op & Record<string | number, unknown>, Init, 'application/json'>['data']>;

/** The paths whose `Method` call may omit its init (no required parameter or body). */
type OptionalInitPaths<Paths, Method extends string> = {
  [P in PathsWith<Paths, Method>]: undefined extends InitOf<Paths[P], Method & keyof Paths[P]> ? P : never;
}[PathsWith<Paths, Method>];

type Init<Paths, P, Method extends string> = P extends keyof Paths ? InitOf<Paths[P], Method & keyof Paths[P]> : never;

/**
 * One HTTP method of the client: the paths that offer it, their init as openapi-fetch types it,
 * plus exactness (a field the operation does not take is an error in the call). `const` keeps the
 * literal types of an inline body (`role: 'user'`), so the union of message kinds still narrows.
 */
export interface ExactMethod<Paths, Method extends 'get' | 'put' | 'post' | 'delete' | 'patch'> {
  <P extends Exclude<PathsWith<Paths, Method>, OptionalInitPaths<Paths, Method>>, const I extends Init<Paths, P, Method>>(
    url: P,
    init: I & ExactInit<I, Operation<Paths, P, Method>>,
  ): Promise<Answer<SuccessData<Operation<Paths, P, Method>, I>>>;
  <P extends OptionalInitPaths<Paths, Method>, const I extends NonNullable<Init<Paths, P, Method>>>(
    url: P,
    init?: I & ExactInit<I, Operation<Paths, P, Method>>,
  ): Promise<Answer<SuccessData<Operation<Paths, P, Method>, I>>>;
}

export interface StreamMethod<Paths, Events> {
  /**
   * Sends the request with `stream: true` and `Accept: text/event-stream`, and yields each event's
   * parsed data until `[DONE]`. Throws ApiError on a non-2xx answer, StreamError on an error event,
   * unreadable data or a broken connection.
   */
  <P extends keyof Events & PathsWith<Paths, 'post'>, const Init extends FetchOptions<Operation<Paths, P, 'post'>>>(
    path: P,
    init: Init & ExactInit<Init, Operation<Paths, P, 'post'>>,
  ): AsyncGenerator<Events[P], void, undefined>;
}

/**
 * A provider's client. One error contract: every method throws on failure (ApiError for a non-2xx
 * answer, ConnectionError when no answer came, StreamError for a broken stream), so a call that
 * returns always has its `data`.
 */
export interface ProviderClient<Paths extends {}, Events> {
  GET: ExactMethod<Paths, 'get'>;
  POST: ExactMethod<Paths, 'post'>;
  PUT: ExactMethod<Paths, 'put'>;
  PATCH: ExactMethod<Paths, 'patch'>;
  DELETE: ExactMethod<Paths, 'delete'>;
  stream: StreamMethod<Paths, Events>;
  /** openapi-fetch middleware (logging, retries). */
  use(...middleware: Middleware[]): void;
  readonly profile: ProviderProfile;
}

export function createProviderClient<Paths extends {}, Events>(
  profile: ProviderProfile,
  streamMethods: Readonly<Record<string, string>>,
  options: ClientOptions = {},
): ProviderClient<Paths, Events> {
  const apiKey = options.apiKey ?? readEnv(profile.auth.env);
  const headers: Record<string, string> = { ...authHeaders(chooseScheme(profile, options.authScheme), apiKey), ...options.headers };
  const client = createFetchClient<Paths, 'application/json'>({
    baseUrl: options.baseUrl ?? profile.baseUrl,
    fetch: options.fetch ? (request) => options.fetch!(request) : undefined,
    headers,
  });
  client.use(errorMiddleware(profile));

  const stream = async function* (path: string, init: { body?: unknown; headers?: Record<string, string> } = {}) {
    const method = streamMethods[path];
    if (!method) throw new StreamError('not-a-stream', `${path} does not stream on ${profile.name}`);
    const body = isPlainObject(init.body) && !('stream' in init.body) ? { ...init.body, stream: true } : init.body;
    const request = client.request as unknown as (m: string, p: string, i: object) => Promise<{ data?: unknown; response: Response }>;
    const { data, response } = await request(method, path, {
      ...init,
      body,
      parseAs: 'stream',
      headers: { Accept: 'text/event-stream', ...init.headers },
    });
    const label = `${method.toUpperCase()} ${path}`;
    const type = response.headers.get('content-type') ?? '';
    if (!(data instanceof ReadableStream) || !type.includes('text/event-stream')) {
      await response.body?.cancel().catch(() => undefined);
      throw new StreamError('not-a-stream', `${profile.name} answered ${label} with ${type || 'no body'} instead of an event stream`);
    }
    yield* readEventStream(data, label);
  };
  // Errors throw in the middleware, so what a call returns is a success: `{ data, response }`.
  const call = (method: 'GET' | 'PUT' | 'POST' | 'PATCH' | 'DELETE') => async (url: string, init?: object) => {
    const send = client[method] as unknown as (u: string, i?: object) => Promise<{ data?: unknown; response: Response }>;
    const { data, response } = await send(url, init);
    return { data, response };
  };
  return {
    GET: call('GET') as unknown as ExactMethod<Paths, 'get'>,
    POST: call('POST') as unknown as ExactMethod<Paths, 'post'>,
    PUT: call('PUT') as unknown as ExactMethod<Paths, 'put'>,
    PATCH: call('PATCH') as unknown as ExactMethod<Paths, 'patch'>,
    DELETE: call('DELETE') as unknown as ExactMethod<Paths, 'delete'>,
    stream: stream as unknown as StreamMethod<Paths, Events>,
    use: (...middleware) => client.use(...middleware),
    profile,
  };
}

function chooseScheme(profile: ProviderProfile, wanted: AuthScheme['scheme'] | undefined): AuthScheme {
  const accepted = [profile.auth, ...(profile.auth.alternatives ?? [])];
  const chosen = wanted === undefined ? profile.auth : accepted.find((s) => s.scheme === wanted);
  if (!chosen) throw new TypeError(`${profile.name} does not accept the ${wanted} auth scheme (it accepts: ${accepted.map((s) => s.scheme).join(', ')})`);
  return chosen;
}

function authHeaders(scheme: AuthScheme, apiKey: string | undefined): Record<string, string> {
  if (!apiKey) return {};
  if (scheme.scheme === 'header' && scheme.header) return { [scheme.header]: apiKey };
  return { Authorization: `Bearer ${apiKey}` };
}

/** Non-2xx answers become ApiError; failed fetches become ConnectionError. */
function errorMiddleware(profile: ProviderProfile): Middleware {
  return {
    async onResponse({ request, response, schemaPath }) {
      if (response.ok) return undefined;
      const body = await response.text().catch(() => '');
      throw new ApiError({
        status: response.status,
        error: parseErrorBody(body, response.status),
        body,
        headers: response.headers,
        provider: profile.name,
        operation: `${request.method} ${schemaPath}`,
      });
    },
    onError({ request, error, schemaPath }) {
      if (error instanceof ApiError) return error;
      return new ConnectionError(`${request.method} ${schemaPath} to ${profile.name} failed: ${(error as Error)?.message ?? String(error)}`, { cause: error });
    },
  };
}

function readEnv(name: string): string | undefined {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  return env?.[name] || undefined;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof FormData);
}
