/**
 * Verdict stage: a field's answers judged (rejections and failed controls first, then the
 * design's own reading), and whether the verdict agrees with what the profile documents.
 */
import type { Claim, ClaimStatus } from '../profile/types.ts';
import { errorOf, names } from './designs/read.ts';
import type { Design, Judgement, Observed } from './designs/types.ts';
import type { Verdict } from './types.ts';

/** Judges one field: a 4xx naming it is `rejected`; a failed control or another failure is `inconclusive`. */
export function judgeField(field: string, design: Design, done: Observed[]): Judgement {
  for (const o of done) {
    const { role, response, error } = o.exchange;
    if (error) return { verdict: 'inconclusive', reason: `${role}: ${error}` };
    const failure = errorOf(o);
    if (!response || !failure) continue;
    if (role !== 'control' && response.status >= 400 && response.status < 500 && response.status !== 429 && names(failure, field)) {
      return { verdict: 'rejected', reason: `${role} answered ${response.status} naming ${field}`, excerpt: failure.message.slice(0, 200) };
    }
    return { verdict: 'inconclusive', reason: `${role} answered ${response.status}: ${failure.message.slice(0, 120)}`, excerpt: failure.message.slice(0, 200) };
  }
  if (done.length < design.steps.length && done.length === 0) return { verdict: 'inconclusive', reason: 'nothing was sent' };
  return design.judge(done);
}

const effects = (claim: Claim | undefined) => new Set((claim?.rules ?? []).map((r) => r.effect));

/**
 * Whether an observed verdict agrees with the documented status.
 * - `inconclusive` and `unobservable` never count as drift.
 * - supported, extension, deprecated: honoured. Undocumented fields inherit OpenAI's contract: honoured.
 * - partial: honoured or transformed; rejected when a rule rejects values (or no rule says which
 *   values are narrowed); ignored when a rule ignores values.
 * - ignored: ignored.
 * - unsupported: rejected. A lenient server that accepts and drops the field is drift: the docs
 *   and the generated schema promise a 400, and a field that became accepted (Cerebras dropping two
 *   "unsupported" fields) is what the probe is there to notice.
 */
export function agrees(documented: ClaimStatus | 'undocumented', verdict: Verdict, claim?: Claim): boolean {
  if (verdict === 'inconclusive' || verdict === 'unobservable') return true;
  switch (documented) {
    case 'supported':
    case 'extension':
    case 'deprecated':
    case 'undocumented':
      return verdict === 'honoured';
    case 'partial': {
      const rules = effects(claim);
      if (verdict === 'honoured' || verdict === 'transformed') return true;
      if (verdict === 'rejected') return rules.has('reject') || rules.size === 0;
      return rules.has('ignore');
    }
    case 'ignored':
      return verdict === 'ignored';
    case 'unsupported':
      return verdict === 'rejected';
  }
}
