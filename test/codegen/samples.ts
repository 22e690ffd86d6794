/** Profiles and sample payloads shared by the integration tests of the generated code. */
export const PROFILES = ['openai', 'neosantara', 'compactifai', 'kluster', 'oxlo'] as const;

/** A chat completion as OpenAI documents it (every required field, nothing provider-specific). */
export const chatAnswer = {
  id: 'chatcmpl-1',
  object: 'chat.completion',
  created: 1_700_000_000,
  model: 'test-model',
  choices: [{ index: 0, message: { role: 'assistant', content: 'Hello', refusal: null }, finish_reason: 'stop', logprobs: null }],
  usage: { prompt_tokens: 3, completion_tokens: 1, total_tokens: 4 },
};

export function chatChunk(content: string | null, finish: string | null = null): object {
  return {
    id: 'chatcmpl-1',
    object: 'chat.completion.chunk',
    created: 1_700_000_000,
    model: 'test-model',
    choices: [{ index: 0, delta: content === null ? {} : { content }, finish_reason: finish, logprobs: null }],
  };
}
