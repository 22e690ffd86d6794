/**
 * The client behind each generated `createClient`: openapi-fetch with the profile's auth, base URL
 * and typed errors, plus `stream()` for operations that answer with server-sent events.
 */
import createFetchClient, { type Client, type FetchOptions, type Middleware } from 'openapi-fetch';
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

type StreamInit<Paths, P extends keyof Paths> = Paths[P] extends { post: infer Operation } ? FetchOptions<Operation> : never;

export interface StreamMethod<Paths, Events> {
  /**
   * Sends the request with `stream: true` and `Accept: text/event-stream`, and yields each event's
   * parsed data until `[DONE]`. Raises ApiError on a non-2xx answer, StreamError on an error event,
   * unreadable data or a broken connection.
   */
  <P extends keyof Events & keyof Paths>(path: P, init: StreamInit<Paths, P>): AsyncGenerator<Events[P], void, undefined>;
}

export type ProviderClient<Paths extends {}, Events> = Client<Paths, 'application/json'> & {
  stream: StreamMethod<Paths, Events>;
  readonly profile: ProviderProfile;
};

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
  return Object.assign(client, { stream: stream as unknown as StreamMethod<Paths, Events>, profile });
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
