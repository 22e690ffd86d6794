import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { factKey, type ClaimFact, type ProviderFacts } from '../../src/capabilities/claims.ts';
import { evaluate, type CapabilitiesDocument } from '../../src/capabilities/evaluate.ts';
import { loadCapabilities } from '../../src/capabilities/load.ts';
import { parseCapabilities, type Query } from '../../src/capabilities/query.ts';
import { DiagnosticError } from '../../src/diagnostics/diagnostic.ts';
import type { ProfileModel } from '../../src/profile/types.ts';

const chat = 'POST /chat/completions';
const source = { source: 'https://docs.example/compat', verified: '2026-11-01' };

function provider(fields: Record<string, ClaimFact>, offered = true): ProviderFacts {
  const map = new Map(Object.entries(fields).map(([k, v]) => [factKey('request.body', k), v]));
  return { id: 'acme', name: 'Acme', operations: new Map([[chat, { status: 'supported', offered, fields: map, ...source }]]) };
}

const leaf = (q: Partial<Extract<Query, { operation: string }>>): Query => ({ operation: chat, location: 'request.body', fields: [], status: ['supported', 'partial', 'extension', 'deprecated'], ...q });

describe('capability queries', () => {
  it('answers yes, partial, no and unknown from the field status', () => {
    const p = provider({ stream: { status: 'supported', ...source }, tools: { status: 'partial', note: 'functions only' }, logprobs: { status: 'ignored' } });
    expect(evaluate(leaf({ fields: ['stream'] }), p)).toEqual({ value: 'yes', evidence: [{ operation: chat, field: 'stream', status: 'supported', ...source }] });
    expect(evaluate(leaf({ fields: ['tools'] }), p)).toMatchObject({ value: 'partial', note: 'functions only' });
    expect(evaluate(leaf({ fields: ['logprobs'] }), p).value).toBe('no');
    expect(evaluate(leaf({ fields: ['seed'] }), p)).toMatchObject({ value: 'unknown', evidence: [{ field: 'seed', status: 'undocumented' }] });
  });

  it('tries aliases in order, then the default of the location', () => {
    const p = provider({ response_format: { status: 'supported' }, '*': { status: 'ignored', note: 'unknown fields are ignored' } });
    expect(evaluate(leaf({ fields: ['response_format[type=json_schema]', 'response_format'] }), p).evidence[0].field).toBe('response_format');
    expect(evaluate(leaf({ fields: ['seed'] }), p)).toMatchObject({ value: 'no', evidence: [{ field: 'seed (by default)', status: 'ignored' }] });
  });

  it('a claimed alias outweighs one whose status is only the location\'s default', () => {
    const p = provider({ 'response_format.type': { status: 'ignored', byDefault: true }, response_format: { status: 'supported', note: 'fully supported' } });
    expect(evaluate(leaf({ fields: ['response_format[type=json_object]', 'response_format.type', 'response_format'] }), p)).toMatchObject({ value: 'yes', evidence: [{ field: 'response_format' }] });
    const variant = provider({ 'response_format[type=json_schema]': { status: 'unsupported', note: 'text and json_object only' }, response_format: { status: 'supported' } });
    expect(evaluate(leaf({ fields: ['response_format[type=json_schema]', 'response_format'] }), variant)).toMatchObject({ value: 'no', note: 'text and json_object only' });
    const byDefault = provider({ 'response_format.type': { status: 'supported', byDefault: true } });
    expect(evaluate(leaf({ fields: ['response_format[type=json_object]', 'response_format.type', 'response_format'] }), byDefault).evidence[0].field).toBe('response_format.type');
  });

  it('a value rule rejecting or ignoring the value answers no; clamping it, partial', () => {
    const reject = provider({ n: { status: 'partial', rules: [{ when: { notIn: [1] }, effect: 'reject', note: 'must be 1' }] } });
    expect(evaluate(leaf({ fields: ['n'], value: 2 }), reject)).toMatchObject({ value: 'no', note: 'must be 1' });
    expect(evaluate(leaf({ fields: ['n'], value: 1 }), reject).value).toBe('partial');
    const clamp = provider({ temperature: { status: 'supported', rules: [{ when: { above: 1 }, effect: 'clamp', to: 1 }] } });
    expect(evaluate(leaf({ fields: ['temperature'], value: 1.5 }), clamp).value).toBe('partial');
    expect(evaluate(leaf({ fields: ['temperature'], value: 0.5 }), clamp).value).toBe('yes');
  });

  it('an operation not offered answers no; all takes the weakest part, any the strongest', () => {
    expect(evaluate(leaf({}), provider({}, false))).toMatchObject({ value: 'no', evidence: [{ operation: chat, field: '' }] });
    const p = provider({ stream: { status: 'supported' }, tools: { status: 'partial' }, seed: { status: 'unsupported' } });
    const q = (...fields: string[]) => fields.map((f) => leaf({ fields: [f] }));
    expect(evaluate({ all: q('stream', 'tools') }, p).value).toBe('partial');
    expect(evaluate({ all: q('stream', 'logprobs') }, p).value).toBe('unknown');
    expect(evaluate({ all: q('stream', 'seed', 'logprobs') }, p).value).toBe('no');
    expect(evaluate({ any: q('seed', 'tools') }, p).value).toBe('partial');
    expect(evaluate({ any: q('seed', 'logprobs') }, p).evidence.map((e) => e.field)).toEqual(['seed', 'logprobs']);
  });

  it('rejects a malformed definition with its JSON pointer', () => {
    const parse = (doc: unknown) => () => parseCapabilities(doc);
    const pointer = (doc: unknown) => {
      try {
        parseCapabilities(doc);
      } catch (err) {
        return (err as DiagnosticError).diagnostics[0].location?.pointer;
      }
    };
    expect(parse({ capabilities: [{ id: 'x', title: 'X', definition: 'x', query: { operation: 'chat' } }] })).toThrow(DiagnosticError);
    expect(pointer({ capabilities: [{ id: 'x', title: 'X', definition: 'x', query: { all: [{ operation: 'GET /models', status: ['fine'] }] } }] })).toBe('/capabilities/0/query/all/0/status');
    expect(pointer({ capabilities: [{ id: 'x', title: 'X', definition: 'x', query: { operation: 'GET /models' } }, { id: 'x', title: 'Y', definition: 'y', query: { operation: 'GET /models' } }] })).toBe('/capabilities/1/id');
  });
});

