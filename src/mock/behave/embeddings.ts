/**
 * `POST /embeddings`: one vector per input, `dimensions` long (16 by default: small answers, and
 * still a vector), unit length, derived from the input text; `encoding_format: base64` answers each
 * vector as little-endian float32 bytes in base64, as OpenAI does.
 */
import { hashSeed, promptTokens, random } from './text.ts';

type Obj = Record<string, unknown>;
export const DEFAULT_DIMENSIONS = 16;

function vector(text: string, size: number): number[] {
  const next = random(hashSeed(text));
  const raw = Array.from({ length: size }, () => next() * 2 - 1);
  const norm = Math.hypot(...raw) || 1;
  return raw.map((x) => Math.fround(x / norm));
}

export function embeddingList(request: Obj, template: Obj): Obj {
  const input = request.input;
  // A list of token ids is one input; a list of strings (or of token lists) is one input each.
  const inputs = Array.isArray(input) && input.length > 0 && typeof input[0] !== 'number' ? input : [input];
  const size = typeof request.dimensions === 'number' && Number.isInteger(request.dimensions) && request.dimensions > 0 ? Math.min(request.dimensions, 4096) : DEFAULT_DIMENSIONS;
  const data = inputs.map((item, index) => {
    const values = vector(JSON.stringify([request.model ?? null, item]), size);
    const embedding = request.encoding_format === 'base64' ? Buffer.from(new Float32Array(values).buffer).toString('base64') : values;
    return { object: 'embedding', index, embedding };
  });
  const tokens = promptTokens(input) - 3;
  return { ...template, object: 'list', data, model: typeof request.model === 'string' ? request.model : template.model, usage: { prompt_tokens: tokens, total_tokens: tokens } };
}
