import { describe, expect, it } from 'vitest';
import { compileClaims, OVERLAY_HEADER } from '../../src/compile/compile.ts';
import { fieldSites } from '../../src/compile/claims.ts';
import { claimAgreement } from '../../src/compile/agreement.ts';
import type { JsonObject } from '../../src/load/json.ts';
import { applyOverlay } from '../../src/overlay/index.ts';
import type { Claim, FieldLocation } from '../../src/profile/types.ts';
import { chatSpec } from './fixture.ts';
import { operation, profile } from './model.ts';

const CHAT = 'POST /chat/completions';
const RESPONSES = 'POST /responses';

function compile(fields: Partial<Record<FieldLocation, Record<string, Claim | Claim[]>>>) {
  const spec = chatSpec();
  const model = profile('groq', [operation(CHAT, fields), operation(RESPONSES)]);
  const result = compileClaims(spec, model, { firstIndex: 5 });
  return { spec, model, ...result };
}
const schemas = (spec: JsonObject) => (spec.components as { schemas: Record<string, JsonObject> }).schemas;
const sites = (spec: JsonObject, key: string, field: string, location: FieldLocation = 'request.body') =>
  fieldSites(spec, profile('groq', [operation(key)]).operations[0], location, field).map((s) => s.pointer);

describe('compileClaims: unsupported request fields', () => {
  it('removes top_logprobs from every declaration the chat request reaches, and leaves POST /responses alone', () => {
    const { spec, diagnostics } = compile({ 'request.body': { top_logprobs: { status: 'unsupported' } } });
    expect(diagnostics).toEqual([]);
    expect(sites(spec, CHAT, 'top_logprobs')).toEqual([]);
    expect(sites(spec, RESPONSES, 'top_logprobs')).toEqual([
      '/components/schemas/ModelResponseProperties/properties/top_logprobs',
      '/components/schemas/CreateModelResponseProperties/allOf/1/properties/top_logprobs',
    ]);
    expect(schemas(spec).CreateModelResponseProperties).toEqual(schemas(chatSpec()).CreateModelResponseProperties);
    expect(schemas(spec).ModelResponseProperties).toEqual(schemas(chatSpec()).ModelResponseProperties);
    expect((schemas(spec).CreateChatCompletionRequest.allOf as JsonObject[])[0]).toEqual({ $ref: '#/components/schemas/CreateModelResponseProperties__groq_createChatCompletion' });
    expect((schemas(spec).CreateModelResponseProperties__groq_createChatCompletion.allOf as JsonObject[])[0]).toEqual({ $ref: '#/components/schemas/ModelResponseProperties__groq_createChatCompletion' });
    expect(Object.keys(schemas(spec).ModelResponseProperties__groq_createChatCompletion.properties as JsonObject)).toEqual(['temperature']);
  });

  it('numbers the actions after the hand-written ones and names the claim of each edit', () => {
    const { actions, provenance } = compile({ 'request.body': { top_logprobs: { status: 'unsupported' } } });
    expect(provenance.map((p) => p.index)).toEqual(actions.map((_, i) => 5 + i));
    const removals = actions.filter((a) => a.remove);
    expect(removals.map((a) => a.target).sort()).toEqual([
      "$['components']['schemas']['CreateChatCompletionRequest']['allOf'][1]['properties']['top_logprobs']",
      "$['components']['schemas']['CreateModelResponseProperties__groq_createChatCompletion']['allOf'][1]['properties']['top_logprobs']",
      "$['components']['schemas']['ModelResponseProperties__groq_createChatCompletion']['properties']['top_logprobs']",
    ]);
    expect(new Set(removals.map((a) => a['x-claim']))).toEqual(new Set(['/paths/~1chat~1completions/post/x-compat/fields/request.body/top_logprobs']));
  });

  it('makes one copy per shared component however many claims edit it', () => {
    const { actions, spec } = compile({ 'request.body': { top_logprobs: { status: 'unsupported' }, temperature: { status: 'partial', rules: [{ when: { above: 1 }, effect: 'reject' }] } } });
    expect(actions.filter((a) => a.target === "$['components']['schemas']")).toHaveLength(2);
    expect((schemas(spec).ModelResponseProperties__groq_createChatCompletion.properties as JsonObject).temperature).toEqual({ type: 'number', minimum: 0, maximum: 1 });
    expect((schemas(spec).ModelResponseProperties.properties as JsonObject).temperature).toEqual({ type: 'number', minimum: 0, maximum: 2 });
  });

  it('removes a variant branch and its discriminator mapping', () => {
    const { spec } = compile({ 'request.body': { 'messages[role=developer]': { status: 'unsupported' } } });
    expect(schemas(spec).Message).toEqual({
      oneOf: [{ $ref: '#/components/schemas/SystemMessage' }, { $ref: '#/components/schemas/UserMessage' }],
      discriminator: { propertyName: 'role', mapping: { system: '#/components/schemas/SystemMessage', user: '#/components/schemas/UserMessage' } },
    });
  });

  it('removes a field of every branch (and from required), or of one branch', () => {
    const every = compile({ 'request.body': { 'messages[].name': { status: 'unsupported' } } }).spec;
    for (const name of ['SystemMessage', 'DeveloperMessage', 'UserMessage']) expect(schemas(every)[name].properties).not.toHaveProperty('name');
    expect(schemas(every).UserMessage.required).toEqual(['role']);
    const one = compile({ 'request.body': { 'messages[role=user].name': { status: 'unsupported' } } }).spec;
    expect(schemas(one).UserMessage.properties).not.toHaveProperty('name');
    expect(schemas(one).SystemMessage.properties).toHaveProperty('name');
  });
});

