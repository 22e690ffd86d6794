// Type tests for the base profile's generated client (generated/openai), type-checked by
// test/codegen/profile-types.test.ts. Needs `npm run build`.
import { expectTypeOf } from 'vitest';
import { createClient, type components, type OperationKey, type paths, type StreamEvents } from '../../../generated/openai/index.gen.ts';

type ChatRequest = paths['/chat/completions']['post']['requestBody']['content']['application/json'];
const client = createClient({ apiKey: 'test', baseUrl: 'http://127.0.0.1:9/v1' });
const minimal: ChatRequest = { model: 'gpt-5.4', messages: [{ role: 'user', content: 'hi' }] };

export async function operations(): Promise<void> {
  // every upstream operation is present
  expectTypeOf<'POST /audio/transcriptions' | 'POST /responses' | 'GET /models'>().toMatchTypeOf<OperationKey>();
  await client.GET('/models');
  // @ts-expect-error an operation that exists nowhere
  await client.POST('/chat/complete', {});
}

export function fields(): void {
  expectTypeOf<ChatRequest['n']>().toEqualTypeOf<number | null | undefined>();
  expectTypeOf<ChatRequest>().toHaveProperty('logit_bias');
  expectTypeOf<ChatRequest>().toHaveProperty('logprobs');
  // discriminators narrow: role "user" selects the user message type
  const message: ChatRequest['messages'][number] = { role: 'user', content: 'hi' };
  if (message.role === 'user') expectTypeOf(message).toEqualTypeOf<components['schemas']['ChatCompletionRequestUserMessage']>();
}

export async function streaming(): Promise<void> {
  expectTypeOf<StreamEvents['/chat/completions']>().toEqualTypeOf<components['schemas']['CreateChatCompletionStreamResponse']>();
  expectTypeOf<StreamEvents['/responses']>().toEqualTypeOf<components['schemas']['ResponseStreamEvent']>();
  for await (const event of client.stream('/chat/completions', { body: minimal })) expectTypeOf(event.object).toEqualTypeOf<'chat.completion.chunk'>();
  // @ts-expect-error /models does not stream
  client.stream('/models', {});
}
