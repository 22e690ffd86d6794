/**
 * Interim, until the profile parser (src/profile/parse.ts) lands: the operations of a spec's
 * `x-compat` as the ProfileModel the compiler reads. Only what the compiler needs.
 */
import { listOperations } from '../load/openapi.ts';
import { isObject, type JsonObject } from '../load/json.ts';
import type { Claim, FieldLocation, OperationModel, ProfileModel } from '../profile/types.ts';

export function interimModel(spec: JsonObject, id: string): ProfileModel {
  const operations: OperationModel[] = [];
  for (const op of listOperations(spec)) {
    const claim = op.operation['x-compat'];
    if (!isObject(claim) || claim.status === 'unsupported') continue;
    const fields: OperationModel['fields'] = {};
    for (const [location, claims] of Object.entries(isObject(claim.fields) ? claim.fields : {})) {
      if (!isObject(claims)) continue;
      fields[location as FieldLocation] = Object.fromEntries(Object.entries(claims).map(([k, c]) => [k, Array.isArray(c) ? (c as Claim[]) : [c as unknown as Claim]]));
    }
    operations.push({ key: op.key, method: op.method.toUpperCase(), path: op.path, pointer: op.pointer, status: claim.status as Claim['status'], defaults: {}, fields });
  }
  return { id, name: id, baseUrl: '', auth: { scheme: 'bearer', env: '' }, sources: [], source: '', models: [], modes: [], notes: [], behaviours: [], unverified: [], operations, unoffered: [] };
}
