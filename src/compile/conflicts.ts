/**
 * Hand-written actions must not contradict the claims: re-adding a field claimed unsupported,
 * removing a field claimed present, or constraining away a value a claim says is accepted. Each
 * problem names the overlay action (index, line) and the claim (its pointer).
 */
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { getAtPointer } from '../load/pointer.ts';
import type { JsonObject } from '../load/json.ts';
import type { ActionProvenance } from '../overlay/index.ts';
import type { Claim, FieldLocation, ProfileModel, ValueRule } from '../profile/types.ts';
import { accepts } from './accepts.ts';
import { claimPointer, fieldSites, unscopedClaim } from './claims.ts';
import { sampleValues } from './rules.ts';

export interface ConflictInput {
  /** The normalized base, before any action. */
  base: JsonObject;
  /** After the hand-written actions, before the compiled ones. */
  spec: JsonObject;
  model: ProfileModel;
  provenance: readonly ActionProvenance[];
  file?: string;
}

const within = (pointer: string, node: string): boolean => pointer === node || pointer.startsWith(`${node}/`);

/** Values the claim says the provider accepts: those a `reject` rule spares, or those another rule selects. */
function acceptedValues(rule: ValueRule): unknown[] {
  const when = rule.when;
  if (rule.effect !== 'reject') return sampleValues(when);
  if ('notIn' in when) return when.notIn;
  if ('above' in when) return [when.above];
  if ('below' in when) return [when.below];
  return [];
}

const PRESENT: ReadonlySet<Claim['status']> = new Set(['supported', 'partial', 'ignored', 'deprecated']);

export function handWrittenConflicts(input: ConflictInput): Diagnostic[] {
  const { base, spec, model, provenance } = input;
  const problems: Diagnostic[] = [];
  const report = (action: ActionProvenance, claim: string, message: string, hint: string): void => {
    problems.push({ code: 'claim-contradicted', severity: 'error', message: `${message} (claim ${claim})`, hint, location: { file: input.file ?? action.file, action: action.index, line: action.line, pointer: `/actions/${action.index}` } });
  };
  for (const operation of model.operations) {
    for (const [location, fields] of Object.entries(operation.fields) as [FieldLocation, Record<string, Claim[]>][]) {
      if (location.startsWith('response.')) continue;
      for (const [field, claims] of Object.entries(fields ?? {})) {
        const claim = unscopedClaim(claims);
        if (!claim || claim.notInApi) continue;
        const pointer = claimPointer(operation, location, field);
        const sites = fieldSites(spec, operation, location, field);
        if (claim.status === 'unsupported') {
          for (const site of sites) {
            const adder = provenance.find((p) => p.added.includes(site.pointer));
            if (adder) report(adder, pointer, `action ${adder.index} adds ${field} to ${operation.key}, which a claim says is not supported`, 'drop the action: the build removes unsupported fields itself');
          }
          continue;
        }
        if (PRESENT.has(claim.status) && sites.length === 0) {
          const baseSites = fieldSites(base, operation, location, field);
          // Removed at or above a declaration, or a `$ref` on the way to one repointed.
          const cuts = (r: string): boolean => baseSites.some((s) => within(s.pointer, r) || s.hops.some((h) => r === `${h.holder}/$ref`));
          const remover = provenance.find((p) => [...p.removed, ...p.changed].some(cuts));
          if (remover) report(remover, pointer, `action ${remover.index} removes ${field} from ${operation.key}, which a claim says is ${claim.status}`, 'drop the action, or claim the field unsupported');
        }
        for (const rule of claim.rules ?? []) {
          for (const value of acceptedValues(rule)) {
            for (const site of sites.filter((s) => s.kind === 'property')) {
              const schema = location === 'request.body' ? getAtPointer(spec, site.pointer) : getAtPointer(spec, `${site.pointer}/schema`);
              if (accepts(spec, schema, value) || !accepts(base, getAtPointer(base, site.pointer), value)) continue;
              const editor = [...provenance].reverse().find((p) => [...p.added, ...p.changed].some((t) => within(t, site.pointer) || within(site.pointer, t)));
              if (editor) report(editor, pointer, `action ${editor.index} makes ${field} of ${operation.key} reject ${JSON.stringify(value)}, which a claim says is accepted`, 'drop or loosen the constraint; the build derives constraints from `reject` rules');
            }
          }
        }
      }
    }
  }
  return problems;
}
