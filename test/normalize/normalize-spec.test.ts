/** The registry: all fixes together on one small document, the report's shape, diagnostics' locations. */
import { describe, expect, it } from 'vitest';
import { FIXES, normalizeSpec } from '../../src/normalize/index.ts';

const small = () => ({
  openapi: '3.1.0',
  paths: {
    '/chat': { post: { operationId: 'chat', requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Message' } } } } } },
    '/chat?beta=true': { post: { operationId: 'beta_chat' } },
  },
  components: {
    schemas: {
      Message: { oneOf: [{ $ref: '#/components/schemas/User' }, { $ref: '#/components/schemas/Bot' }], discriminator: { propertyName: 'role' } },
      User: {
        properties: { role: { type: 'string', enum: ['user'] }, at: { type: 'integer', format: 'unixtime', nullable: true } },
        required: ['role', 'name'],
      },
      Bot: { type: 'object', properties: { role: { type: 'string', enum: ['bot'], nullable: true } } },
    },
  },
});

describe('normalizeSpec', () => {
  it('runs every fix in order, one report row each', () => {
    const { report } = normalizeSpec(small());
    expect(report.map((r) => r.fix)).toEqual(FIXES.map((f) => f.id));
    expect(Object.fromEntries(report.filter((r) => r.count > 0).map((r) => [r.fix, r.count]))).toEqual({
      'path-query-keys': 1,
      'unixtime-format': 1,
      'implicit-types': 1,
      nullable: 2,
      'discriminator-mapping': 1,
    });
    for (const row of report) expect(row.description.length).toBeGreaterThan(20);
  });

  it('lets the fixes work together: the mapping reads enums the nullable fix extended', () => {
    const doc = small();
    normalizeSpec(doc);
    const schemas = doc.components.schemas;
    expect(schemas.Message.discriminator).toEqual({
      propertyName: 'role',
      mapping: { user: '#/components/schemas/User', bot: '#/components/schemas/Bot' },
    });
    expect(schemas.User).toEqual({
      type: 'object',
      properties: { role: { type: 'string', enum: ['user'] }, at: { type: ['integer', 'null'], format: 'int64', 'x-oai-format': 'unixtime' } },
      required: ['role', 'name'],
    });
    expect(schemas.Bot.properties.role).toEqual({ type: ['string', 'null'], enum: ['bot', null] });
  });

  it('returns the same object it was given, edited in place', () => {
    const doc = small();
    expect(normalizeSpec(doc).spec).toBe(doc);
  });

  it('locates diagnostics by pointer, in the named file', () => {
    const { diagnostics } = normalizeSpec(small(), { file: 'spec/base/openai.yaml' });
    expect(diagnostics.map((d) => [d.severity, d.code, d.location])).toEqual([
      ['info', 'normalize-path-query-dropped', { file: 'spec/base/openai.yaml', pointer: '/paths/~1chat?beta=true/post' }],
      ['warning', 'normalize-required-undeclared', { file: 'spec/base/openai.yaml', pointer: '/components/schemas/User/required' }],
    ]);
  });
});
