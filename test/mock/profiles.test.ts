/** Answers follow the request on every seed profile, as the profile's claims say (official SDK as client). */
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fieldStatus } from '../../src/mock/behave/claims.ts';
import type { OperationModel } from '../../src/mock/model.ts';
import { sample } from '../../src/mock/sample.ts';
import { startMock, type RunningMock } from '../../src/mock/start.ts';
import { generatedSpec, PROFILES } from './helpers.ts';
import { chatBody, client, sdkContext, type SdkContext } from './sdk-checks.ts';

const withChat = PROFILES.filter((p) => sdkContext('', generatedSpec(p), p).model.operations.some((o) => o.key === 'POST /chat/completions'));

describe.each(withChat)('chat completions on %s follow the request', (profile) => {
  let mock: RunningMock;
  let ctx: SdkContext;
  let op: OperationModel;
  const requestFields = () => {
    const spec = ctx.spec as any;
    const schema = spec.paths?.['/chat/completions']?.post?.requestBody?.content?.['application/json']?.schema;
    const props: Record<string, unknown> = {};
    const visit = (s: any) => {
      const r = s?.$ref ? spec.components?.schemas?.[s.$ref.split('/').pop()] : s;
      Object.assign(props, r?.properties ?? {});
      (r?.allOf ?? []).forEach(visit);
    };
    visit(schema);
    return props;
  };

  beforeAll(async () => {
    mock = await startMock({ provider: profile });
    ctx = sdkContext(mock.url, generatedSpec(profile), profile);
    op = ctx.model.operations.find((o) => o.key === 'POST /chat/completions') as OperationModel;
  });
  afterAll(() => mock?.close());

  it('echoes the model and counts usage', async () => {
    const reply = await client(ctx).chat.completions.create({ ...chatBody, model: `${profile}-model` });
    expect(reply.model).toBe(`${profile}-model`);
    expect(reply.usage?.total_tokens).toBe((reply.usage?.prompt_tokens ?? 0) + (reply.usage?.completion_tokens ?? 0));
  });

  it('cuts at max_tokens where the profile honours it (400 where unsupported)', async () => {
    const status = fieldStatus(op, 'max_tokens');
    const reply = await client(ctx)
      .chat.completions.create({ ...chatBody, max_tokens: 2 })
      .then((r) => r.choices[0].finish_reason, (e: InstanceType<typeof OpenAI.BadRequestError>) => `400 ${e.param}`);
    expect(reply).toBe(status === 'unsupported' ? '400 max_tokens' : status === 'ignored' ? 'stop' : 'length');
  });

  it('calls a forced tool where the profile takes tools', async () => {
    const status = fieldStatus(op, 'tools');
    const tool = { type: 'function' as const, function: { name: 'lookup', parameters: { type: 'object', properties: { q: { type: 'string' } }, required: ['q'] } } };
    const request = client(ctx).chat.completions.create({ ...chatBody, tools: [tool], tool_choice: 'required' });
    // A provider that takes tools but not tool_choice (Ollama) rejects the forcing field.
    const rejected = status === 'unsupported' ? /^tool/ : fieldStatus(op, 'tool_choice') === 'unsupported' ? /^tool_choice$/ : undefined;
    if (rejected) {
      expect(((await request.catch((e: unknown) => e)) as InstanceType<typeof OpenAI.BadRequestError>).param).toMatch(rejected);
      return;
    }
    const reply = await request;
    const call = reply.choices[0].message.tool_calls?.[0] as OpenAI.ChatCompletionMessageFunctionToolCall | undefined;
    expect(status === 'ignored' ? call : typeof JSON.parse(call?.function.arguments ?? '').q).toBe(status === 'ignored' ? undefined : 'string');
  });

  it('answers the same whatever the value of a field it marks ignored', async () => {
    const fields = requestFields();
    const ignored = Object.keys(op.claims['request.body'] ?? {}).filter((f) => fieldStatus(op, f) === 'ignored' && f in fields && !['stream', 'stream_options'].includes(f));
    const base = await client(ctx).chat.completions.create(chatBody);
    for (const field of ignored) {
      const value = sample(ctx.spec, fields[field], { mode: 'request' });
      if (value === null) continue;
      const reply = await client(ctx).chat.completions.create({ ...chatBody, [field]: value } as never);
      expect(reply.choices.map((c) => c.message.content), field).toEqual(base.choices.map((c) => c.message.content));
    }
  });
});
