// Type tests for NeosantaraAI's generated client (generated/neosantara), type-checked by
// test/codegen/profile-types.test.ts. Needs `npm run build`.
import { expectTypeOf } from 'vitest';
import { checkRequest, createClient, type components, type OperationKey, type paths, type StreamEvents } from '../../../generated/neosantara/index.gen.ts';

type ChatRequest = paths['/chat/completions']['post']['requestBody']['content']['application/json'];
const client = createClient({ apiKey: 'test' });
const minimal: ChatRequest = { model: 'nusantara-base', messages: [{ role: 'user', content: 'hi' }] };

export async function operations(): Promise<void> {
  expectTypeOf<OperationKey>().toEqualTypeOf<'POST /chat/completions' | 'GET /models' | 'POST /reasoning'>();
  // @ts-expect-error NeosantaraAI does not offer /audio/transcriptions
  await client.POST('/audio/transcriptions', {});
  // @ts-expect-error nor /responses
  checkRequest('POST /responses', {});
  // its own endpoint is there
  await client.POST('/reasoning', { body: {} as paths['/reasoning']['post']['requestBody'] extends { content: { 'application/json': infer B } } ? B : never });
}

export function fields(): void {
  // partial: n must be 1
  expectTypeOf<NonNullable<ChatRequest['n']>>().toEqualTypeOf<1>();
  // @ts-expect-error n must be 1
  const two: ChatRequest = { ...minimal, n: 2 };
  // ignored fields stay (with @deprecated JSDoc, checked by the test); the extension is present
  expectTypeOf<ChatRequest>().toHaveProperty('logprobs');
  expectTypeOf<ChatRequest>().toHaveProperty('reasoning');
  expectTypeOf<ChatRequest>().toHaveProperty('web_search_options');
  void two;
}

export async function streaming(): Promise<void> {
  expectTypeOf<StreamEvents['/chat/completions']>().toEqualTypeOf<components['schemas']['CreateChatCompletionStreamResponse']>();
  for await (const event of client.stream('/chat/completions', { body: minimal })) expectTypeOf(event.object).toEqualTypeOf<'chat.completion.chunk'>();
}
