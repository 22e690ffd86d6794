/** Designs for the legacy `POST /completions`: the chat designs' ideas on `prompt` and `choices[].text`. */
import { COUNTING, limitDesign, nDesign, stopDesign } from './chat.ts';
import { choices } from './read.ts';
import type { Body, DesignContext, DesignFactory } from './types.ts';

const OPEN = 'A name for a cat:';
const promptBody = (prompt: string) => (ctx: DesignContext, extra: Body): Body => ({ model: ctx.model, prompt, max_tokens: 60, ...extra });

const logprobs: DesignFactory = (ctx) => ({
  steps: [
    { role: 'control', body: () => promptBody(OPEN)(ctx, {}) },
    { role: 'treatment', body: () => promptBody(OPEN)(ctx, { logprobs: 2 }) },
  ],
  judge: ([control, treatment]) => {
    const tokensOf = (o: typeof control) => (choices(o)[0]?.logprobs as { tokens?: unknown[] } | null | undefined)?.tokens;
    if (tokensOf(control)) return { verdict: 'inconclusive', reason: 'the control already carries logprobs' };
    const tokens = tokensOf(treatment);
    return tokens?.length ? { verdict: 'honoured', reason: `logprobs for ${tokens.length} tokens` } : { verdict: 'ignored', reason: 'no logprobs in the answer' };
  },
});

export const completionDesigns: Record<string, DesignFactory> = {
  // The control carries no max_tokens here: the legacy default (16) is itself a limit.
  max_tokens: limitDesign((ctx, extra) => ({ model: ctx.model, prompt: COUNTING, ...extra }), 'max_tokens'),
  stop: stopDesign(promptBody(COUNTING)),
  n: nDesign(promptBody(OPEN)),
  logprobs,
};
