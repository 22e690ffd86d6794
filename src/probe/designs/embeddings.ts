/** Designs for `POST /embeddings`: `dimensions` → vector length, `encoding_format: base64` → a string per vector. */
import type { Body, DesignContext, DesignFactory, Observed } from './types.ts';

const INPUT = 'The cat sat on the mat.';
export const embeddingBody = (ctx: DesignContext, extra: Body = {}): Body => ({ model: ctx.model, input: INPUT, ...extra });

/** The first vector of an answer: a list of numbers, or a base64 string. */
const first = (o: Observed | undefined): unknown => ((o?.json as { data?: { embedding?: unknown }[] } | undefined)?.data ?? [])[0]?.embedding;
const length = (o: Observed | undefined): number | undefined => {
  const v = first(o);
  return Array.isArray(v) ? v.length : typeof v === 'string' ? Buffer.from(v, 'base64').length / 4 : undefined;
};

const DIMENSIONS = 8;
const dimensions: DesignFactory = (ctx) => ({
  steps: [
    { role: 'control', body: () => embeddingBody(ctx, { encoding_format: 'float' }) },
    { role: 'treatment', body: () => embeddingBody(ctx, { encoding_format: 'float', dimensions: DIMENSIONS }) },
  ],
  judge: ([control, treatment]) => {
    const [before, after] = [length(control), length(treatment)];
    const line = `vector length: control ${before}, dimensions: ${DIMENSIONS} → ${after}`;
    if (before === undefined || before <= DIMENSIONS) return { verdict: 'inconclusive', reason: `the control vector is not longer than ${DIMENSIONS}: ${line}` };
    if (after === DIMENSIONS) return { verdict: 'honoured', reason: line, excerpt: `${after} values` };
    return after === before ? { verdict: 'ignored', reason: line } : { verdict: 'transformed', reason: line, excerpt: `${after} values` };
  },
});

const encodingFormat: DesignFactory = (ctx) => ({
  steps: [
    { role: 'control', body: () => embeddingBody(ctx, { encoding_format: 'float' }) },
    { role: 'treatment', body: () => embeddingBody(ctx, { encoding_format: 'base64' }) },
  ],
  judge: ([control, treatment]) => {
    if (!Array.isArray(first(control))) return { verdict: 'inconclusive', reason: 'encoding_format: float was not answered with a list of numbers' };
    const v = first(treatment);
    if (typeof v === 'string' && length(treatment) === length(control)) return { verdict: 'honoured', reason: `base64 of ${length(treatment)} float32 values`, excerpt: `${v.slice(0, 24)}…` };
    return Array.isArray(v) ? { verdict: 'ignored', reason: 'base64 asked, a list of numbers answered' } : { verdict: 'transformed', reason: `base64 asked, answered ${typeof v} of another length` };
  },
});

export const embeddingDesigns: Record<string, DesignFactory> = { dimensions, encoding_format: encodingFormat };
