/**
 * Claims scoped to models and modes apply per request (official SDK as client): a small fixture
 * profile with model-, mode- and model+mode-scoped claims, and DeepSeek's thinking mode.
 */
import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import type { OpenAPIDocument } from '../../src/build/types.ts';
import { buildMockModel, type OperationModel } from '../../src/mock/model.ts';
import { claimFor, modeOf, requestScope } from '../../src/mock/scope.ts';
import { fixtureSpec, generatedSpec, openaiMock } from './helpers.ts';

/** Acme's chat operation with scoped claims; `speed` selects a mode, `careful` is the default. */
function scopedSpec(): OpenAPIDocument {
  const spec = fixtureSpec() as any;
  spec['x-compat'].modes = [
    { id: 'fast', title: 'Fast', how: 'speed: fast', select: [{ speed: 'fast' }] },
    { id: 'careful', title: 'Careful', how: 'speed: careful, or nothing', select: [{ speed: 'careful' }], default: true },
  ];
  const request = spec.components.schemas.ChatRequest.properties;
  request.n = { type: 'integer', minimum: 1 };
  request.speed = { enum: ['fast', 'careful'] };
  const post = spec.paths['/chat/completions'].post;
  post['x-compat'].fields['request.body'] = {
    ...post['x-compat'].fields['request.body'],
    speed: { status: 'extension', schema: { enum: ['fast', 'careful'] } },
    n: [
      { status: 'supported' },
      { status: 'partial', models: ['acme-2'], rules: [{ when: { above: 2 }, effect: 'clamp', to: 2 }] },
      { status: 'partial', models: ['acme-2'], mode: 'fast', rules: [{ when: { above: 1 }, effect: 'clamp', to: 1 }] },
    ],
    max_tokens: [{ status: 'supported' }, { status: 'unsupported', models: ['acme-2'], note: 'acme-2 decides its own length.' }],
    stop: [{ status: 'supported' }, { status: 'ignored', mode: 'fast' }],
    temperature: [{ status: 'supported' }, { status: 'partial', mode: 'careful', rules: [{ when: { above: 1 }, effect: 'reject' }] }],
  };
  return spec;
}

describe('scoped claims in the mock model', () => {
  const model = buildMockModel(scopedSpec(), 'acme');
  const op = model.operations.find((o) => o.key === 'POST /chat/completions') as OperationModel;

  it('keeps modes with their selectors and precomputes scoped claims per operation', () => {
    expect(model.modes?.map((m) => [m.id, m.default ?? false])).toEqual([['fast', false], ['careful', true]]);
    expect(Object.keys(op.scoped?.['request.body'] ?? {}).sort()).toEqual(['max_tokens', 'n', 'stop', 'temperature']);
    expect(op.claims['request.body']?.n.status).toBe('supported');
  });

  it('tells the mode from the body, else the default mode', () => {
    expect(modeOf(model.modes ?? [], { speed: 'fast' })).toBe('fast');
    expect(modeOf(model.modes ?? [], {})).toBe('careful');
    expect(requestScope(model, op, { model: 'acme-2', speed: 'fast' })).toEqual({ model: 'acme-2', mode: 'fast' });
  });

  it('picks the claim naming model and mode, then one naming either, then the unscoped one', () => {
    const n = (scope: object) => claimFor(op, 'request.body', 'n', scope)?.rules?.[0]?.to;
    expect(n({ model: 'acme-2', mode: 'fast' })).toBe(1);
    expect(n({ model: 'acme-2', mode: 'careful' })).toBe(2);
    expect(claimFor(op, 'request.body', 'n', { model: 'acme-1', mode: 'fast' })?.status).toBe('supported');
  });
});