describe('spec/capabilities.yaml and generated/capabilities.json', () => {
  const defined = loadCapabilities();
  const doc = JSON.parse(readFileSync('generated/capabilities.json', 'utf8')) as CapabilitiesDocument;

  it('defines the capabilities developers ask about', () => {
    expect(defined.map((c) => c.id)).toEqual(expect.arrayContaining(['streaming', 'stream_usage', 'tools', 'parallel_tool_calls', 'tool_choice_required', 'json_mode', 'json_schema', 'vision', 'audio_input', 'logprobs', 'multiple_choices', 'seed', 'reasoning_effort', 'embeddings', 'responses_api', 'transcription']));
  });

  it('answers every capability for every profile, with evidence', () => {
    expect(doc.capabilities.map((c) => c.id)).toEqual(defined.map((c) => c.id));
    for (const p of doc.providers) {
      expect(Object.keys(p.capabilities)).toEqual(defined.map((c) => c.id));
      for (const answer of Object.values(p.capabilities)) {
        expect(['yes', 'no', 'partial', 'unknown']).toContain(answer.value);
        expect(answer.evidence.length).toBeGreaterThan(0);
        for (const e of answer.evidence) expect(Object.keys(e).sort()).toEqual(['field', 'operation', 'source', 'status', 'verified']);
      }
    }
  });

  it('says what the seed providers\' docs say', () => {
    const value = (id: string, capability: string) => doc.providers.find((p) => p.id === id)?.capabilities[capability].value;
    expect(value('openai', 'json_schema')).toBe('yes');
    expect(value('kluster', 'tools')).toBe('no'); // tools: unsupported
    expect(value('compactifai', 'tools')).toBe('yes');
    expect(value('compactifai', 'transcription')).toBe('partial');
    expect(value('kluster', 'multiple_choices')).toBe('no'); // n: unsupported
    expect(value('oxlo', 'embeddings')).toBe('no'); // not offered
    expect(value('neosantara', 'json_schema')).toBe('no'); // response_format: text, json_object
    expect(value('neosantara', 'json_mode')).toBe('yes');
    expect(value('groq', 'json_schema')).toBe('partial'); // only on supported models
    expect(value('groq', 'json_mode')).toBe('yes');
    expect(value('parallel', 'json_mode')).toBe('yes'); // response_format: fully supported, though other fields are ignored by default
  });

  // The structured-output answers of every profile rest on its response_format claims: a claim on
  // the variant decides, and an unsupported variant is also gone from the compiled request schema.
  const variantStatus: Record<string, string> = { supported: 'yes', partial: 'partial', ignored: 'no', unsupported: 'no' };
  it.each(doc.providers.map((p) => [p.id, p] as const))('%s: json_mode and json_schema follow its response_format variant claims', (id, p) => {
    const profile = JSON.parse(readFileSync(`generated/${id}/profile.json`, 'utf8')) as ProfileModel;
    const chat = profile.operations.find((o) => o.key === 'POST /chat/completions');
    for (const [capability, type] of [['json_mode', 'json_object'], ['json_schema', 'json_schema']] as const) {
      const claims = chat?.fields['request.body']?.[`response_format[type=${type}]`];
      const claim = (Array.isArray(claims) ? claims : claims ? [claims] : []).find((c) => !c.models && !c.mode);
      if (!claim) continue;
      expect(p.capabilities[capability]).toMatchObject({ value: variantStatus[claim.status], evidence: [{ field: `response_format[type=${type}]` }] });
      if (claim.status !== 'unsupported') continue;
      const spec = JSON.stringify(parseYaml(readFileSync(`generated/${id}/openapi.yaml`, 'utf8')).components.schemas.CreateChatCompletionRequest);
      expect(spec).not.toContain(`"${type}":"#/components/schemas/`);
    }
  });
});
