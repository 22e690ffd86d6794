// Type tests for CompactifAI's generated client (generated/compactifai), type-checked by
// test/codegen/profile-types.test.ts. Needs `npm run build`.
import { expectTypeOf } from 'vitest';
import { createClient, type OperationKey, type paths, type StreamEvents } from '../../../generated/compactifai/index.gen.ts';

type ChatRequest = paths['/chat/completions']['post']['requestBody']['content']['application/json'];
type TranscriptionRequest = paths['/audio/transcriptions']['post']['requestBody']['content']['multipart/form-data'];
const client = createClient({ apiKey: 'test', baseUrl: 'https://example.invalid/v1' });

export async function operations(): Promise<void> {
  expectTypeOf<OperationKey>().toEqualTypeOf<'POST /audio/transcriptions' | 'POST /chat/completions' | 'POST /completions' | 'GET /models' | 'POST /responses'>();
  // @ts-expect-error CompactifAI does not offer /embeddings
  await client.POST('/embeddings', {});
  expectTypeOf<keyof StreamEvents>().toEqualTypeOf<'/chat/completions' | '/responses'>();
  // @ts-expect-error transcriptions do not stream on CompactifAI
  client.stream('/audio/transcriptions', {});
}

export function fields(): void {
  expectTypeOf<NonNullable<ChatRequest['n']>>().toEqualTypeOf<1>();
  // the extension min_tokens is present
  expectTypeOf<ChatRequest['min_tokens']>().toEqualTypeOf<number | undefined>();
  // unsupported: transcriptions take no `stream`
  expectTypeOf<TranscriptionRequest>().not.toHaveProperty('stream');
  expectTypeOf<ChatRequest>().toHaveProperty('logit_bias');
}
