/**
 * One truth: after the slice, the resolved spec must say what every compiled claim says. The
 * types (openapi-typescript), the validators behind checkRequest/checkResponse and the mock's
 * request checks are all generated from this spec, and their claim tables from the same model,
 * so a claim the spec contradicts is caught here, once, naming the claim.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { getAtPointer } from '../load/pointer.ts';
import type { JsonObject } from '../load/json.ts';
import type { Claim, FieldLocation, ProfileModel, ValueRule } from '../profile/types.ts';
import { accepts } from './accepts.ts';
import { claimPointer, extensionClaim, fieldSites, unscopedClaim } from './claims.ts';
import { sampleValues } from './rules.ts';

/** Values the rule rejects: what it selects, or one number past the allowed ones of `notIn`. */
function rejectedValue(rule: ValueRule): unknown[] {
  const when = rule.when;
  if ('notIn' in when) return typeof when.notIn[0] === 'number' ? [Math.max(...(when.notIn as number[])) + 1] : [];
  return sampleValues(when);
}

function problem(pointer: string, message: string): Diagnostic {
  return { code: 'claim-disagrees', severity: 'error', message: `${message} (claim ${pointer})`, hint: 'the spec, types, checks and mock must agree with the claim: see the actions that edit this field (`oai-compat where <field>`)', location: { pointer } };
}

export function claimAgreement(spec: JsonObject, model: ProfileModel): Diagnostic[] {
  const problems: Diagnostic[] = [];
  for (const operation of model.operations) {
    for (const [location, fields] of Object.entries(operation.fields) as [FieldLocation, Record<string, Claim[]>][]) {
      for (const [field, claims] of Object.entries(fields ?? {})) {
        if (extensionClaim(location, claims) && fieldSites(spec, operation, location, field).length === 0) {
          problems.push(problem(claimPointer(operation, location, field), `${operation.key}: extension ${field} has a schema but the resolved spec does not declare it`));
        }
        const claim = unscopedClaim(claims);
        if (!claim || claim.notInApi) continue;
        const pointer = claimPointer(operation, location, field);
        const sites = fieldSites(spec, operation, location, field);
        const response = location.startsWith('response.');
        const absent = response ? claim.returned === 'never' || claim.status === 'unsupported' : claim.status === 'unsupported';
        if (absent && location !== 'response.header' && sites.length > 0) {
          problems.push(problem(pointer, `${operation.key} ${location}: ${field} is claimed ${response ? 'never returned' : 'unsupported'} but the resolved spec declares it at ${sites.map((s) => s.pointer).join(', ')}`));
        }
        if (location === 'request.body' && (claim.status === 'ignored' || claim.status === 'deprecated')) {
          const unmarked = sites.filter((s) => s.kind === 'property' && (getAtPointer(spec, s.pointer) as JsonObject).deprecated !== true);
          if (unmarked.length > 0) problems.push(problem(pointer, `${operation.key}: ${field} is claimed ${claim.status} but its schema at ${unmarked.map((s) => s.pointer).join(', ')} is not marked deprecated`));
        }
        for (const rule of absent ? [] : (claim.rules ?? []).filter((r) => r.effect === 'reject')) {
          for (const site of sites.filter((s) => s.kind === 'property')) {
            const schema = getAtPointer(spec, location === 'request.body' ? site.pointer : `${site.pointer}/schema`);
            const admitted = rejectedValue(rule).filter((value) => accepts(spec, schema, value));
            if (admitted.length > 0) problems.push(problem(pointer, `${operation.key}: ${field} is claimed to reject ${admitted.map((v) => JSON.stringify(v)).join(', ')} but its schema at ${site.pointer} accepts it`));
          }
        }
      }
    }
  }
  return problems;
}
