/**
 * Streams of typed events other than chat and Responses: transcriptions (`transcript.text.*`),
 * speech with `stream_format: "sse"` (`speech.audio.*`) and image generation/edit partial images.
 * Each event is sampled from its branch of the operation's event schema (so provider schemas
 * keep their shape) with the fields that carry the answer filled in.
 */
import type { OpenAPIDocument } from '../../build/types.ts';
import { refTarget, type OperationModel, type Schema } from '../model.ts';
import { sample } from '../sample.ts';
import { jsonEvent, splitContent, type SseEvent } from './sse.ts';

type Obj = Record<string, unknown>;

/** A 1x1 transparent PNG: partial and final images decode as real images. */
export const TINY_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

const branchCache = new WeakMap<OperationModel, Map<string, Schema>>();

/** Branches of an event union, by their `type` constant. */
function eventBranches(spec: OpenAPIDocument, op: OperationModel): Map<string, Schema> {
  let out = branchCache.get(op);
  if (out) return out;
  out = new Map();
  const found = out;
  const visit = (s: Schema | undefined, depth: number): void => {
    if (!s || depth > 6) return;
    const resolved = typeof s.$ref === 'string' ? (refTarget(spec, s.$ref) as Schema) : s;
    const union = (resolved?.oneOf ?? resolved?.anyOf) as Schema[] | undefined;
    if (union) return union.forEach((b) => visit(b, depth + 1));
    const typeProp = (resolved?.properties as Record<string, Schema> | undefined)?.type;
    const t = typeProp && (typeProp.const ?? (Array.isArray(typeProp.enum) && typeProp.enum.length === 1 ? typeProp.enum[0] : undefined));
    if (typeof t === 'string' && !found.has(t)) found.set(t, s);
  };
  visit(op.response.eventSchema, 0);
  branchCache.set(op, out);
  return out;
}

function maker(spec: OpenAPIDocument, op: OperationModel) {
  const branches = eventBranches(spec, op);
  return (type: string, fill: Obj): SseEvent => {
    const branch = branches.get(type);
    const value = (branch ? sample(spec, branch, { mode: 'response' }) : { type }) as Obj;
    return jsonEvent({ ...value, ...fill, type }, type);
  };
}

export function transcriptionEvents(spec: OpenAPIDocument, op: OperationModel, text: string, usage: Obj): SseEvent[] {
  const make = maker(spec, op);
  return [...splitContent(text).map((delta) => make('transcript.text.delta', { delta })), make('transcript.text.done', { text, usage })];
}

export function speechEvents(spec: OpenAPIDocument, op: OperationModel, audio: Buffer, usage: Obj): SseEvent[] {
  const make = maker(spec, op);
  const half = Math.ceil(audio.length / 2);
  return [make('speech.audio.delta', { audio: audio.subarray(0, half).toString('base64') }), make('speech.audio.delta', { audio: audio.subarray(half).toString('base64') }), make('speech.audio.done', { usage })];
}

/** `partial_images` partial events (0-3), then the completed image, for generations and edits. */
export function imageEvents(spec: OpenAPIDocument, op: OperationModel, request: Obj): SseEvent[] {
  const make = maker(spec, op);
  const prefix = op.path.endsWith('/edits') ? 'image_edit' : 'image_generation';
  const partials = typeof request.partial_images === 'number' ? Math.max(0, Math.min(3, Math.floor(request.partial_images))) : Number(request.partial_images) || 0;
  const common = {
    b64_json: TINY_PNG,
    created_at: Math.floor(Date.now() / 1000),
    ...(typeof request.size === 'string' ? { size: request.size } : {}),
    ...(typeof request.quality === 'string' ? { quality: request.quality } : {}),
    ...(typeof request.background === 'string' ? { background: request.background } : {}),
    ...(typeof request.output_format === 'string' ? { output_format: request.output_format } : {}),
  };
  const events: SseEvent[] = [];
  for (let i = 0; i < Math.min(partials, 3); i++) events.push(make(`${prefix}.partial_image`, { ...common, partial_image_index: i }));
  events.push(make(`${prefix}.completed`, common));
  return events;
}