describe('scoped claims with the official SDK', () => {
  const env = openaiMock({ provider: 'acme', spec: scopedSpec() });
  const ask = (body: Record<string, unknown>) =>
    env.client.chat.completions.create({ model: 'acme-1', messages: [{ role: 'user', content: 'Say something long enough to cut' }], ...body } as never) as Promise<OpenAI.ChatCompletion>;
  const param = (body: Record<string, unknown>) => ask(body).then(() => 'ok', (e: InstanceType<typeof OpenAI.BadRequestError>) => `${e.status} ${e.param}`);


  it('applies a model-scoped clamp to that model only (n=3 gives 2 choices on acme-2)', async () => {
    expect((await ask({ model: 'acme-1', n: 3 })).choices).toHaveLength(3);
    expect((await ask({ model: 'acme-2', n: 3 })).choices).toHaveLength(2);
  });

  it('applies the claim scoped to both model and mode over the model-scoped one', async () => {
    expect((await ask({ model: 'acme-2', n: 3, speed: 'fast' })).choices).toHaveLength(1);
  });

  it('rejects a field only for the model whose claim marks it unsupported', async () => {
    expect(await param({ model: 'acme-1', max_tokens: 2 })).toBe('ok');
    const error = await ask({ model: 'acme-2', max_tokens: 2 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect((error as InstanceType<typeof OpenAI.BadRequestError>).param).toBe('max_tokens');
    expect((error as Error).message).toContain('acme-2 decides its own length.');
  });

  it('ignores a field in the mode that ignores it, and honours it otherwise', async () => {
    const base = await ask({ speed: 'fast' });
    const stopAt = base.choices[0].message.content?.split(' ')[2] as string;
    expect((await ask({ speed: 'fast', stop: stopAt })).choices[0].message.content).toBe(base.choices[0].message.content);
    const careful = await ask({ speed: 'careful' });
    const carefulStop = careful.choices[0].message.content?.split(' ')[2] as string;
    expect((await ask({ stop: carefulStop })).choices[0].message.content).not.toContain(carefulStop);
  });

  it('applies the default mode when the request selects none (a reject rule scoped to it)', async () => {
    expect(await param({ temperature: 1.5 })).toBe('400 temperature');
    expect(await param({ temperature: 1.5, speed: 'careful' })).toBe('400 temperature');
    expect(await param({ temperature: 1.5, speed: 'fast' })).toBe('ok');
  });
});

describe("DeepSeek's thinking mode (on by default) with the official SDK", () => {
  const env = openaiMock({ provider: 'deepseek' });
  const chat = (extra: Record<string, unknown>) =>
    env.client.chat.completions.create({ model: 'deepseek-flash', messages: [{ role: 'user', content: 'Hello' }], logprobs: true, ...extra } as never) as Promise<OpenAI.ChatCompletion>;


  it('declares how a request selects each mode', () => {
    const model = buildMockModel(generatedSpec('deepseek'), 'deepseek');
    expect(model.modes).toEqual([
      { id: 'thinking', select: [{ thinking: { type: 'enabled' } }], default: true },
      { id: 'non-thinking', select: [{ thinking: { type: 'disabled' } }] },
    ]);
  });

  it('rejects logprobs in thinking mode, by default and when enabled', async () => {
    for (const extra of [{}, { thinking: { type: 'enabled' } }]) {
      const error = await chat(extra).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(OpenAI.BadRequestError);
      expect((error as InstanceType<typeof OpenAI.BadRequestError>).param).toBe('logprobs');
    }
  });

  it('returns logprobs in non-thinking mode', async () => {
    const reply = await chat({ thinking: { type: 'disabled' } });
    expect(reply.choices[0].logprobs?.content?.length).toBeGreaterThan(0);
  });

  it('answers reasoning_content in thinking mode only, as the mode-scoped claim says', async () => {
    const ask = (extra: Record<string, unknown>) =>
      env.client.chat.completions.create({ model: 'deepseek-flash', messages: [{ role: 'user', content: 'Hello' }], ...extra } as never) as Promise<OpenAI.ChatCompletion>;
    const reasoning = (reply: OpenAI.ChatCompletion) => (reply.choices[0].message as unknown as { reasoning_content?: unknown }).reasoning_content;
    for (const extra of [{}, { thinking: { type: 'enabled' } }]) {
      const reply = await ask(extra);
      expect(typeof reasoning(reply)).toBe('string');
      expect(reasoning(reply)).not.toBe('');
      expect(reasoning(reply)).not.toBe(reply.choices[0].message.content);
    }
    expect(reasoning(await ask({ thinking: { type: 'disabled' } }))).toBeUndefined();
  });

  it('streams reasoning_content deltas before the content in thinking mode', async () => {
    const stream = await env.client.chat.completions.create({ model: 'deepseek-flash', messages: [{ role: 'user', content: 'Hello' }], stream: true });
    const order: string[] = [];
    let reasoning = '';
    for await (const chunk of stream) {
      const delta = (chunk.choices[0]?.delta ?? {}) as { reasoning_content?: string; content?: string | null };
      if (delta.reasoning_content) (reasoning += delta.reasoning_content), order.push('reasoning');
      if (delta.content) order.push('content');
    }
    expect(reasoning.length).toBeGreaterThan(0);
    expect(order.indexOf('content')).toBeGreaterThan(order.lastIndexOf('reasoning'));
  });
});

describe('answer fields scoped to a model (xAI grok-3-mini reasoning_content)', () => {
  const env = openaiMock({ provider: 'xai' });

  it('come for the models the claim names, not for others', async () => {
    const reasoning = async (model: string) => {
      const reply = await env.client.chat.completions.create({ model, messages: [{ role: 'user', content: 'Hello' }] });
      return (reply.choices[0].message as unknown as { reasoning_content?: unknown }).reasoning_content;
    };
    expect(typeof (await reasoning('grok-3-mini'))).toBe('string');
    expect(await reasoning('grok-4')).toBeUndefined();
  });
});