describe('compileClaims: value rules, extensions, responses, scope', () => {
  it.each([
    ['n', { notIn: [1] }, { type: ['integer', 'null'], minimum: 1, maximum: 128, enum: [1] }],
    ['response_format', { in: ['vtt', 'srt'] }, { type: 'string', enum: ['json', 'text'] }],
    ['response_format', { notIn: ['json'] }, { type: 'string', enum: ['json'] }],
    ['response_format', { notIn: ['json', 'on_demand'] }, { type: 'string', enum: ['json', 'on_demand'] }],
    ['n', { above: 4 }, { type: ['integer', 'null'], minimum: 1, maximum: 4 }],
    ['n', { below: 2 }, { type: ['integer', 'null'], minimum: 2, maximum: 128 }],
    ['n', { atLeast: 4 }, { type: ['integer', 'null'], minimum: 1, maximum: 128, exclusiveMaximum: 4 }],
    ['n', { atMost: 0 }, { type: ['integer', 'null'], minimum: 1, maximum: 128, exclusiveMinimum: 0 }],
    ['n', { equals: 3 }, { type: ['integer', 'null'], minimum: 1, maximum: 128, not: { const: 3 } }],
  ] as const)('%s rejecting %j becomes a constraint', (field, when, want) => {
    const { spec, diagnostics } = compile({ 'request.body': { [field]: { status: 'partial', rules: [{ when: when as never, effect: 'reject' }] } } });
    expect(diagnostics).toEqual([]);
    expect(((schemas(spec).CreateChatCompletionRequest.allOf as JsonObject[])[1].properties as JsonObject)[field]).toEqual(want);
  });

  it('marks ignored and deprecated request fields deprecated, in the operation\'s own copy', () => {
    const { spec } = compile({ 'request.body': { temperature: { status: 'ignored' }, n: { status: 'deprecated', replacement: 'choices' } } });
    expect((schemas(spec).ModelResponseProperties__groq_createChatCompletion.properties as JsonObject).temperature).toMatchObject({ deprecated: true });
    expect((schemas(spec).ModelResponseProperties.properties as JsonObject).temperature).not.toHaveProperty('deprecated');
    expect(((schemas(spec).CreateChatCompletionRequest.allOf as JsonObject[])[1].properties as JsonObject).n).toMatchObject({ deprecated: true });
  });

  it('narrows an enum behind a $ref, in the operation\'s own copy of a shared schema', () => {
    const spec = chatSpec();
    schemas(spec).Format = { type: 'string', enum: ['json', 'text', 'srt'] };
    ((schemas(spec).CreateChatCompletionRequest.allOf as JsonObject[])[1].properties as JsonObject).format = { $ref: '#/components/schemas/Format' };
    (schemas(spec).CreateResponse.allOf as JsonObject[])[1].properties = { format: { $ref: '#/components/schemas/Format' } };
    compileClaims(spec, profile('p', [operation(CHAT, { 'request.body': { format: { status: 'partial', rules: [{ when: { notIn: ['json'] }, effect: 'reject' }] } } }), operation(RESPONSES)]), { firstIndex: 0 });
    expect(schemas(spec).Format__p_createChatCompletion.enum).toEqual(['json']);
    expect(schemas(spec).Format.enum).toEqual(['json', 'text', 'srt']);
  });

  it('turns OpenAI\'s deprecated mark off where the provider calls the field supported', () => {
    const spec = chatSpec();
    ((schemas(spec).CreateChatCompletionRequest.allOf as JsonObject[])[1].properties as JsonObject).n = { type: 'integer', deprecated: true };
    compileClaims(spec, profile('p', [operation(CHAT, { 'request.body': { n: { status: 'supported' } } })]), { firstIndex: 0 });
    expect(((schemas(spec).CreateChatCompletionRequest.allOf as JsonObject[])[1].properties as JsonObject).n).toEqual({ type: 'integer', deprecated: false });
  });

  it('leaves clamped, rewritten and ignored values to the docs, checks and mock', () => {
    const { actions } = compile({ 'request.body': { n: { status: 'partial', rules: [{ when: { above: 1 }, effect: 'clamp', to: 1 }, { when: { equals: 0 }, effect: 'rewrite', to: 1 }] } } });
    expect(actions).toEqual([]);
  });

  it('adds an extension schema to the request object nearest to the operation', () => {
    const schema = { type: 'object', properties: { type: { enum: ['enabled', 'disabled'] } } };
    const { spec } = compile({ 'request.body': { thinking: { status: 'extension', schema } } });
    expect(((schemas(spec).CreateChatCompletionRequest.allOf as JsonObject[])[1].properties as JsonObject).thinking).toEqual(schema);
    expect(sites(spec, RESPONSES, 'thinking')).toEqual([]);
  });

  it('adds response-body, stream and header extensions to the chat operation\'s 2xx answer only', () => {
    const spec = chatSpec();
    schemas(spec).ChatChunk = { type: 'object', properties: { choices: { type: 'array', items: { type: 'object', properties: { delta: { type: 'object', properties: { content: { type: 'string' } } } } } } } };
    const ok = ((spec.paths as JsonObject)['/chat/completions'] as { post: { responses: { '200': { content: JsonObject } } } }).post.responses['200'];
    ok.content['text/event-stream'] = { schema: { $ref: '#/components/schemas/ChatChunk' } };
    const model = profile('groq', [
      operation(CHAT, {
        'response.body': { citations: { status: 'extension', schema: { type: 'array', items: { type: 'string' } } } },
        'response.stream': { 'choices[].delta.reasoning_content': { status: 'extension', schema: { type: 'string' } } },
        'response.header': { 'x-ratelimit-limit-requests': { status: 'extension', note: 'Requests per day', schema: { type: 'integer' } } },
      }),
      operation(RESPONSES),
    ]);
    const { diagnostics } = compileClaims(spec, model, { firstIndex: 0 });
    expect(diagnostics).toEqual([]);
    expect(sites(spec, CHAT, 'citations', 'response.body')).toEqual(['/components/schemas/ChatResponse__groq_createChatCompletion/properties/citations']);
    expect(sites(spec, RESPONSES, 'citations', 'response.body')).toEqual([]);
    expect(sites(spec, CHAT, 'choices[].delta.reasoning_content', 'response.stream')).toEqual(['/components/schemas/ChatChunk/properties/choices/items/properties/delta/properties/reasoning_content']);
    expect(ok).toMatchObject({ headers: { 'x-ratelimit-limit-requests': { description: 'Requests per day', schema: { type: 'integer' } } } });
    expect(sites(spec, CHAT, 'X-RateLimit-Limit-Requests', 'response.header')).toEqual(['/paths/~1chat~1completions/post/responses/200/headers/x-ratelimit-limit-requests']);
    expect(claimAgreement(spec, model)).toEqual([]);
  });

  it('adds an extension field only a mode returns (an optional field is right for every mode), and narrows nothing scoped', () => {
    const { spec } = compile({ 'response.body': { reasoning_content: [{ status: 'extension', mode: 'thinking', schema: { type: 'string' } }] }, 'request.body': { top_logprobs: [{ status: 'unsupported', models: ['m1'] }] } });
    expect(sites(spec, CHAT, 'reasoning_content', 'response.body')).toEqual(['/components/schemas/ChatResponse__groq_createChatCompletion/properties/reasoning_content']);
    expect(sites(spec, CHAT, 'top_logprobs')).toHaveLength(3);
  });

  it('warns, and adds nothing, when the spec already declares a response extension', () => {
    const { actions, diagnostics } = compile({ 'response.body': { system_fingerprint: { status: 'extension', schema: { type: 'integer' } } } });
    expect(actions).toEqual([]);
    expect(diagnostics.map((d) => d.code)).toEqual(['compile-extension-declared']);
  });

  it('removes a never-returned response field from that operation only', () => {
    const { spec } = compile({ 'response.body': { system_fingerprint: { status: 'supported', returned: 'never' } } });
    expect(sites(spec, CHAT, 'system_fingerprint', 'response.body')).toEqual([]);
    expect(sites(spec, RESPONSES, 'system_fingerprint', 'response.body')).toEqual(['/components/schemas/ChatResponse/properties/system_fingerprint']);
  });

  it('compiles no claim scoped to models or a mode: one schema serves them all', () => {
    const { actions } = compile({ 'request.body': { top_logprobs: [{ status: 'unsupported', models: ['m1'] }, { status: 'unsupported', mode: 'thinking' }] } });
    expect(actions).toEqual([]);
  });

  it('writes plain actions: replayed by the overlay engine on the uncompiled spec, they give the same document', () => {
    const { spec, actions } = compile({ 'request.body': { top_logprobs: { status: 'unsupported' }, 'messages[role=developer]': { status: 'unsupported' }, n: { status: 'partial', rules: [{ when: { notIn: [1] }, effect: 'reject' }] }, response_format: { status: 'partial', rules: [{ when: { notIn: ['text', 'xml'] }, effect: 'reject' }] } } });
    const replayed = applyOverlay(chatSpec(), JSON.parse(JSON.stringify({ ...OVERLAY_HEADER, actions })), { strict: true });
    expect(replayed.diagnostics).toEqual([]);
    expect(replayed.document).toEqual(spec);
  });
});

