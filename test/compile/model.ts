/** Hand-built profile models for the compile tests (the parser has its own tests). */
import type { Claim, FieldLocation, OperationModel, ProfileModel } from '../../src/profile/types.ts';
import { toPointer } from '../../src/load/pointer.ts';

export function operation(key: string, fields: Partial<Record<FieldLocation, Record<string, Claim | Claim[]>>> = {}): OperationModel {
  const [method, path] = key.split(' ');
  return {
    key,
    method: method.toLowerCase(),
    path,
    pointer: toPointer(['paths', path, method.toLowerCase()]),
    status: 'supported',
    defaults: {},
    fields: Object.fromEntries(Object.entries(fields).map(([location, claims]) => [location, Object.fromEntries(Object.entries(claims).map(([k, c]) => [k, Array.isArray(c) ? c : [c]]))])),
  };
}

export function profile(id: string, operations: OperationModel[]): ProfileModel {
  return { id, name: id, baseUrl: 'https://example.test/v1', auth: { scheme: 'bearer', env: 'X_API_KEY' }, sources: [], source: 'docs', models: [], modes: [], notes: [], behaviours: [], unverified: [], operations, unoffered: [] };
}
