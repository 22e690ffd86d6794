/**
 * The designs by operation and field, and the acceptance check for fields no design can observe:
 * one request with a plain value, answered 2xx (accepted: `unobservable`) or 4xx naming the field.
 */
import { chatBody, chatDesigns } from './chat.ts';
import { completionDesigns } from './completions.ts';
import { embeddingBody, embeddingDesigns } from './embeddings.ts';
import { responsesBody, responsesDesigns } from './responses.ts';
import { includeUsageDesign, streamDesign } from './stream.ts';
import type { Body, DesignContext, DesignFactory } from './types.ts';

const chatPlain = (ctx: DesignContext, extra: Body) => chatBody(ctx, 'Say hello.', extra);
const promptPlain = (ctx: DesignContext, extra: Body) => ({ model: ctx.model, prompt: 'Say hello.', max_tokens: 16, ...extra });

/** Operation key → field key → design. `stream_options.include_usage` is the same design as `stream_options`. */
export const designs: Record<string, Record<string, DesignFactory>> = {
  'POST /chat/completions': {
    ...chatDesigns,
    stream: streamDesign(chatPlain),
    stream_options: includeUsageDesign(chatPlain),
    'stream_options.include_usage': includeUsageDesign(chatPlain),
  },
  'POST /completions': {
    ...completionDesigns,
    stream: streamDesign(promptPlain),
    stream_options: includeUsageDesign(promptPlain),
    'stream_options.include_usage': includeUsageDesign(promptPlain),
  },
  'POST /responses': responsesDesigns,
  'POST /embeddings': embeddingDesigns,
};

/** Plain values for fields whose effect no answer shows: enough to see whether they are accepted. */
export const acceptanceValues: Record<string, unknown> = {
  temperature: 0.5,
  top_p: 0.9,
  presence_penalty: 0.1,
  frequency_penalty: 0.1,
  logit_bias: { '1000': 1 },
  user: 'oai-compat-probe',
  metadata: { probe: 'oai-compat' },
  store: false,
  service_tier: 'auto',
  modalities: ['text'],
  reasoning_effort: 'low',
  top_k: 5,
  min_tokens: 1,
  best_of: 1,
  echo: false,
  suffix: '.',
  prediction: { type: 'content', content: 'Hello.' },
  safety_identifier: 'oai-compat-probe',
  prompt_cache_key: 'oai-compat-probe',
  verbosity: 'low',
  truncation: 'auto',
  max_tool_calls: 4,
};

const plainByOperation: Record<string, (ctx: DesignContext, extra: Body) => Body> = {
  'POST /chat/completions': chatPlain,
  'POST /completions': promptPlain,
  'POST /responses': (ctx, extra) => responsesBody(ctx, 'Say hello.', extra),
  'POST /embeddings': embeddingBody,
};

/** The acceptance check of `field`, when the operation has a plain request and the field a plain value. */
export function acceptanceDesign(operation: string, field: string): DesignFactory | undefined {
  const plain = plainByOperation[operation];
  if (!plain || !(field in acceptanceValues)) return undefined;
  return (ctx) => ({
    steps: [{ role: 'treatment', body: () => plain(ctx, { [field]: acceptanceValues[field] }) }],
    // Accepted says nothing of the effect: unobservable (never drift), though the reason flags a documented 400 that did not come.
    judge: ([treatment]) => ({
      verdict: 'unobservable',
      reason: `accepted (${treatment?.exchange.response?.status})${ctx.documented(field) === 'unsupported' ? ', though documented unsupported' : ''}; no answer shows whether it has an effect`,
    }),
  });
}

export function designFor(operation: string, field: string): DesignFactory | undefined {
  return designs[operation]?.[field];
}
