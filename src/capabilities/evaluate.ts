/** Evaluates capability queries against a provider's facts: yes, partial, no or unknown, with the evidence. */
import { factKey, type ClaimFact, type ProviderFacts } from './claims.ts';
import type { Capability, LeafQuery, Query } from './query.ts';
import { valueSelected } from '../profile/select.ts';

export type CapabilityValue = 'yes' | 'no' | 'partial' | 'unknown';

export interface Evidence {
  operation: string;
  field: string;
  status: string;
  source: string;
  verified: string;
}

export interface CapabilityAnswer {
  value: CapabilityValue;
  note?: string;
  evidence: Evidence[];
}

// `all` answers with its weakest part, `any` with its strongest.
const strength: Record<CapabilityValue, number> = { no: 0, unknown: 1, partial: 2, yes: 3 };

function evidence(q: LeafQuery, field: string, fact: ClaimFact | undefined, status: string): Evidence {
  return { operation: q.operation, field, status, source: fact?.source ?? '', verified: fact?.verified ?? '' };
}

function leaf(q: LeafQuery, provider: ProviderFacts): CapabilityAnswer {
  const op = provider.operations.get(q.operation);
  const label = q.fields[0] ?? '';
  if (!op || !op.offered) return { value: 'no', note: op?.note, evidence: [evidence(q, '', op, op ? op.status : 'not offered')] };
  let field = label;
  let fact: ClaimFact | undefined = op;
  if (q.fields.length) {
    // The first alias a claim names, then the first one a default covers, else the operation's
    // default for the location: `response_format: supported` outweighs a default on `response_format.type`.
    const known = (f: string) => op.fields.get(factKey(q.location, f));
    const found = q.fields.find((f) => known(f) && !known(f)!.byDefault) ?? q.fields.find((f) => known(f));
    field = found ?? label;
    fact = found ? op.fields.get(factKey(q.location, found)) : op.fields.get(factKey(q.location, '*'));
    if (!found && fact) field = `${label} (by default)`;
  }
  if (!fact) return { value: 'unknown', evidence: [evidence(q, field, undefined, 'undocumented')] };
  const proof = [evidence(q, field, fact, fact.status)];
  if (!q.status.includes(fact.status as never)) return { value: 'no', note: fact.note, evidence: proof };
  const rule = q.value === undefined ? undefined : fact.rules?.find((r) => valueSelected(r.when, q.value));
  if (rule && (rule.effect === 'reject' || rule.effect === 'ignore')) return { value: 'no', note: rule.note ?? fact.note, evidence: proof };
  const partial = fact.status === 'partial' || (rule !== undefined && (rule.effect === 'clamp' || rule.effect === 'rewrite'));
  return { value: partial ? 'partial' : 'yes', note: rule?.note ?? fact.note, evidence: proof };
}

export function evaluate(query: Query, provider: ProviderFacts): CapabilityAnswer {
  if ('operation' in query) return leaf(query, provider);
  const parts = ('all' in query ? query.all : query.any).map((q) => evaluate(q, provider));
  const pick = 'all' in query ? Math.min : Math.max;
  const value = (Object.keys(strength) as CapabilityValue[]).find((v) => strength[v] === pick(...parts.map((p) => strength[p.value])))!;
  // The note of the part that decided the answer.
  const note = parts.find((p) => p.value === value && p.note)?.note;
  return { value, ...(note ? { note } : {}), evidence: parts.flatMap((p) => p.evidence) };
}

export interface CapabilitiesDocument {
  capabilities: { id: string; title: string; definition: string }[];
  providers: { id: string; name: string; capabilities: Record<string, CapabilityAnswer> }[];
}

export function evaluateAll(capabilities: readonly Capability[], providers: readonly ProviderFacts[]): CapabilitiesDocument {
  return {
    capabilities: capabilities.map(({ id, title, definition }) => ({ id, title, definition })),
    providers: providers.map((p) => ({
      id: p.id,
      name: p.name,
      capabilities: Object.fromEntries(
        capabilities.map((c) => {
          const answer = evaluate(c.query, p);
          return [c.id, answer.note ? { value: answer.value, note: answer.note, evidence: answer.evidence } : { value: answer.value, evidence: answer.evidence }];
        }),
      ),
    })),
  };
}
