// Type tests for Oxlo.ai's generated client (generated/oxlo), type-checked by
// test/codegen/profile-types.test.ts. Needs `npm run build`.
import { expectTypeOf } from 'vitest';
import { createClient, type components, type OperationKey, type paths, type StreamEvents } from '../../../generated/oxlo/index.gen.ts';

type ChatRequest = paths['/chat/completions']['post']['requestBody']['content']['application/json'];
const client = createClient({ apiKey: 'test' });
const minimal: ChatRequest = { model: 'oxlo-model', messages: [{ role: 'user', content: 'hi' }] };

export async function operations(): Promise<void> {
  expectTypeOf<OperationKey>().toEqualTypeOf<'POST /chat/completions'>();
  // @ts-expect-error Oxlo.ai does not offer /embeddings
  await client.POST('/embeddings', {});
  const { data } = await client.POST('/chat/completions', { body: minimal });
  expectTypeOf(data).toEqualTypeOf<components['schemas']['CreateChatCompletionResponse']>();
}

export async function streaming(): Promise<void> {
  expectTypeOf<StreamEvents['/chat/completions']>().toEqualTypeOf<components['schemas']['CreateChatCompletionStreamResponse']>();
  for await (const event of client.stream('/chat/completions', { body: minimal })) expectTypeOf(event.choices).toBeArray();
}

export function fields(): void {
  expectTypeOf<ChatRequest['n']>().toEqualTypeOf<number | null | undefined>();
  expectTypeOf<ChatRequest>().toHaveProperty('stream');
}
