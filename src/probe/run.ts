/**
 * Run stage: executes a plan against an endpoint, bounded by a request budget and a rate, backing
 * off on 429 (the server's `retry-after`, bounded), sharing identical requests between fields, and
 * stopping cleanly (with the fields finished so far) on abort or when the endpoint is unreachable.
 */
import type { Body, Observed } from './designs/types.ts';
import { send, type HttpTarget, type Sent } from './http.ts';
import type { PlannedField, ProbePlan } from './plan.ts';
import type { FieldResult, ProbeReport } from './types.ts';
import { agrees, judgeField } from './verdict.ts';

export interface RunOptions {
  target: HttpTarget;
  maxRequests: number;
  /** Requests per second at most. */
  rate: number;
  signal?: AbortSignal;
  /** Called before each field (progress on stderr). */
  onField?: (field: PlannedField) => void;
  /** 429 retries per request (default 3) and the longest wait honoured (default 30 s). */
  maxRetries?: number;
  maxRetryWaitMs?: number;
}

export interface RunOutcome {
  results: FieldResult[];
  sent: number;
  complete: boolean;
  stoppedBecause?: ProbeReport['stoppedBecause'];
  /** Why the run stopped with `error` (the endpoint could not be reached). */
  error?: string;
}

class Stop extends Error {
  readonly because: NonNullable<ProbeReport['stoppedBecause']>;
  constructor(because: NonNullable<ProbeReport['stoppedBecause']>, message: string = because) {
    super(message);
    this.because = because;
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new Stop('interrupted'));
    const timer = setTimeout(() => (signal?.removeEventListener('abort', onAbort), resolve()), ms);
    const onAbort = () => (clearTimeout(timer), reject(new Stop('interrupted')));
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Path of an operation key under the base URL: `POST /chat/completions` → `/chat/completions`. */
const pathOf = (operation: string) => operation.slice(operation.indexOf(' ') + 1);

export async function runPlan(plan: ProbePlan, options: RunOptions): Promise<RunOutcome> {
  const { target, signal } = options;
  const minGap = options.rate > 0 ? 1000 / options.rate : 0;
  const shared = new Map<string, Observed>();
  let sent = 0;
  let last = -Infinity;

  async function once(role: string, path: string, body: Body): Promise<Sent> {
    if (sent >= options.maxRequests) throw new Stop('max-requests');
    const wait = last + minGap - performance.now();
    if (wait > 0) await sleep(wait, signal);
    last = performance.now();
    sent++;
    try {
      return await send(target, role, path, body, signal);
    } catch (err) {
      if (signal?.aborted) throw new Stop('interrupted');
      throw err;
    }
  }

  async function exchange(role: string, path: string, body: Body): Promise<Observed> {
    let retries = 0;
    for (;;) {
      const answer = await once(role, path, body);
      if (answer.exchange.error && sent === 1) throw new Stop('error', `${target.baseUrl} cannot be reached: ${answer.exchange.error}`);
      const status = answer.exchange.response?.status;
      // Every later request would fail alike: a wrong or missing key stops the run rather than spend the budget.
      if (status === 401) throw new Stop('error', `${target.baseUrl} refused the credentials (401): check the key's environment variable`);
      if (status !== 429 || retries >= (options.maxRetries ?? 3)) {
        if (retries) answer.exchange.retries = retries;
        return answer;
      }
      retries++;
      const backoff = answer.retryAfterMs ?? 1000 * 2 ** (retries - 1);
      await sleep(Math.min(backoff, options.maxRetryWaitMs ?? 30_000), signal);
    }
  }

  async function probeField(planned: PlannedField): Promise<FieldResult> {
    const done: Observed[] = [];
    for (const step of planned.design?.steps ?? []) {
      const body = step.body(done);
      if (!body) continue;
      const key = `${planned.operation} ${JSON.stringify(body)}`;
      const reused = step.repeat ? undefined : shared.get(key);
      const observed = reused ? { ...reused, exchange: { ...reused.exchange, role: step.role, reused: true, ms: 0 } } : await exchange(step.role, pathOf(planned.operation), body);
      if (!reused) shared.set(key, observed);
      done.push(observed);
    }
    const judged = planned.design
      ? judgeField(planned.field, planned.design, done)
      : { verdict: 'unobservable' as const, reason: 'no design shows its effect, and no plain value to check that it is accepted' };
    return {
      operation: planned.operation,
      location: 'request.body',
      field: planned.field,
      documented: planned.documented,
      verdict: judged.verdict,
      agrees: agrees(planned.documented, judged.verdict, planned.claim),
      reason: judged.reason,
      ...(judged.excerpt ? { excerpt: judged.excerpt } : {}),
      stream: planned.design?.stream ?? false,
      exchanges: done.map((o) => o.exchange),
    };
  }

  const results: FieldResult[] = [];
  for (const planned of plan.fields) {
    try {
      if (signal?.aborted) throw new Stop('interrupted');
      // A field is started only when the budget covers all of it: no half-probed fields.
      if (sent + planned.cost > options.maxRequests) throw new Stop('max-requests');
      options.onField?.(planned);
      results.push(await probeField(planned));
    } catch (err) {
      if (!(err instanceof Stop)) throw err;
      return { results, sent, complete: false, stoppedBecause: err.because, ...(err.because === 'error' ? { error: err.message } : {}) };
    }
  }
  return { results, sent, complete: true };
}
