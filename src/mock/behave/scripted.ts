/**
 * A fixture's `reply` (text and/or tool calls) put into the answer the behaviour built, so a
 * scripted answer has the operation's full shape and streams like any other.
 */
import { hashSeed, idFrom, tokensOf } from './text.ts';

type Obj = Record<string, unknown>;

export interface ScriptedReply {
  text?: string;
  toolCalls?: { name: string; arguments?: unknown; id?: string }[];
  /**
   * Answer as if the request had these values (`{ n: 2 }` for a provider that clamps `n`): the
   * built answer follows them; without `text`/`toolCalls` its text stays the generated one.
   */
  as?: Record<string, unknown>;
}

/** Whether a reply scripts the content (text or tool calls), not only the request it answers. */
export const scriptsContent = (reply: ScriptedReply): boolean => reply.text !== undefined || reply.toolCalls !== undefined;

const argumentsText = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value ?? {}));
const callId = (name: string, i: number, given?: string) => given ?? idFrom('call_', hashSeed(name), String(i)).slice(0, 29);

export function scriptChat(body: Obj, reply: ScriptedReply): Obj {
  const calls = (reply.toolCalls ?? []).map((c, i) => ({ id: callId(c.name, i, c.id), type: 'function', function: { name: c.name, arguments: argumentsText(c.arguments) } }));
  const content = reply.text ?? null;
  const choices = ((body.choices ?? []) as Obj[]).map((choice) => ({
    ...choice,
    message: { role: 'assistant', content, refusal: null, ...(calls.length > 0 ? { tool_calls: calls } : {}), annotations: [] },
    logprobs: null,
    finish_reason: calls.length > 0 ? 'tool_calls' : 'stop',
  }));
  return { ...body, choices, usage: recount(body.usage as Obj, content ?? '', choices.length) };
}

export function scriptText(body: Obj, reply: ScriptedReply): Obj {
  const text = reply.text ?? '';
  const choices = ((body.choices ?? []) as Obj[]).map((choice) => ({ ...choice, text, logprobs: null, finish_reason: 'stop' }));
  return { ...body, choices, usage: recount(body.usage as Obj, text, choices.length) };
}

export function scriptResponse(body: Obj, reply: ScriptedReply): Obj {
  const seed = hashSeed(String(body.id));
  const output: Obj[] = [];
  if (reply.text !== undefined) {
    output.push({ id: idFrom('msg_', seed).slice(0, 52), type: 'message', status: 'completed', role: 'assistant', content: [{ type: 'output_text', text: reply.text, annotations: [], logprobs: [] }] });
  }
  (reply.toolCalls ?? []).forEach((c, i) => {
    output.push({ id: idFrom('fc_', seed, String(i)).slice(0, 51), type: 'function_call', status: 'completed', call_id: callId(c.name, i, c.id), name: c.name, arguments: argumentsText(c.arguments) });
  });
  const usage = body.usage as Obj | undefined;
  const outputTokens = tokensOf(reply.text ?? '').length;
  return {
    ...body,
    status: 'completed',
    incomplete_details: null,
    output,
    ...(usage ? { usage: { ...usage, output_tokens: outputTokens, total_tokens: Number(usage.input_tokens ?? 0) + outputTokens } } : {}),
  };
}

function recount(usage: Obj | undefined, text: string, choices: number): Obj | undefined {
  if (!usage) return usage;
  const completion = tokensOf(text).length * choices;
  return { ...usage, completion_tokens: completion, total_tokens: Number(usage.prompt_tokens ?? 0) + completion };
}
