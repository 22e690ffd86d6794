/**
 * A probe design: the requests that make one field's effect visible, and how to read them. A
 * design is a list of steps (each builds its body, possibly from the answers before it, as `stop`
 * picks its stop word from the control's text) and a judge over the answers.
 */
import type { ClaimStatus } from '../../profile/types.ts';
import type { ProbeExchange, Verdict } from '../types.ts';

export type Body = Record<string, unknown>;

/** One exchange as the judge reads it: the recorded exchange plus the full parsed answer. */
export interface Observed {
  exchange: ProbeExchange;
  /** The parsed JSON body (undefined for streams, errors that are not JSON, transport failures). */
  json?: unknown;
  /** The `data` of each server-sent event, parsed (streams only; `[DONE]` kept as the string). */
  events?: unknown[];
}

export interface Step {
  /** `control`, `treatment`, `treatment-2`, ... (as recorded). */
  role: string;
  /** The request body, built from the earlier answers; undefined skips the step (nothing sent). */
  body(done: Observed[]): Body | undefined;
  /** Send the same body again even when an identical request was answered before (sampling noise). */
  repeat?: boolean;
}

export interface Judgement {
  verdict: Verdict;
  reason: string;
  excerpt?: string;
}

export interface Design {
  /** The steps in order; their number bounds the design's cost in requests. */
  steps: Step[];
  /** Whether the treatment streams (recorded as the result's `stream`). */
  stream?: boolean;
  /** Reads the answers (rejections and failed controls are judged before, in verdict.ts). */
  judge(done: Observed[]): Judgement;
}

/** What a design may know of the run: the model it sends and what the profile documents. */
export interface DesignContext {
  model: string;
  documented(field: string): ClaimStatus | 'undocumented';
}

export type DesignFactory = (ctx: DesignContext) => Design;
