import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseYaml } from '../../src/load/document.ts';
import { parseProfile } from '../../src/profile/parse.ts';
import { compileXCompatSchema } from '../../src/profile/schema.ts';

const validators = compileXCompatSchema(JSON.parse(readFileSync('spec/schemas/x-compat.schema.json', 'utf8')));
const file = 'test/fixtures/profile/v2.yaml';
const fixture = () => parseYaml(readFileSync(file, 'utf8'), file) as Record<string, any>;
const parse = (spec: Record<string, unknown>) => parseProfile(spec, { id: 'acme', validators });

describe('parseProfile on every v2 construct', () => {
  const { model, diagnostics } = parse(fixture());
  const chat = model.operations.find((op) => op.key === 'POST /chat/completions')!;
  const body = chat.fields['request.body']!;

  it('finds nothing wrong', () => expect(diagnostics).toEqual([]));

  it('reads the provider-wide entries', () => {
    expect(model).toMatchObject({
      id: 'acme',
      name: 'Acme AI',
      homepage: 'https://acme.example',
      baseUrl: 'https://api.acme.example/v1',
      auth: { scheme: 'header', header: 'x-api-key', env: 'ACME_API_KEY', alternatives: [{ scheme: 'bearer' }] },
      source: 'acme-openai',
      models: ['acme-large', 'acme-small'],
      modes: [{ id: 'thinking', title: 'Thinking mode', how: 'thinking: {type: enabled}', select: [{ thinking: { type: 'enabled' } }] }],
      behaviours: [{ id: 'system-hoisting', kind: 'messages', operations: ['POST /chat/completions'], source: 'acme-openai', verified: '2026-11-30' }],
      lifecycle: { state: 'active', source: 'acme-openai' },
    });
    expect(model.sources.find((s) => s.id === 'tracker')?.thirdParty).toBe(true);
  });

  it('keeps offered operations apart from unsupported and retired ones', () => {
    expect(model.operations.map((op) => op.key)).toEqual(['POST /chat/completions']);
    expect(model.unoffered.map((op) => [op.key, op.status, op.lifecycle?.state])).toEqual([
      ['POST /completions', 'deprecated', 'retired'],
      ['POST /embeddings', 'unsupported', undefined],
    ]);
    expect(model.unoffered[0].lifecycle).toMatchObject({ replacement: 'POST /chat/completions', answer: { status: 410, message: 'gone' } });
  });

  it('fills each claim with the source and date in effect', () => {
    expect(body.n[0]).toEqual({ status: 'partial', note: 'Must be exactly 1', source: 'acme-openai', verified: '2026-11-30', rules: [{ when: { notIn: [1] }, effect: 'reject' }] });
    expect(chat.defaults['response.body']).toEqual({ status: 'supported', source: 'acme-reference', verified: '2026-11-02' });
    expect(body.temperature[0].rules?.[1]).toEqual({ when: { equals: 0 }, effect: 'rewrite', to: 1e-8, source: 'acme-reference' });
    expect(body.logprobs[0].conflicts).toEqual([{ status: 'ignored', note: 'not yet supported', source: 'tracker', verified: '2026-11-20' }]);
  });

  it('makes every field value a list, scoped claims included', () => {
    expect(body.reasoning_effort.map((c) => [c.status, c.models, c.mode])).toEqual([
      ['supported', ['acme-large'], undefined],
      ['unsupported', ['acme-small'], undefined],
      ['ignored', undefined, 'thinking'],
    ]);
    expect(Object.keys(body)).toContain('messages[role=user].content[type=input_audio]');
  });

  it('carries schema, returned, statuses, notInApi and observed; header names lower case', () => {
    expect(body.thinking[0].schema).toEqual({ type: 'object', properties: { type: { enum: ['enabled', 'disabled'] } } });
    expect(body.prompt_cache_key[0].notInApi).toBe(true);
    expect(body.seed[0].observed).toEqual({ status: 'honoured', date: '2026-11-30', model: 'acme-large' });
    expect(chat.fields['response.body']!.system_fingerprint[0].returned).toBe('empty');
    expect(chat.fields['response.stream']!.usage[0].status).toBe('supported');
    expect(chat.fields['response.header']!['retry-after'][0].statuses).toEqual([429]);
  });

  it('is deterministic', () => expect(JSON.stringify(parse(fixture()).model)).toBe(JSON.stringify(model)));
});

