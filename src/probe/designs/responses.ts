/** Designs for `POST /responses`: the chat designs' ideas on `input`, output items and `status`. */
import { COUNTING } from './chat.ts';
import { chunks, quote, streamed } from './read.ts';
import type { Body, DesignContext, DesignFactory, Observed } from './types.ts';

type Obj = Record<string, unknown>;
const WEATHER = 'What is the weather in Paris? Use the get_weather tool.';
const BOTH = 'What are the weather and the local time in Paris? Call get_weather and get_time, both at once.';
const COLOUR = 'Name one colour.';
const LIMIT = 16; // the smallest max_output_tokens OpenAI accepts

const tool = (name: string, property: string) => ({ type: 'function', name, strict: false, description: `Returns the ${property} of a city`, parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } });
const TOOLS = [tool('get_weather', 'weather'), tool('get_time', 'local time')];

export const responsesBody = (ctx: DesignContext, input: string, extra: Body = {}): Body => ({ model: ctx.model, input, ...extra });

const response = (o: Observed | undefined): Obj => (o?.json && typeof o.json === 'object' && !Array.isArray(o.json) ? (o.json as Obj) : {});
const items = (o: Observed | undefined): Obj[] => (Array.isArray(response(o).output) ? (response(o).output as Obj[]) : []);
const calls = (o: Observed | undefined): string[] => items(o).filter((i) => i.type === 'function_call').map((i) => String(i.name));
function outputText(o: Observed | undefined): string | undefined {
  const parts = items(o).flatMap((i) => (i.type === 'message' && Array.isArray(i.content) ? (i.content as Obj[]) : []));
  const texts = parts.filter((p) => p.type === 'output_text' && typeof p.text === 'string').map((p) => p.text as string);
  return texts.length ? texts.join('') : undefined;
}
const outputTokens = (o: Observed | undefined) => (response(o).usage as { output_tokens?: number } | undefined)?.output_tokens;

const maxOutputTokens: DesignFactory = (ctx) => ({
  steps: [
    { role: 'control', body: () => responsesBody(ctx, COUNTING) },
    { role: 'treatment', body: () => responsesBody(ctx, COUNTING, { max_output_tokens: LIMIT }) },
  ],
  judge: ([control, treatment]) => {
    const [before, after] = [outputTokens(control) ?? 0, outputTokens(treatment) ?? 0];
    const reason = (response(treatment).incomplete_details as { reason?: string } | null | undefined)?.reason;
    const line = `control ${response(control).status} (${before} tokens), max_output_tokens: ${LIMIT} → ${response(treatment).status}${reason ? ` (${reason})` : ''}, ${after} tokens`;
    if (before <= LIMIT) return { verdict: 'inconclusive', reason: `the control answer was not longer than ${LIMIT} tokens: ${line}` };
    if (response(treatment).status === 'incomplete' && after <= LIMIT) return { verdict: 'honoured', reason: line, excerpt: `status: incomplete, reason: ${reason}` };
    if (after < before) return { verdict: 'transformed', reason: `cut, but not at ${LIMIT}: ${line}` };
    return { verdict: 'ignored', reason: line, excerpt: `status: ${response(treatment).status}` };
  },
});

const SCHEMA = { type: 'object', properties: { colour: { type: 'string' } }, required: ['colour'], additionalProperties: false };
const text: DesignFactory = (ctx) => ({
  steps: [
    { role: 'control', body: () => responsesBody(ctx, COLOUR) },
    { role: 'treatment', body: () => responsesBody(ctx, COLOUR, { text: { format: { type: 'json_schema', name: 'colour', strict: true, schema: SCHEMA } } }) },
  ],
  judge: ([control, treatment]) => {
    const parse = (s: string | undefined) => {
      try {
        return s === undefined ? undefined : (JSON.parse(s) as unknown);
      } catch {
        return undefined;
      }
    };
    if (typeof (parse(outputText(control)) as Obj | undefined)?.colour === 'string') return { verdict: 'inconclusive', reason: 'the control already answered the JSON asked for' };
    const value = parse(outputText(treatment)) as Obj | undefined;
    const valid = !!value && typeof value === 'object' && typeof value.colour === 'string' && Object.keys(value).length === 1;
    if (valid) return { verdict: 'honoured', reason: 'text.format json_schema → a value valid against the schema', excerpt: quote(outputText(treatment)) };
    return value && typeof value === 'object'
      ? { verdict: 'transformed', reason: 'JSON, but not valid against the schema', excerpt: quote(outputText(treatment)) }
      : { verdict: 'ignored', reason: 'text.format json_schema → not JSON', excerpt: quote(outputText(treatment)) };
  },
});

