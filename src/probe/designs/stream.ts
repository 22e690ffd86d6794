/** Designs for streaming: `stream` (an event stream instead of JSON) and `stream_options.include_usage` (a usage chunk). */
import { chunks, streamed } from './read.ts';
import type { Body, DesignContext, DesignFactory } from './types.ts';

type Build = (ctx: DesignContext, extra: Body) => Body;

export function streamDesign(build: Build): DesignFactory {
  return (ctx) => ({
    stream: true,
    steps: [
      { role: 'control', body: () => build(ctx, {}) },
      { role: 'treatment', body: () => build(ctx, { stream: true }) },
    ],
    judge: ([control, treatment]) => {
      if (streamed(control)) return { verdict: 'inconclusive', reason: 'the control (no stream) was already streamed' };
      const count = chunks(treatment).length;
      return streamed(treatment) && count > 0
        ? { verdict: 'honoured', reason: `text/event-stream with ${count} chunks`, excerpt: 'content-type: text/event-stream' }
        : { verdict: 'ignored', reason: `answered ${treatment?.exchange.response?.headers?.['content-type'] ?? 'no content type'}, not a stream` };
    },
  });
}

const usageChunk = (events: Record<string, unknown>[]) => events.find((e) => e.usage && typeof e.usage === 'object');

export function includeUsageDesign(build: Build): DesignFactory {
  return (ctx) => ({
    stream: true,
    steps: [
      { role: 'control', body: () => build(ctx, { stream: true }) },
      { role: 'treatment', body: () => build(ctx, { stream: true, stream_options: { include_usage: true } }) },
    ],
    judge: ([control, treatment]) => {
      if (!streamed(control)) return { verdict: 'inconclusive', reason: 'stream: true was not answered with a stream' };
      if (usageChunk(chunks(control))) return { verdict: 'inconclusive', reason: 'the control stream already ends with usage' };
      const usage = usageChunk(chunks(treatment));
      return usage
        ? { verdict: 'honoured', reason: 'a chunk carries usage', excerpt: JSON.stringify(usage.usage).slice(0, 120) }
        : { verdict: 'ignored', reason: `no chunk of ${chunks(treatment).length} carries usage` };
    },
  });
}