describe('claimAgreement', () => {
  const claims = { 'request.body': { top_logprobs: { status: 'unsupported' }, n: { status: 'partial', rules: [{ when: { notIn: [1] }, effect: 'reject' }] }, thinking: { status: 'extension', schema: { type: 'boolean' } } } } as const;

  it('passes on the compiled spec', () => {
    const { spec, model } = compile(claims as never);
    expect(claimAgreement(spec, model)).toEqual([]);
  });

  it('fails on a spec the claims were not compiled into, naming each claim', () => {
    const model = profile('groq', [operation(CHAT, claims as never), operation(RESPONSES)]);
    const problems = claimAgreement(chatSpec(), model);
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^POST \/chat\/completions request\.body: top_logprobs is claimed unsupported but the resolved spec declares it at .*ModelResponseProperties.* \(claim \/paths\/~1chat~1completions\/post\/x-compat\/fields\/request\.body\/top_logprobs\)$/),
      expect.stringMatching(/^POST \/chat\/completions: n is claimed to reject 2 but its schema .* accepts it \(claim .*\/n\)$/),
      expect.stringMatching(/^POST \/chat\/completions: extension thinking has a schema but the resolved spec does not declare it/),
    ]);
    expect(problems[0].location).toEqual({ pointer: '/paths/~1chat~1completions/post/x-compat/fields/request.body/top_logprobs' });
  });
});
