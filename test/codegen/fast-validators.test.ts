/**
 * The fast variants (discriminated `oneOf`) of the built profiles accept only what the full
 * validators accept, and accept every valid body (else the fast path would be no faster).
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ValidateFunction } from '../../src/runtime/types.ts';
import { projectRoot } from './helpers.ts';

const load = async (profile: string, name: string) => (await import(pathToFileURL(path.join(projectRoot, 'generated', profile, name)).href)) as Record<string, unknown>;
const chat = (messages: unknown[], extra: Record<string, unknown> = {}) => ({ model: 'm', messages, ...extra });
const bodies: [string, unknown, boolean][] = [
  ['system and user', chat([{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'Hi' }]), true],
  ['user parts', chat([{ role: 'user', content: [{ type: 'text', text: 'Hi' }, { type: 'image_url', image_url: { url: 'https://x/y.png' } }] }]), true],
  ['assistant with tool calls, then the tool', chat([{ role: 'assistant', tool_calls: [{ id: 'c', type: 'function', function: { name: 'f', arguments: '{}' } }] }, { role: 'tool', tool_call_id: 'c', content: 'ok' }]), true],
  ['unknown role', chat([{ role: 'robot', content: 'Hi' }]), false],
  ['role not a string', chat([{ role: 7, content: 'Hi' }]), false],
  ['no role', chat([{ content: 'Hi' }]), false],
  ['user without content', chat([{ role: 'user' }]), false],
  ['tool without tool_call_id', chat([{ role: 'tool', content: 'ok' }]), false],
  ['a part of an unknown type', chat([{ role: 'user', content: [{ type: 'video', text: 'x' }] }]), false],
  ['a message that is a string', chat(['Hi']), false],
  ['a message that is null', chat([null]), false],
  ['messages an object', { model: 'm', messages: { role: 'user', content: 'Hi' } }, false],
];

describe.each(['openai', 'neosantara'])('fast chat request validator of %s', async (profile) => {
  const validate = (await load(profile, 'validators.gen.js')).createChatCompletion_request as ValidateFunction;
  const fast = (await load(profile, 'validators-fast.gen.js')).createChatCompletion_request_fast as (data: unknown) => boolean;
  it('exists', () => expect([typeof validate, typeof fast]).toEqual(['function', 'function']));
  it.each(bodies)('%s → valid: %s, fast and full agree', (_, body, valid) => {
    expect([validate(body), fast(body)]).toEqual([valid, valid]);
  });
});
