/**
 * What the capability evaluator reads: per provider and operation, the documented status of each
 * field. Built from compat.json (whatever it derived: defaults, inherited rows) and, when the
 * build wrote it, the typed profile (profile.json: value rules and variant-scoped claims).
 */
import type { CompatReport } from '../compat/types.ts';
import type { Claim, FieldLocation, ProfileModel, ValueRule } from '../profile/types.ts';

export interface ClaimFact {
  status: string;
  note?: string;
  /** The URL of the source document. */
  source?: string;
  verified?: string;
  rules?: ValueRule[];
  /** The status is the location's default, not a claim on the field. */
  byDefault?: boolean;
}

export interface OperationFacts extends ClaimFact {
  offered: boolean;
  /** `request.body stream` → the fact. Only documented fields: claimed, or set by a default. */
  fields: Map<string, ClaimFact>;
}

export interface ProviderFacts {
  id: string;
  name: string;
  operations: Map<string, OperationFacts>;
}

export const factKey = (location: FieldLocation | string, field: string) => `${location} ${field}`;

/** The claim that applies to every model (the unscoped one), else the first. */
function generalClaim(claims: Claim[] | Claim): Claim {
  const list = Array.isArray(claims) ? claims : [claims];
  return list.find((c) => !c.models && !c.mode) ?? list[0];
}

export function providerFacts(report: CompatReport, profile?: ProfileModel): ProviderFacts {
  const operations = new Map<string, OperationFacts>();
  for (const op of report.operations) {
    operations.set(op.operation, { status: op.status, note: op.note, source: op.source, verified: op.verified, offered: op.offered, fields: new Map() });
  }
  for (const row of report.fields) {
    // A row that only inherits its ancestor's claim says nothing of its own ("messages supported"
    // does not make images supported); queries name the ancestor as an alias when it should count.
    const documented = row.claimed || (row.status !== 'undocumented' && !row.inherited);
    if (documented) operations.get(row.operation)?.fields.set(factKey(row.location, row.field), { status: row.status, note: row.note, source: row.source, verified: row.verified, ...(row.byDefault ? { byDefault: true } : {}) });
  }
  if (profile) addProfileClaims(operations, profile);
  return { id: report.provider.id, name: report.provider.name, operations };
}

/** Value rules and variant claims (`response_format[type=json_schema]`) only the typed profile has. */
function addProfileClaims(operations: Map<string, OperationFacts>, profile: ProfileModel): void {
  const urls = new Map(profile.sources.map((s) => [s.id, s.url]));
  for (const op of profile.operations) {
    const facts = operations.get(op.key);
    if (!facts) continue;
    for (const [location, claims] of Object.entries(op.fields)) {
      for (const [field, list] of Object.entries(claims ?? {})) {
        const claim = generalClaim(list);
        const key = factKey(location, field);
        // A claim in the profile is the field's own, whatever default the report row shows.
        const known = facts.fields.get(key);
        const sourceId = claim.source ?? profile.source;
        const own = known && !known.byDefault ? known : undefined;
        facts.fields.set(key, {
          status: own?.status ?? claim.status,
          note: own ? own.note : claim.note,
          source: own?.source ?? urls.get(sourceId),
          verified: own?.verified ?? claim.verified ?? profile.sources.find((s) => s.id === sourceId)?.verified,
          ...(claim.rules?.length ? { rules: claim.rules } : {}),
        });
      }
    }
    for (const [location, d] of Object.entries(op.defaults)) {
      if (d) facts.fields.set(factKey(location, '*'), { status: d.status, note: d.note, source: urls.get(d.source ?? profile.source), verified: d.verified });
    }
  }
}
