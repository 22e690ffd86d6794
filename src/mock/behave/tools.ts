/**
 * Tool calls a request asks for: which function tools get called (forced by `tool_choice`
 * required or named, several when parallel calls are allowed), with `arguments` sampled from each
 * tool's `parameters` schema so they validate. A conversation whose last message is a tool result
 * gets text instead, so an agent loop ends.
 */
import type { OpenAPIDocument } from '../../build/types.ts';
import { sample } from '../sample.ts';
import { idFrom } from './text.ts';

export interface FunctionTool {
  name: string;
  parameters?: Record<string, unknown>;
}

export interface PlannedCall {
  id: string;
  name: string;
  arguments: string;
}

type Obj = Record<string, unknown>;

/** Function tools of a chat (`{type, function: {...}}`) or Responses (`{type, name, ...}`) request. */
export function functionTools(tools: unknown): FunctionTool[] {
  if (!Array.isArray(tools)) return [];
  const out: FunctionTool[] = [];
  for (const t of tools as Obj[]) {
    if (!t || t.type !== 'function') continue;
    const fn = (t.function && typeof t.function === 'object' ? t.function : t) as Obj;
    if (typeof fn.name === 'string') out.push({ name: fn.name, ...(fn.parameters && typeof fn.parameters === 'object' ? { parameters: fn.parameters as Obj } : {}) });
  }
  return out;
}

/** The named function of `tool_choice` in either API's shape, if one is named. */
function namedChoice(choice: unknown): string | undefined {
  if (!choice || typeof choice !== 'object') return undefined;
  const c = choice as Obj;
  if (c.function && typeof (c.function as Obj).name === 'string') return (c.function as Obj).name as string;
  return typeof c.name === 'string' && c.type === 'function' ? c.name : undefined;
}

export interface ToolRequest {
  tools: unknown;
  toolChoice: unknown;
  parallel: boolean;
  /** The last conversation entry is a tool result (chat `role: tool`, Responses `function_call_output`). */
  afterToolResult: boolean;
  seed: number;
}

/** The calls to make, or an empty list for a text answer. */
export function planCalls(request: ToolRequest): PlannedCall[] {
  const tools = functionTools(request.tools);
  if (tools.length === 0 || request.toolChoice === 'none') return [];
  const named = namedChoice(request.toolChoice);
  const forced = request.toolChoice === 'required' || named !== undefined;
  if (!forced && request.afterToolResult) return [];
  const chosen = named ? tools.filter((t) => t.name === named) : request.parallel ? tools.slice(0, 3) : tools.slice(0, 1);
  return chosen.map((tool, i) => ({ id: idFrom('call_', request.seed, `${tool.name}:${i}`).slice(0, 29), name: tool.name, arguments: JSON.stringify(argumentsFor(tool.parameters)) }));
}

/** A value valid against a JSON Schema given in a request (its own `$defs` resolve against it). */
export function sampleFromRequestSchema(schema: Record<string, unknown> | undefined): unknown {
  if (!schema || Object.keys(schema).length === 0) return {};
  return sample(schema as OpenAPIDocument, schema, { mode: 'request', optionalDepth: 1 });
}

function argumentsFor(parameters: Record<string, unknown> | undefined): unknown {
  const value = sampleFromRequestSchema(parameters);
  return value && typeof value === 'object' ? value : {};
}
