/**
 * The SDK's non-streaming checks against `--engine prism` on every generated spec. Prism needs
 * seconds and hundreds of MB to start (about 10 s on openai), so each profile's Prism starts
 * once, all of them in parallel, on free loopback ports.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import { startMock, type RunningMock } from '../../src/mock/start.ts';
import { generatedSpec, PROFILES } from './helpers.ts';
import { authentication, badRequest, chatCompletion, notOffered, rateLimited, sdkContext, type SdkContext } from './sdk-checks.ts';

const mocks = new Map<string, RunningMock>();

beforeAll(async () => {
  const started = await Promise.all(PROFILES.map((profile) => startMock({ provider: profile, engine: 'prism' })));
  PROFILES.forEach((profile, i) => mocks.set(profile, started[i]));
}, 400_000);
afterAll(() => Promise.all([...mocks.values()].map((m) => m.close())));

describe.each(PROFILES)('openai SDK against Prism on %s', (profile) => {
  let ctx: SdkContext;
  const countRequests = async () => {
    const base = (mocks.get(profile) as RunningMock).url.replace(/\/v1$/, '');
    return ((await (await fetch(`${base}/__mock/requests`)).json()) as { total: number }).total;
  };
  beforeAll(() => {
    ctx = sdkContext((mocks.get(profile) as RunningMock).url, generatedSpec(profile), profile);
  });

  it('creates a chat completion', () => chatCompletion(ctx));
  it('throws BadRequestError with .param for an invalid request', () => badRequest(ctx));
  it('throws AuthenticationError without a key', () => authentication(ctx));
  it('throws NotFoundError for an operation the profile does not offer', () => notOffered(ctx));
  it('throws RateLimitError after the SDK retried', () => rateLimited(ctx, countRequests));
});
