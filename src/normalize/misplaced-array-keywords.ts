/**
 * Array keywords written inside `items` instead of on the array.
 *
 * Upstream: `range: {type: array, items: {type: number, min_items: 2, max_items: 2}}` (grader
 * score ranges, misspelled as well), `items: {type: string, minItems: 1}` (vector store search
 * queries), and the Realtime `modalities` arrays whose `items` carry the array default
 * `["text", "audio"]`.
 * Breaks: inside a string or number schema these constrain nothing; Ajv strict mode rejects the
 * unknown `min_items` and (strictTypes) `minItems` without `type: array`; redocly's `struct` rule
 * rejects `min_items`; a mock would pick an array as the default of one item.
 * We: move them to the array that owns `items` (spelled `minItems`/`maxItems`), where they mean
 * what the descriptions say; a keyword the array already has is left alone with a warning.
 * `count` = keywords moved.
 */
import { isObject, type JsonObject, type SchemaFix } from './types.ts';

/** Keyword found inside `items` → the array keyword it stands for. */
const ARRAY_KEYWORDS: Record<string, string> = {
  minItems: 'minItems',
  maxItems: 'maxItems',
  uniqueItems: 'uniqueItems',
  min_items: 'minItems',
  max_items: 'maxItems',
};

export const misplacedArrayKeywords: SchemaFix = {
  id: 'misplaced-array-keywords',
  description: '`minItems`/`maxItems`/`uniqueItems` (also misspelled `min_items`/`max_items`) and array defaults found inside a non-array `items` moved to the array; counts keywords',
  kind: 'schema',
  start: (ctx) => (array, path) => {
    const items = array.items;
    if (!isObject(items) || allowsArray(items)) return 0;
    const moves: [string, string][] = Object.keys(items)
      .filter((key) => key in ARRAY_KEYWORDS)
      .map((key) => [key, ARRAY_KEYWORDS[key]]);
    if (Array.isArray(items.default)) moves.push(['default', 'default']);
    let count = 0;
    for (const [from, to] of moves) {
      if (to in array) {
        ctx.diagnose(
          {
            code: 'normalize-misplaced-keyword-kept',
            severity: 'warning',
            message: `"${from}" inside items looks like an array keyword, but the array already has "${to}"; left in place`,
          },
          [...path, 'items', from],
        );
        continue;
      }
      array[to] = items[from];
      delete items[from];
      count++;
    }
    return count;
  },
};

/** Whether the schema may describe arrays (then array keywords in it are where they belong). */
function allowsArray(schema: JsonObject): boolean {
  const type = schema.type;
  return type === undefined || type === 'array' || (Array.isArray(type) && type.includes('array'));
}
