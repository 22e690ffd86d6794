/**
 * The SDK's non-streaming checks against `--engine prism` on every generated spec. Prism needs
 * seconds and hundreds of MB to start (about 10 s on openai): each profile's Prism starts once,
 * for its own checks, and stops before the next one starts, so memory and start-up time stay
 * bounded however many profiles there are.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import { startMock, type RunningMock } from '../../src/mock/start.ts';
import { generatedSpec, PROFILES } from './helpers.ts';
import { authentication, badRequest, chatCompletion, notOffered, rateLimited, sdkContext, type SdkContext } from './sdk-checks.ts';

describe.each(PROFILES)('openai SDK against Prism on %s', (profile) => {
  let mock: RunningMock;
  let ctx: SdkContext;
  const countRequests = async () => {
    const base = mock.url.replace(/\/v1$/, '');
    return ((await (await fetch(`${base}/__mock/requests`)).json()) as { total: number }).total;
  };
  beforeAll(async () => {
    mock = await startMock({ provider: profile, engine: 'prism' });
    ctx = sdkContext(mock.url, generatedSpec(profile), profile);
  }, 200_000);
  afterAll(() => mock?.close());

  it('creates a chat completion', () => chatCompletion(ctx));
  it('throws BadRequestError with .param for an invalid request', () => badRequest(ctx));
  it('throws AuthenticationError without a key', () => authentication(ctx));
  it('throws NotFoundError for an operation the profile does not offer', () => notOffered(ctx));
  it('throws RateLimitError after the SDK retried', () => rateLimited(ctx, countRequests));
});
