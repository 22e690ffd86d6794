/** Embeddings follow the request: one vector per input, `dimensions` long, base64 when asked (official SDK as client). */
import { describe, expect, it } from 'vitest';
import { DEFAULT_DIMENSIONS } from '../../src/mock/behave/embeddings.ts';
import { openaiMock } from './helpers.ts';

const env = openaiMock();

describe('POST /embeddings on the native mock', () => {
  it('answers one unit vector per input, the same for the same input', async () => {
    const { data, usage } = await env.client.embeddings.create({ model: 'text-embedding-3-small', input: ['one cat', 'two dogs', 'one cat'], encoding_format: 'float' });
    expect(data.map((d) => [d.index, d.embedding.length])).toEqual([0, 1, 2].map((i) => [i, DEFAULT_DIMENSIONS]));
    expect(Math.hypot(...data[0].embedding)).toBeCloseTo(1, 5);
    expect(data[2].embedding).toEqual(data[0].embedding);
    expect(data[1].embedding).not.toEqual(data[0].embedding);
    expect(usage.prompt_tokens).toBe(6);
  });

  it('cuts the vector to dimensions', async () => {
    const { data } = await env.client.embeddings.create({ model: 'text-embedding-3-small', input: 'a cat', dimensions: 8, encoding_format: 'float' });
    expect(data[0].embedding).toHaveLength(8);
  });

  it('answers base64 float32 when asked (what the SDK asks by default, and decodes)', async () => {
    const raw = await fetch(`${env.mock.url}/embeddings`, { method: 'POST', headers: { authorization: 'Bearer test', 'content-type': 'application/json' }, body: JSON.stringify({ model: 'm', input: 'a cat', encoding_format: 'base64' }) }).then((r) => r.json());
    expect(typeof raw.data[0].embedding).toBe('string');
    const floats = await env.client.embeddings.create({ model: 'm', input: 'a cat', encoding_format: 'float' });
    const decoded = await env.client.embeddings.create({ model: 'm', input: 'a cat' });
    expect(decoded.data[0].embedding).toEqual(floats.data[0].embedding);
    expect(Buffer.from(raw.data[0].embedding, 'base64').length).toBe(4 * DEFAULT_DIMENSIONS);
  });
});