describe('parseProfile reports bad claims at their pointer', () => {
  const chat = '/paths/~1chat~1completions/post/x-compat';
  const body = `${chat}/fields/request.body`;
  const cases: [string, (spec: Record<string, any>) => void, string, string][] = [
    ['a model the root does not list', (s) => (s.paths['/chat/completions'].post['x-compat'].fields['request.body'].reasoning_effort[0].models = ['acme-huge']), 'x-compat-unknown-model', `${body}/reasoning_effort/0/models/0`],
    ['an undefined mode', (s) => (s.paths['/chat/completions'].post['x-compat'].fields['request.body'].reasoning_effort[2].mode = 'turbo'), 'x-compat-unknown-mode', `${body}/reasoning_effort/2/mode`],
    ['two unscoped claims', (s) => {
      const claims = s.paths['/chat/completions'].post['x-compat'].fields['request.body'].reasoning_effort;
      delete claims[0].models;
      delete claims[2].mode;
    }, 'x-compat-unscoped-twice', `${body}/reasoning_effort/2`],
    ['two claims for one model', (s) => (s.paths['/chat/completions'].post['x-compat'].fields['request.body'].reasoning_effort[1].models = ['acme-large']), 'x-compat-model-twice', `${body}/reasoning_effort/1/models/0`],
    ['a rule citing an unknown source', (s) => (s.paths['/chat/completions'].post['x-compat'].fields['request.body'].temperature.rules[1].source = 'blog'), 'x-compat-unknown-source', `${body}/temperature/rules/1/source`],
    ['a conflict citing an unknown source', (s) => (s.paths['/chat/completions'].post['x-compat'].fields['request.body'].logprobs.conflicts[0].source = 'blog'), 'x-compat-unknown-source', `${body}/logprobs/conflicts/0/source`],
    ['a default citing an unknown source', (s) => (s.paths['/chat/completions'].post['x-compat'].defaults['response.body'].source = 'blog'), 'x-compat-unknown-source', `${chat}/defaults/response.body/source`],
    ['a behaviour citing an unknown source', (s) => (s['x-compat'].behaviours[0].source = 'blog'), 'x-compat-unknown-source', '/x-compat/behaviours/0/source'],
    ['`returned` on a request field', (s) => (s.paths['/chat/completions'].post['x-compat'].fields['request.body'].seed.returned = 'never'), 'x-compat-misplaced-key', `${body}/seed/returned`],
    ['`statuses` outside response headers', (s) => (s.paths['/chat/completions'].post['x-compat'].fields['request.body'].seed.statuses = [429]), 'x-compat-misplaced-key', `${body}/seed/statuses`],
    ['a mode id listed twice', (s) => s['x-compat'].modes.push({ id: 'thinking', title: 'x', how: 'y' }), 'x-compat-duplicate-id', '/x-compat/modes/1/id'],
    ['two default modes', (s) => s['x-compat'].modes.push({ id: 'fast', title: 'x', how: 'y', default: true }, { id: 'slow', title: 'x', how: 'y', default: true }), 'x-compat-mode-default-twice', '/x-compat/modes/2/default'],
    ['a mode selector that is no list of bodies', (s) => (s['x-compat'].modes[0].select = { thinking: { type: 'enabled' } }), 'x-compat-schema', '/x-compat/modes/0/select'],
    ['a rule with two selectors', (s) => (s.paths['/chat/completions'].post['x-compat'].fields['request.body'].n.rules[0].when = { in: [1], above: 2 }), 'x-compat-schema', `${body}/n/rules/0/when`],
    ['a clamp without `to`', (s) => delete s.paths['/chat/completions'].post['x-compat'].fields['request.body'].temperature.rules[0].to, 'x-compat-schema', `${body}/temperature/rules/0`],
    ['a reject with `to`', (s) => (s.paths['/chat/completions'].post['x-compat'].fields['request.body'].n.rules[0].to = 1), 'x-compat-schema', `${body}/n/rules/0/to`],
    ['a schema on a claim that is no extension', (s) => (s.paths['/chat/completions'].post['x-compat'].fields['request.body'].seed.schema = { type: 'integer' }), 'x-compat-schema', `${body}/seed/status`],
    ['a default status that cannot be a default', (s) => (s.paths['/chat/completions'].post['x-compat'].defaults['request.body'].status = 'partial'), 'x-compat-schema', `${chat}/defaults/request.body/status`],
    ['a malformed variant key', (s) => (s.paths['/chat/completions'].post['x-compat'].fields['request.body']['messages[role]'] = { status: 'supported' }), 'x-compat-schema', `${body}`],
    ['an empty list of claims', (s) => (s.paths['/chat/completions'].post['x-compat'].fields['request.body'].seed = []), 'x-compat-schema', `${body}/seed`],
    ['a third-party flag that is no boolean', (s) => (s['x-compat'].sources[2].thirdParty = 'yes'), 'x-compat-schema', '/x-compat/sources/2/thirdParty'],
  ];
  it.each(cases)('%s', (_name, edit, code, pointer) => {
    const spec = fixture();
    edit(spec);
    const found = parse(spec).diagnostics;
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((d) => d.severity === 'error' && d.hint)).toBe(true);
    const codes = found.map((d) => [d.code, d.location?.pointer]);
    expect(codes).toContainEqual([code, pointer]);
  });

  it('accepts a v1 overlay unchanged (v2 is a superset)', () => {
    const v1 = {
      'x-compat': { provider: { id: 'acme', name: 'Acme' }, auth: { scheme: 'bearer', env: 'ACME_KEY' }, sources: [{ id: 'docs', url: 'https://acme.example', verified: '2026-11-21' }], source: 'docs', models: [], notes: ['x'] },
      paths: { '/chat/completions': { post: { 'x-compat': { status: 'supported', fields: { 'request.body': { n: { status: 'partial', note: 'Must be 1' } }, 'response.header': { 'x-ratelimit-limit-requests': { status: 'supported' } } } } } } },
    };
    expect(parse(v1).diagnostics).toEqual([]);
  });
});
