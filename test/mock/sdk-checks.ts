/** The checks the official `openai` SDK runs against a profile's mock (native engine or Prism). */
import OpenAI from 'openai';
import { expect } from 'vitest';
import type { OpenAPIDocument } from '../../src/build/types.ts';
import { buildMockModel, type MockModel } from '../../src/mock/model.ts';

export interface SdkContext {
  url: string;
  spec: OpenAPIDocument;
  model: MockModel;
}

export function sdkContext(url: string, spec: OpenAPIDocument, profile: string): SdkContext {
  return { url, spec, model: buildMockModel(spec, profile) };
}

/** A client that authenticates the way the profile asks (bearer, or its own header). */
export function client(ctx: SdkContext, options: { maxRetries?: number } = {}): OpenAI {
  const header = ctx.model.auth.scheme === 'header' ? ctx.model.auth.header : undefined;
  return new OpenAI({
    apiKey: 'test-key',
    baseURL: ctx.url,
    maxRetries: options.maxRetries ?? 0,
    ...(header ? { defaultHeaders: { [header]: 'test-key', Authorization: null } } : {}),
  });
}

export const chatBody = { model: 'mock-model', messages: [{ role: 'user' as const, content: 'Say hello' }] };

export async function chatCompletion(ctx: SdkContext): Promise<void> {
  const completion = await client(ctx).chat.completions.create(chatBody);
  expect(completion.choices.length).toBeGreaterThan(0);
  expect(typeof completion.choices[0].message.role).toBe('string');
}

export async function badRequest(ctx: SdkContext): Promise<void> {
  const error = await client(ctx)
    .chat.completions.create({ model: 'mock-model' } as never)
    .catch((e: unknown) => e);
  expect(error).toBeInstanceOf(OpenAI.BadRequestError);
  expect((error as InstanceType<typeof OpenAI.BadRequestError>).param).toBe('messages');
}

/** The profile's first `unsupported` chat field, sent: a 400 naming it. */
export async function unsupportedField(ctx: SdkContext): Promise<string | undefined> {
  const op = ctx.model.operations.find((o) => o.key === 'POST /chat/completions');
  const field = Object.entries(op?.claims['request.body'] ?? {}).find(([path, c]) => c.status === 'unsupported' && !path.includes('.') && !path.includes('['))?.[0];
  if (!field) return undefined;
  const error = await client(ctx)
    .chat.completions.create({ ...chatBody, [field]: 1 } as never)
    .catch((e: unknown) => e);
  expect(error).toBeInstanceOf(OpenAI.BadRequestError);
  expect((error as InstanceType<typeof OpenAI.BadRequestError>).param).toBe(field);
  return field;
}

export async function authentication(ctx: SdkContext): Promise<void> {
  const error = await client(ctx)
    .chat.completions.create(chatBody, { headers: { Authorization: null, ...(ctx.model.auth.header ? { [ctx.model.auth.header]: null } : {}) } })
    .catch((e: unknown) => e);
  expect(error).toBeInstanceOf(OpenAI.AuthenticationError);
}

/** An operation the profile does not offer (an OpenAI one when there is any), else an unknown path. */
export async function notOffered(ctx: SdkContext): Promise<void> {
  const sdk = client(ctx);
  const missing = ctx.model.notOffered.includes('POST /images/generations') || !ctx.model.operations.some((o) => o.key === 'POST /images/generations');
  const error = missing
    ? await sdk.images.generate({ prompt: 'a cat', model: 'mock-model' }).catch((e: unknown) => e)
    : await sdk.get('/no-such-operation').catch((e: unknown) => e);
  expect(error).toBeInstanceOf(OpenAI.NotFoundError);
}

/** A 429 on every attempt: the SDK retries `maxRetries` times, then throws RateLimitError. */
export async function rateLimited(ctx: SdkContext, countRequests: () => Promise<number>): Promise<void> {
  const before = await countRequests();
  const error = await client(ctx, { maxRetries: 2 })
    .chat.completions.create(chatBody, { headers: { 'x-mock-status': '429' } })
    .catch((e: unknown) => e);
  expect(error).toBeInstanceOf(OpenAI.RateLimitError);
  expect((await countRequests()) - before).toBe(3);
}
