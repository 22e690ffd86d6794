/**
 * Answer fields that claims scoped to the request's model or mode add: DeepSeek's
 * `reasoning_content` in thinking mode, xAI's for grok-3-mini. An unscoped extension claim often
 * depends on a request field the claim only describes in prose ("when include_reasoning is true"),
 * so only scoped ones are added: their scope says when.
 */
import type { OpenAPIDocument } from '../../build/types.ts';
import { scopedClaimFor } from '../../profile/select.ts';
import { deref, type Json, type OperationModel, type Schema } from '../model.ts';
import type { RequestScope } from '../scope.ts';
import { sample } from '../sample.ts';
import { sentence } from './text.ts';

const MESSAGE = 'choices[].message.';

/** The message fields scoped extension claims add for this request, each with a value of its schema. */
export function scopedMessageFields(spec: OpenAPIDocument, op: OperationModel, scope: RequestScope | undefined, seed: number): Record<string, Json> {
  const scoped = op.scoped?.['response.body'];
  if (!scope || !scoped) return {};
  const out: Record<string, Json> = {};
  for (const [path, claims] of Object.entries(scoped)) {
    const field = path.startsWith(MESSAGE) ? path.slice(MESSAGE.length) : '';
    const claim = /^[\w-]+$/.test(field) ? scopedClaimFor(claims, scope) : undefined;
    if (claim?.status !== 'extension' || claim.returned === 'never') continue;
    const schema = messageProperty(spec, op.response.schema, field);
    if (!schema) continue;
    const text = deref<Schema>(spec, schema)?.type === 'string';
    out[field] = claim.returned === 'empty' ? (text ? '' : null) : text ? sentence(seed + field.length) : sample(spec, schema, { mode: 'response' });
  }
  return out;
}

/** The schema of `choices[].message.<field>` in a chat completion schema (through `$ref`s and `allOf`). */
function messageProperty(spec: OpenAPIDocument, root: Schema | undefined, field: string): Schema | undefined {
  const choices = property(spec, root, 'choices');
  const message = property(spec, deref<Schema>(spec, choices)?.items as Schema | undefined, 'message');
  return property(spec, message, field);
}

function property(spec: OpenAPIDocument, schema: Schema | undefined, name: string): Schema | undefined {
  const s = deref<Schema>(spec, schema);
  if (!s) return undefined;
  const own = (s.properties as Record<string, Schema> | undefined)?.[name];
  if (own) return own;
  for (const part of (s.allOf as Schema[] | undefined) ?? []) {
    const found = property(spec, part, name);
    if (found) return found;
  }
  return undefined;
}
