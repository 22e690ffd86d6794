/**
 * The mock build step: per profile, precomputes what the native engine would otherwise work out
 * at start-up (routes, and every operation's response body checked against its schema) and
 * writes it with the spec as JSON to generated/<id>/mock.gen.json, which loads in milliseconds.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { Generator, ResolvedProfile } from '../build/types.ts';
import { mockDataFromSpec, type MockData } from './load.ts';
import { prepareResponse } from './respond.ts';
import { sampleCheck } from './sample-check.ts';

export function buildMockData(profile: ResolvedProfile): { data: MockData; diagnostics: Diagnostic[] } {
  const data = mockDataFromSpec(profile.spec, profile.model, profile.id === 'openai' ? undefined : profile.base);
  const response = sampleCheck(profile.spec, data.model.operations);
  const diagnostics: Diagnostic[] = [];
  for (const op of data.model.operations) {
    const prepared = prepareResponse(profile.spec, data.model, op, (o, body) => response.body(o, body));
    data.prepared[op.key] = prepared;
    if (prepared.contentType && prepared.body !== undefined && !prepared.binary && !response.body(op, prepared.body)) {
      const first = response.lastErrors()?.[0];
      diagnostics.push({
        code: 'mock-response-invalid',
        severity: 'warning',
        message: `${op.key}: the mock's response body does not match the response schema (${first?.instancePath || '/'} ${first?.message ?? ''})`,
        hint: 'add a valid example to the operation in the overlay, or report the schema shape the sampler misses',
        location: { file: `generated/${profile.id}/openapi.yaml`, pointer: op.response.pointer },
      });
    }
  }
  return { data, diagnostics };
}

export const mockGenerator: Generator = {
  name: 'mock',
  perProfile(profile) {
    const { data, diagnostics } = buildMockData(profile);
    return { files: [{ path: 'mock.gen.json', contents: `${JSON.stringify(data)}\n` }], diagnostics };
  },
};
