/**
 * Faults on demand: the `x-mock-status` request header and the queue behind `POST /__mock/faults`.
 * Both are strict (a decimal status 400-599) and the queue is bounded, so neither a typo nor a
 * loop in a test set-up can turn the mock into something else.
 */
import { badRequest, type MockError } from './errors.ts';

/** Faults that may wait in the queue at once; `OAI_COMPAT_MOCK_MAX_FAULTS` overrides it. */
export const DEFAULT_MAX_FAULTS = 1000;

/**
 * The status `x-mock-status` asks for: undefined when the header is absent, a MockError (400)
 * when it is not a decimal integer between 400 and 599 (`0x1f4`, `600`, `5e2` are refused).
 */
export function askedStatus(header: string | string[] | undefined): number | MockError | undefined {
  if (header === undefined) return undefined;
  const text = Array.isArray(header) ? header.join(',') : header.trim();
  if (/^[45]\d\d$/.test(text)) return Number(text);
  return badRequest(`The x-mock-status header must be a decimal HTTP status from 400 to 599; got '${text.slice(0, 40)}'.`, 'x-mock-status', 'invalid_mock_status');
}

export interface FaultQueue {
  /** The next queued status, removed from the queue. */
  next(): number | undefined;
  /** Queues `count` faults; false (nothing queued) when the queue would exceed its size. */
  push(status: number, count: number): boolean;
  clear(): void;
  readonly size: number;
  readonly capacity: number;
}

/** A bounded FIFO of statuses, stored as runs so that a large `count` costs one entry. */
export function faultQueue(capacity = DEFAULT_MAX_FAULTS): FaultQueue {
  const runs: { status: number; left: number }[] = [];
  let size = 0;
  return {
    next() {
      const run = runs[0];
      if (!run) return undefined;
      size--;
      if (--run.left === 0) runs.shift();
      return run.status;
    },
    push(status, count) {
      if (size + count > capacity) return false;
      runs.push({ status, left: count });
      size += count;
      return true;
    },
    clear() {
      runs.length = 0;
      size = 0;
    },
    get size() {
      return size;
    },
    capacity,
  };
}
