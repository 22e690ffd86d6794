/** Server-sent events as the official SDKs read them: `event:` (optional) and one `data:` line. */

export interface SseEvent {
  event?: string;
  data: string;
  /** Pause before this event (fixture streams). */
  delayMs?: number;
}

export function encodeEvent(e: SseEvent): string {
  return `${e.event ? `event: ${e.event}\n` : ''}data: ${e.data}\n\n`;
}

export const jsonEvent = (value: unknown, event?: string): SseEvent => ({ ...(event ? { event } : {}), data: JSON.stringify(value) });

export const DONE: SseEvent = { data: '[DONE]' };

/** Splits text into at least `min` pieces (by words, else by characters) that join back exactly. */
export function splitContent(text: string, min = 3): string[] {
  const words = text.match(/\S+\s*|\s+/g) ?? [];
  if (words.length >= min) return words;
  if (text.length === 0) return [];
  const size = Math.max(1, Math.ceil(text.length / min));
  const pieces: string[] = [];
  for (let i = 0; i < text.length; i += size) pieces.push(text.slice(i, i + size));
  return pieces;
}
