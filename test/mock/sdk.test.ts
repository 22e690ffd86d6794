/** The official `openai` SDK against the native mock of every generated profile. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type RunningMock } from '../../src/mock/start.ts';
import type { ProfileModel } from '../../src/profile/types.ts';
import { generatedSpec, PROFILES, projectRoot } from './helpers.ts';
import { authentication, badRequest, chatBody, chatCompletion, client, notOffered, rateLimited, sdkContext, unsupportedField, type SdkContext } from './sdk-checks.ts';

/** Profiles whose resolved spec offers chat completions: the SDK's chat checks apply to them. */
const offersChat = (profile: string): boolean => generatedSpec(profile).paths?.['/chat/completions']?.post !== undefined;
const CHAT_PROFILES = PROFILES.filter(offersChat);

describe.each(CHAT_PROFILES)('openai SDK against the native mock of %s', (profile) => {
  let mock: RunningMock;
  let ctx: SdkContext;
  const control = (path: string, init?: RequestInit) => fetch(`${mock.url.replace(/\/v1$/, '')}/__mock/${path}`, init);
  const countRequests = async () => ((await (await control('requests')).json()) as { total: number }).total;

  beforeAll(async () => {
    mock = await startMock({ provider: profile });
    ctx = sdkContext(mock.url, generatedSpec(profile), profile);
  });
  afterAll(() => mock?.close());

  it('creates a chat completion', () => chatCompletion(ctx));

  const streamOptions = () => {
    const claim = ctx.model.operations.find((o) => o.key === 'POST /chat/completions')?.claims['request.body']?.stream_options?.status;
    return claim === 'unsupported' ? {} : { stream_options: { include_usage: true } };
  };

  it('streams a chat completion through the stream helpers', async () => {
    const stream = client(ctx).chat.completions.stream({ ...chatBody, ...streamOptions() });
    const deltas: string[] = [];
    stream.on('content', (delta) => deltas.push(delta));
    const final = await stream.finalChatCompletion();
    expect(deltas.length).toBeGreaterThanOrEqual(3);
    expect(final.choices[0].message.content).toBe(deltas.join(''));
    expect(final.choices[0].message.content?.length).toBeGreaterThan(0);
  });

  it('gives usage in the last chunk only where the profile honours stream_options', async () => {
    const claim = ctx.model.operations.find((o) => o.key === 'POST /chat/completions')?.claims['request.body']?.stream_options?.status;
    const request = client(ctx).chat.completions.create({ ...chatBody, stream: true, stream_options: { include_usage: true } });
    if (claim === 'unsupported') {
      const error = await request.catch((e: unknown) => e);
      expect((error as InstanceType<typeof OpenAI.BadRequestError>).param).toBe('stream_options');
      return;
    }
    const chunks = [];
    for await (const chunk of await request) chunks.push(chunk);
    expect(chunks.at(-1)?.usage != null).toBe(claim !== 'ignored');
  });

  it('throws BadRequestError with .param for an invalid request', () => badRequest(ctx));

  it('rejects a field the profile does not support, naming it (when it has one)', async () => {
    const field = await unsupportedField(ctx);
    const anyUnsupported = Object.values(ctx.model.operations.find((o) => o.key === 'POST /chat/completions')?.claims['request.body'] ?? {}).some((c) => c.status === 'unsupported');
    if (!anyUnsupported) expect(field).toBeUndefined();
  });

  it('throws AuthenticationError without a key', () => authentication(ctx));

  it('throws NotFoundError for an operation the profile does not offer', () => notOffered(ctx));

  it('throws RateLimitError after the SDK retried', () => rateLimited(ctx, countRequests));

  it('succeeds through the SDK retry when 429s are queued', async () => {
    await control('faults', { method: 'POST', body: JSON.stringify({ status: 429, count: 2 }) });
    const before = await countRequests();
    const completion = await client(ctx, { maxRetries: 2 }).chat.completions.create(chatBody);
    expect(completion.choices.length).toBeGreaterThan(0);
    expect((await countRequests()) - before).toBe(3);
  });

  it('throws InternalServerError for a 500 on demand', async () => {
    const error = await client(ctx).chat.completions.create(chatBody, { headers: { 'x-mock-status': '500' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.InternalServerError);
  });
});

/** Profiles whose chat completions are retired (Perplexity's Sonar): the mock answers as the provider does since. */
describe.each(PROFILES.filter((p) => !offersChat(p)))('openai SDK against the native mock of %s, whose chat completions are retired', (profile) => {
  let mock: RunningMock;
  let ctx: SdkContext;
  beforeAll(async () => {
    mock = await startMock({ provider: profile });
    ctx = sdkContext(mock.url, generatedSpec(profile), profile);
  });
  afterAll(() => mock?.close());

  it('answers a chat completion with the status and message the provider documents', async () => {
    const claims = JSON.parse(readFileSync(path.join(projectRoot, 'generated', profile, 'profile.json'), 'utf8')) as ProfileModel;
    const answer = claims.unoffered.find((o) => o.key === 'POST /chat/completions' && o.lifecycle?.state === 'retired')?.lifecycle?.answer;
    expect(answer?.status).toBeGreaterThanOrEqual(400);
    const error = await client(ctx).chat.completions.create(chatBody).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.APIError);
    expect((error as InstanceType<typeof OpenAI.APIError>).status).toBe(answer?.status);
    expect((error as InstanceType<typeof OpenAI.APIError>).message).toContain(answer?.message);
  });

  it('creates a response through the replacement, POST /responses', async () => {
    const response = await client(ctx).responses.create({ model: 'mock-model', input: 'Say hello' });
    expect(response.output.length).toBeGreaterThan(0);
  });
});
