// Type tests for the codegen fixture profile (test/fixtures/codegen/mini, golden output in expected/),
// type-checked by test/codegen/generator.test.ts.
import { expectTypeOf } from 'vitest';
import {
  checkRequest,
  createClient,
  type components,
  type OperationKey,
  type paths,
  type StreamEvents,
} from '../../fixtures/codegen/mini/expected/index.gen.ts';

type ChatRequest = paths['/chat/completions']['post']['requestBody']['content']['application/json'];
const client = createClient({ apiKey: 'test', baseUrl: 'http://127.0.0.1:9' });
const minimal: ChatRequest = { model: 'm', messages: [{ role: 'user', content: 'hi' }] };

export async function absentOperations(): Promise<void> {
  // @ts-expect-error MiniAI does not offer /audio/transcriptions
  await client.POST('/audio/transcriptions', {});
  // @ts-expect-error nor as a checkRequest operation
  checkRequest('POST /audio/transcriptions', {});
  expectTypeOf<OperationKey>().toEqualTypeOf<'POST /chat/completions' | 'POST /embeddings' | 'GET /models'>();
}

export function fields(): void {
  // unsupported fields are absent
  expectTypeOf<ChatRequest>().not.toHaveProperty('logit_bias');
  // @ts-expect-error logit_bias is unsupported
  const unsupported: ChatRequest = { ...minimal, logit_bias: {} };
  // constraints are typed: n must be 1
  expectTypeOf<NonNullable<ChatRequest['n']>>().toEqualTypeOf<1>();
  // @ts-expect-error n must be 1
  const two: ChatRequest = { ...minimal, n: 2 };
  // ignored and deprecated fields stay (with @deprecated JSDoc, checked by the test), extensions are present
  expectTypeOf<ChatRequest>().toHaveProperty('logprobs');
  expectTypeOf<ChatRequest>().toHaveProperty('functions');
  expectTypeOf<ChatRequest>().toHaveProperty('reasoning');
  // fields with defaults stay optional in requests
  expectTypeOf<ChatRequest['temperature']>().toEqualTypeOf<number | undefined>();
  void unsupported;
  void two;
}

export async function streaming(): Promise<void> {
  expectTypeOf<StreamEvents['/chat/completions']>().toEqualTypeOf<components['schemas']['CreateChatCompletionStreamResponse']>();
  for await (const event of client.stream('/chat/completions', { body: minimal })) {
    expectTypeOf(event.object).toEqualTypeOf<'chat.completion.chunk'>();
  }
  // @ts-expect-error /models does not stream
  client.stream('/models', {});
  // exact at the call site, in the stream call too
  // @ts-expect-error logit_bias is unsupported
  client.stream('/chat/completions', { body: { model: 'm', messages: [], logit_bias: {} } });
}

/** One error contract: calls throw on failure, so what they return always has its data. */
export async function answers(): Promise<void> {
  const { data, response } = await client.GET('/models');
  expectTypeOf(data).toEqualTypeOf<{ object: 'list'; data: { id: string }[] }>();
  expectTypeOf(response).toEqualTypeOf<Response>();
}

/** The form users write: the body in the call, literal or a variable of a wider type. */
export async function callSite(): Promise<void> {
  await client.POST('/chat/completions', { body: { model: 'm', messages: [{ role: 'user', content: 'hi' }], n: 1 } });
  // @ts-expect-error logit_bias is unsupported
  await client.POST('/chat/completions', { body: { model: 'm', messages: [], logit_bias: {} } });
  // @ts-expect-error n must be 1
  await client.POST('/chat/completions', { body: { model: 'm', messages: [], n: 2 } });
  // @ts-expect-error nested: a user message has no such field
  await client.POST('/chat/completions', { body: { model: 'm', messages: [{ role: 'user', content: 'hi', color: 'red' }] } });
  const wider: { model: string; messages: { role: 'user'; content: string }[]; logit_bias?: Record<string, number> } = { model: 'm', messages: [] };
  // @ts-expect-error a variable whose type allows an unsupported field
  await client.POST('/chat/completions', { body: wider });
  const counted: { model: string; messages: { role: 'user'; content: string }[]; n: number } = { model: 'm', messages: [], n: 2 };
  // @ts-expect-error a variable whose n is any number
  await client.POST('/chat/completions', { body: counted });
  await client.POST('/chat/completions', { body: minimal });
}
