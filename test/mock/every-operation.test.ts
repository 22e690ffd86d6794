/**
 * Every operation of every generated profile answers a valid request (generated from its
 * schemas) with a response valid against its response schema; streaming operations stream
 * events valid against their event schema.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenAPIDocument } from '../../src/build/types.ts';
import { fieldStatus } from '../../src/mock/behave/claims.ts';
import { buildMockModel, type OperationModel } from '../../src/mock/model.ts';
import { startMock, type RunningMock } from '../../src/mock/start.ts';
import { lazyAjvValidators } from '../../src/mock/validate.ts';
import { generatedSpec, PROFILES, sseData } from './helpers.ts';
import { validRequest } from './requests.ts';

describe.each(PROFILES)('every operation of %s', (profile) => {
  let spec: OpenAPIDocument;
  let mock: RunningMock;
  let operations: OperationModel[];
  let validators: ReturnType<typeof lazyAjvValidators>['response'];

  beforeAll(async () => {
    spec = generatedSpec(profile);
    operations = buildMockModel(spec, profile).operations;
    validators = lazyAjvValidators(spec).response;
    mock = await startMock({ provider: profile });
  });
  afterAll(() => mock?.close());

  it('offers at least one operation', () => {
    expect(operations.length).toBeGreaterThan(0);
  });

  it('answers a valid request to each with a schema-valid response', async () => {
    const failures: string[] = [];
    for (const op of operations) {
      const request = validRequest(spec, op);
      const reply = await fetch(`${mock.url}${request.route}`, { method: request.method, headers: { ...request.headers, ...credentials(spec) }, body: request.body });
      const type = reply.headers.get('content-type') ?? '';
      if (reply.status !== op.response.status) {
        failures.push(`${op.key}: ${reply.status} ${(await reply.text()).slice(0, 300)}`);
        continue;
      }
      if (type.startsWith('application/json')) {
        if (!validators.body(op, await reply.json())) failures.push(`${op.key}: invalid response ${JSON.stringify(validators.lastErrors()?.[0])}`);
      } else if (op.response.contentType) {
        expect(type, op.key).toBe(op.response.contentType);
        expect((await reply.arrayBuffer()).byteLength, op.key).toBeGreaterThan(0);
      }
    }
    expect(failures).toEqual([]);
  });

  it('streams schema-valid events on each streaming operation', async () => {
    const failures: string[] = [];
    for (const op of operations.filter((o) => o.streamField)) {
      const request = validRequest(spec, op);
      const body = { ...JSON.parse(request.body as string), [op.streamField as string]: true };
      const reply = await fetch(`${mock.url}${request.route}`, { method: 'POST', headers: { ...request.headers, ...credentials(spec) }, body: JSON.stringify(body) });
      // A profile that ignores `stream` (by claim or default) answers as without it.
      if (fieldStatus(op, op.streamField as string) === 'ignored') {
        expect(reply.headers.get('content-type'), op.key).toMatch(/^application\/json/);
        continue;
      }
      expect(reply.headers.get('content-type'), op.key).toMatch(/^text\/event-stream/);
      const events = sseData(await reply.text()).filter((d) => d !== '[DONE]');
      expect(events.length, op.key).toBeGreaterThan(0);
      for (const data of events) if (!validators.event(op, JSON.parse(data))) failures.push(`${op.key}: ${data.slice(0, 200)} ${JSON.stringify(validators.lastErrors()?.[0])}`);
    }
    expect(failures).toEqual([]);
  });
});

/** A key in the profile's own scheme. */
export function credentials(spec: OpenAPIDocument): Record<string, string> {
  const auth = (spec['x-compat'] as { auth?: { scheme: string; header?: string } } | undefined)?.auth;
  return auth?.scheme === 'header' && auth.header ? { [auth.header]: 'test-key' } : { authorization: 'Bearer test-key' };
}
