/**
 * Field keys of the claims (`messages[role=user].content[type=image_url]`, `usage.prompt_tokens`,
 * `tools[].function.strict`) as steps through a schema.
 */

export type FieldStep =
  | { kind: 'property'; name: string }
  | { kind: 'items' }
  /** An array item narrowed to the `oneOf`/`anyOf` branches whose `property` admits `value`. */
  | { kind: 'variant'; property: string; value: string };

const STEP = /([^.[\]]+)|\[\]|\[([^=\]]+)=([^\]]*)\]/gy;

/** Steps of a field key, or undefined when the key does not parse (the parser reports it). */
export function parseFieldKey(key: string): FieldStep[] | undefined {
  const steps: FieldStep[] = [];
  STEP.lastIndex = 0;
  let position = 0;
  while (position < key.length) {
    if (key[position] === '.' && steps.length > 0) position++;
    STEP.lastIndex = position;
    const match = STEP.exec(key);
    if (!match) return undefined;
    if (match[1] !== undefined) steps.push({ kind: 'property', name: match[1] });
    else if (match[2] !== undefined) steps.push({ kind: 'variant', property: match[2], value: match[3] });
    else steps.push({ kind: 'items' });
    position = STEP.lastIndex;
  }
  return steps.length > 0 ? steps : undefined;
}
