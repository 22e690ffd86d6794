import { describe, expect, it } from 'vitest';
import { fastSchemas } from '../../src/codegen/fast-schemas.ts';

const branch = (tag: string, required = true) => ({ type: 'object', required: required ? ['role'] : [], properties: { role: { type: 'string', const: tag } } });
const pet = (extra: Record<string, unknown> = {}) => ({
  oneOf: [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' }],
  discriminator: { propertyName: 'role', mapping: { cat: '#/components/schemas/Cat', dog: '#/components/schemas/Dog' } },
  ...extra,
});

describe('fastSchemas', () => {
  const cases: { name: string; components: Record<string, unknown>; usable: boolean }[] = [
    { name: 'const tags, required in each branch', components: { Pet: pet(), Cat: branch('cat'), Dog: branch('dog') }, usable: true },
    { name: 'tag required at the top only', components: { Pet: pet({ required: ['role'] }), Cat: branch('cat', false), Dog: branch('dog', false) }, usable: true },
    { name: 'tag not required', components: { Pet: pet(), Cat: branch('cat', false), Dog: branch('dog') }, usable: false },
    { name: 'two branches with one tag', components: { Pet: pet(), Cat: branch('cat'), Dog: branch('cat') }, usable: false },
    { name: 'a branch without the tag property', components: { Pet: pet(), Cat: branch('cat'), Dog: { type: 'object' } }, usable: false },
    { name: 'a type besides object', components: { Pet: pet({ type: ['object', 'null'] }), Cat: branch('cat'), Dog: branch('dog') }, usable: false },
    { name: 'anyOf instead of oneOf', components: { Pet: { anyOf: pet().oneOf, discriminator: { propertyName: 'role' } }, Cat: branch('cat'), Dog: branch('dog') }, usable: false },
  ];
  it.each(cases)('$name → usable: $usable', ({ components, usable }) => {
    const fast = fastSchemas({ components, inline: {} });
    const pet = fast.components.Pet as { discriminator?: unknown; type?: unknown };
    const type = (components.Pet as { type?: unknown }).type;
    expect([pet.discriminator, pet.type]).toEqual(usable ? [{ propertyName: 'role' }, 'object'] : [undefined, type]);
    expect(fast.reaches('#/components/schemas/Pet')).toBe(usable);
    // The input is left as it was.
    expect((components.Pet as { discriminator?: unknown }).discriminator).toBeDefined();
  });

  it('marks every schema and inline schema that reaches a usable discriminator through $refs, cycles included', () => {
    const components = {
      Pet: pet(),
      Cat: branch('cat'),
      Dog: branch('dog'),
      Owner: { type: 'object', properties: { pets: { type: 'array', items: { $ref: '#/components/schemas/Pet' } }, friend: { $ref: '#/components/schemas/Owner' } } },
      Plain: { type: 'object', properties: { self: { $ref: '#/components/schemas/Plain' } } },
    };
    const fast = fastSchemas({ components, inline: { i0: { $ref: '#/components/schemas/Owner' }, i1: { type: 'string' } } });
    expect(['Pet', 'Owner', 'Cat', 'Plain'].map((name) => fast.reaches(`#/components/schemas/${name}`))).toEqual([true, true, false, false]);
    expect([fast.reaches('#/inline/i0'), fast.reaches('#/inline/i1')]).toEqual([true, false]);
  });
});
