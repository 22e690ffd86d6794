/**
 * The probe's report (`probe.json`): what a live endpoint did with each claimed field, with the
 * evidence. `oai-compat probe` writes it; `--propose` turns it into an Overlay of `observed`
 * records; the compat docs show observed next to documented. Format changes bump `format`.
 */
import type { ClaimStatus, FieldLocation, IsoDate, Observation } from '../profile/types.ts';

/** A verdict for one field, as in the profile model's `Observation.status`. */
export type Verdict = Observation['status'];

/** One HTTP exchange, as recorded. Credentials never appear: `authorization`/key headers are dropped. */
export interface ProbeExchange {
  /** `control` (the field absent), `treatment` (the field set), or `treatment-2`… for repeats. */
  role: string;
  request: {
    method: string;
    /** Path relative to the base URL, with query (`/chat/completions`). */
    path: string;
    body?: unknown;
  };
  response?: {
    status: number;
    /** A bounded excerpt of the body (JSON where parseable), or for streams the parsed events. */
    body?: unknown;
    /** The response headers the verdict reads (`retry-after`, `content-type`), lower-case. */
    headers?: Record<string, string>;
  };
  /** A transport failure instead of a response (timeout, connection refused). */
  error?: string;
  /** Milliseconds from sending to the end of the body. */
  ms: number;
  /** 429 answers retried before this one (after the server's `retry-after`). */
  retries?: number;
  /** The same request was answered earlier in the run (for another field): its answer is reused, nothing sent. */
  reused?: boolean;
}

/** The probe's finding for one field of one operation. */
export interface FieldResult {
  /** Operation key, `POST /chat/completions`. */
  operation: string;
  location: FieldLocation;
  /** Field key as in the profile (`max_tokens`, `stream_options.include_usage`, `messages[role=system]`). */
  field: string;
  /** What the profile documents for this field (its unscoped claim, or the default); absent: undocumented. */
  documented?: ClaimStatus | 'undocumented';
  verdict: Verdict;
  /** Whether the verdict agrees with `documented` (see `agrees` in src/probe/verdict.ts). */
  agrees: boolean;
  /** One line: what decided the verdict ("control finish_reason stop, treatment length"). */
  reason: string;
  /** The excerpt of a response that decided (a `finish_reason`, an error message). */
  excerpt?: string;
  stream: boolean;
  exchanges: ProbeExchange[];
}

/** `probe.json`. */
export interface ProbeReport {
  format: 1;
  provider: string;
  /** The base URL probed (no credentials; query strings dropped). */
  endpoint: string;
  model?: string;
  /** The profile's mode the requests were in (its default mode: the probe selects none), when it has modes. */
  mode?: string;
  date: IsoDate;
  startedAt: string;
  finishedAt: string;
  /** False when the run stopped early (Ctrl-C, `--max-requests`, fatal error): the results are partial. */
  complete: boolean;
  stoppedBecause?: 'interrupted' | 'max-requests' | 'error';
  requests: { sent: number; max: number };
  results: FieldResult[];
  /** Counts by verdict, and of results that drift from the documented claim. */
  summary: { byVerdict: Partial<Record<Verdict, number>>; agree: number; drift: number };
}
