/**
 * The SDK's non-streaming checks against `--engine prism` on every generated spec. Prism needs
 * seconds and hundreds of MB to start (about 10 s on openai): each profile's Prism starts once,
 * for its own checks, and stops before the next one starts, so memory and start-up time stay
 * bounded however many profiles there are.
 */
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type RunningMock } from '../../src/mock/start.ts';
import { generatedSpec, PROFILES } from './helpers.ts';
import { authentication, badRequest, chatBody, chatCompletion, client, notOffered, rateLimited, sdkContext, type SdkContext } from './sdk-checks.ts';

const offersChat = (profile: string): boolean => generatedSpec(profile).paths?.['/chat/completions']?.post !== undefined;

describe.each(PROFILES.filter(offersChat))('openai SDK against Prism on %s', (profile) => {
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

/**
 * Profiles whose chat completions are retired: Prism serves only the resolved spec, which no
 * longer holds the operation, so it answers 404 (the native mock answers the provider's documented status).
 */
describe.each(PROFILES.filter((p) => !offersChat(p)))('openai SDK against Prism on %s, whose chat completions are retired', (profile) => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startMock({ provider: profile, engine: 'prism' });
  }, 200_000);
  afterAll(() => mock?.close());

  it('answers a chat completion with NotFoundError', async () => {
    const ctx = sdkContext(mock.url, generatedSpec(profile), profile);
    const error = await client(ctx).chat.completions.create(chatBody).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.NotFoundError);
  });
});
