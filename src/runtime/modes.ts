/**
 * Which of a provider's modes a request is in (DeepSeek's thinking mode, on by default): the first
 * mode one of whose `select` bodies the request body matches, else the default mode. The checks and
 * the mock both read modes this way, so a claim scoped to a mode holds for the same requests.
 */
import { isObject } from '../load/json.ts';

/** A mode of the provider and the partial request bodies that turn it on (the profile's root `modes`). */
export interface ProviderMode {
  id: string;
  select: readonly unknown[];
  /** The mode of a request that matches no mode's `select`. */
  default?: boolean;
}

export function modeOf(modes: readonly ProviderMode[], body: unknown): string | undefined {
  const fields = isObject(body) ? body : {};
  for (const mode of modes) if (mode.select.some((pattern) => matches(pattern, fields))) return mode.id;
  return modes.find((mode) => mode.default)?.id;
}

/** Objects match by the keys the pattern lists, arrays item by item, anything else by equality. */
function matches(pattern: unknown, value: unknown): boolean {
  if (isObject(pattern)) return isObject(value) && Object.entries(pattern).every(([key, p]) => Object.hasOwn(value, key) && matches(p, value[key]));
  if (Array.isArray(pattern)) return Array.isArray(value) && pattern.length === value.length && pattern.every((p, i) => matches(p, value[i]));
  return Object.is(pattern, value);
}
