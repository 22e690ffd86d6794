import { describe, expect, it } from 'vitest';
import { findField, formatLocation, fromInstancePath, removeAt } from '../../src/runtime/field-path.ts';

describe('findField', () => {
  const body = {
    model: 'm',
    logprobs: false,
    messages: [{ role: 'user', name: 'a' }, { role: 'user' }, { role: 'tool', name: 'b' }],
    usage: { completion_tokens_details: { reasoning_tokens: 1 } },
    tools: 'not-an-array',
    gone: undefined,
  };
  const cases: { path: string; want: (string | number)[][] }[] = [
    { path: 'model', want: [['model']] },
    { path: 'logprobs', want: [['logprobs']] },
    { path: 'missing', want: [] },
    { path: 'gone', want: [] },
    { path: 'messages[].name', want: [['messages', 0, 'name'], ['messages', 2, 'name']] },
    { path: 'messages[]', want: [['messages']] },
    { path: 'usage.completion_tokens_details.reasoning_tokens', want: [['usage', 'completion_tokens_details', 'reasoning_tokens']] },
    { path: 'tools[].function', want: [] },
  ];
  for (const { path, want } of cases) it(path, () => expect(findField(body, path)).toEqual(want));

  it('is empty on non-object bodies', () => {
    expect(findField(null, 'a')).toEqual([]);
    expect(findField([{ a: 1 }], 'a')).toEqual([]);
  });
});

describe('removeAt', () => {
  it('removes nested fields in every array item', () => {
    const body = { messages: [{ role: 'user', name: 'a' }, { role: 'user', name: 'b' }], n: 1 };
    removeAt(body, findField(body, 'messages[].name'));
    expect(body).toEqual({ messages: [{ role: 'user' }, { role: 'user' }], n: 1 });
  });
});

describe('paths in messages', () => {
  it('formats locations', () => expect(formatLocation(['messages', 2, 'name'])).toBe('messages[2].name'));
  const cases: { pointer: string; extra?: string; want: { field: string; at: string } }[] = [
    { pointer: '', want: { field: '', at: '' } },
    { pointer: '/n', want: { field: 'n', at: 'n' } },
    { pointer: '/messages/0/content', want: { field: 'messages[].content', at: 'messages[0].content' } },
    { pointer: '/messages/1', extra: 'role', want: { field: 'messages[].role', at: 'messages[1].role' } },
    { pointer: '/a~1b', want: { field: 'a/b', at: 'a/b' } },
  ];
  for (const { pointer, extra, want } of cases) it(`${pointer} ${extra ?? ''}`, () => expect(fromInstancePath(pointer, extra)).toEqual(want));
});