const tools: DesignFactory = (ctx) => ({
  steps: [
    { role: 'control', body: () => responsesBody(ctx, WEATHER) },
    { role: 'treatment', body: () => responsesBody(ctx, WEATHER, { tools: [TOOLS[0]] }) },
  ],
  judge: ([control, treatment]) => {
    if (calls(control).length) return { verdict: 'inconclusive', reason: 'the control (no tools) answered a function call' };
    return calls(treatment).includes('get_weather') ? { verdict: 'honoured', reason: `function_call ${calls(treatment).join(', ')}` } : { verdict: 'ignored', reason: 'no function_call with tools given', excerpt: quote(outputText(treatment)) };
  },
});

const toolChoice: DesignFactory = (ctx) => ({
  steps: [
    { role: 'control', body: () => responsesBody(ctx, WEATHER, { tools: [TOOLS[0]] }) },
    { role: 'treatment', body: () => responsesBody(ctx, WEATHER, { tools: TOOLS, tool_choice: { type: 'function', name: 'get_time' } }) },
    { role: 'treatment-2', body: () => responsesBody(ctx, WEATHER, { tools: [TOOLS[0]], tool_choice: 'none' }) },
  ],
  judge: ([control, forced, none]) => {
    if (!calls(control).length) return { verdict: 'inconclusive', reason: 'the control (tools, no tool_choice) answered no function call' };
    const line = `forced get_time → ${calls(forced).join(', ') || 'no call'}; none → ${calls(none).length} calls`;
    if (calls(forced).length > 0 && calls(forced).every((n) => n === 'get_time') && !calls(none).length) return { verdict: 'honoured', reason: line };
    if (!calls(forced).includes('get_time') && calls(none).length) return { verdict: 'ignored', reason: line };
    return { verdict: 'transformed', reason: `only partly: ${line}` };
  },
});

const parallelToolCalls: DesignFactory = (ctx) => ({
  steps: [
    { role: 'control', body: () => responsesBody(ctx, BOTH, { tools: TOOLS }) },
    { role: 'treatment', body: () => responsesBody(ctx, BOTH, { tools: TOOLS, parallel_tool_calls: false }) },
  ],
  judge: ([control, treatment]) => {
    const line = `function calls: control ${calls(control).length}, parallel_tool_calls: false → ${calls(treatment).length}`;
    if (calls(control).length < 2) return { verdict: 'inconclusive', reason: `the control did not call two tools at once: ${line}` };
    return calls(treatment).length === 1 ? { verdict: 'honoured', reason: line } : { verdict: 'ignored', reason: line };
  },
});

const stream: DesignFactory = (ctx) => ({
  stream: true,
  steps: [
    { role: 'control', body: () => responsesBody(ctx, 'Say hello.') },
    { role: 'treatment', body: () => responsesBody(ctx, 'Say hello.', { stream: true }) },
  ],
  judge: ([control, treatment]) => {
    if (streamed(control)) return { verdict: 'inconclusive', reason: 'the control (no stream) was already streamed' };
    const types = chunks(treatment).map((e) => String(e.type));
    return streamed(treatment) && types.length
      ? { verdict: 'honoured', reason: `text/event-stream of ${types.length} events`, excerpt: `${types[0]} … ${types.at(-1)}` }
      : { verdict: 'ignored', reason: 'not answered with an event stream' };
  },
});

export const responsesDesigns: Record<string, DesignFactory> = {
  max_output_tokens: maxOutputTokens,
  text,
  tools,
  tool_choice: toolChoice,
  parallel_tool_calls: parallelToolCalls,
  stream,
};
