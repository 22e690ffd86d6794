// Type tests for kluster.ai's generated client (generated/kluster), type-checked by
// test/codegen/profile-types.test.ts. Needs `npm run build`.
import { expectTypeOf } from 'vitest';
import { createClient, type OperationKey, type paths } from '../../../generated/kluster/index.gen.ts';

type ChatRequest = paths['/chat/completions']['post']['requestBody']['content']['application/json'];
type Message = ChatRequest['messages'][number];
const client = createClient({ apiKey: 'test' });
const minimal: ChatRequest = { model: 'klusterai/Meta-Llama-3.1-8B-Instruct-Turbo', messages: [{ role: 'user', content: 'hi' }] };

export async function operations(): Promise<void> {
  expectTypeOf<OperationKey>().toEqualTypeOf<'POST /chat/completions'>();
  // @ts-expect-error kluster.ai has no /models here
  await client.GET('/models');
}

export function fields(): void {
  // unsupported fields are absent, nested ones too
  expectTypeOf<ChatRequest>().not.toHaveProperty('n');
  expectTypeOf<ChatRequest>().not.toHaveProperty('tools');
  expectTypeOf<ChatRequest>().not.toHaveProperty('response_format');
  expectTypeOf<Extract<Message, { role: 'user' }>>().not.toHaveProperty('name');
  // @ts-expect-error tools are unsupported
  const withTools: ChatRequest = { ...minimal, tools: [] };
  // deprecated fields stay (with @deprecated JSDoc, checked by the test)
  expectTypeOf<ChatRequest>().toHaveProperty('max_tokens');
  expectTypeOf<ChatRequest>().toHaveProperty('functions');
  void withTools;
}
