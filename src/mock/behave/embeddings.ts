/**
 * `POST /embeddings`: one embedding per input (a string, a token array, or a list of either),
 * `dimensions` long, as floats or as base64 of little-endian float32 (`encoding_format`), the
 * same vector for the same text and model; usage counts the input.
 */
import { hashSeed, promptTokens, random } from './text.ts';

type Obj = Record<string, unknown>;

/** Without `dimensions`: short vectors, enough for similarity code under test. */
export const DEFAULT_DIMENSIONS = 16;

/** The inputs one request embeds: a token array is one input, a list of strings or token arrays several. */
function inputsOf(input: unknown): unknown[] {
  if (!Array.isArray(input)) return [input];
  if (input.length > 0 && input.every((item) => typeof item === 'number')) return [input];
  return input;
}

function vector(model: unknown, input: unknown, dimensions: number): number[] {
  const next = random(hashSeed(JSON.stringify([model ?? null, input])));
  const raw = Array.from({ length: dimensions }, () => next() * 2 - 1);
  const norm = Math.hypot(...raw) || 1;
  return raw.map((x) => Math.fround(x / norm));
}

export function embeddings(request: Obj, template: Obj): Obj {
  const dimensions = typeof request.dimensions === 'number' && Number.isInteger(request.dimensions) && request.dimensions > 0 ? Math.min(request.dimensions, 8192) : DEFAULT_DIMENSIONS;
  const base64 = request.encoding_format === 'base64';
  const item = ((template.data as Obj[] | undefined)?.[0] ?? { object: 'embedding' }) as Obj;
  const data = inputsOf(request.input).map((input, index) => {
    const values = vector(request.model, input, dimensions);
    return { ...item, index, embedding: base64 ? Buffer.from(new Float32Array(values).buffer).toString('base64') : values };
  });
  const tokens = promptTokens(request.input) - 3;
  return { ...template, object: 'list', data, model: request.model ?? template.model, usage: { prompt_tokens: tokens, total_tokens: tokens } };
}
