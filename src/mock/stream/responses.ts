/**
 * The Responses API's event sequence for a finished Response object, as OpenAI sends it and the
 * SDK's `responses.stream()` accumulates it: created and in_progress (empty output), then per
 * output item `output_item.added` → (message: `content_part.added`, `output_text.delta`...,
 * `output_text.done`, `content_part.done`; function call: `function_call_arguments.delta`...,
 * `.done`) → `output_item.done`, and finally `completed` (or `incomplete`) with the whole response.
 */
import { jsonEvent, splitContent, type SseEvent } from './sse.ts';

type Obj = Record<string, unknown>;

export function responseEvents(response: Obj): SseEvent[] {
  const events: SseEvent[] = [];
  let sequence_number = 0;
  const emit = (type: string, fields: Obj) => events.push(jsonEvent({ type, ...fields, sequence_number: sequence_number++ }, type));
  const { usage: _, ...rest } = response;
  const pending = { ...rest, status: 'in_progress', output: [], ...('completed_at' in response ? { completed_at: null } : {}), incomplete_details: null };
  emit('response.created', { response: pending });
  emit('response.in_progress', { response: pending });
  for (const [output_index, raw] of ((response.output ?? []) as Obj[]).entries()) {
    const item = raw;
    const item_id = item.id;
    if (item.type === 'message') {
      emit('response.output_item.added', { output_index, item: { ...item, status: 'in_progress', content: [] } });
      for (const [content_index, part] of ((item.content ?? []) as Obj[]).entries()) {
        const text = String(part.text ?? '');
        const logprobs = (part.logprobs ?? []) as Obj[];
        emit('response.content_part.added', { item_id, output_index, content_index, part: { ...part, text: '', logprobs: [] } });
        const pieces = logprobs.length > 0 ? logprobs.map((l) => String(l.token)) : splitContent(text);
        pieces.forEach((delta, n) => emit('response.output_text.delta', { item_id, output_index, content_index, delta, logprobs: logprobs.length > 0 ? [logprobs[n]] : [] }));
        emit('response.output_text.done', { item_id, output_index, content_index, text, logprobs });
        emit('response.content_part.done', { item_id, output_index, content_index, part });
      }
    } else if (item.type === 'function_call') {
      emit('response.output_item.added', { output_index, item: { ...item, status: 'in_progress', arguments: '' } });
      const args = String(item.arguments ?? '');
      for (const delta of splitContent(args, 2)) emit('response.function_call_arguments.delta', { item_id, output_index, delta });
      emit('response.function_call_arguments.done', { item_id, output_index, name: item.name, arguments: args });
    } else {
      emit('response.output_item.added', { output_index, item });
    }
    emit('response.output_item.done', { output_index, item });
  }
  emit(response.status === 'incomplete' ? 'response.incomplete' : 'response.completed', { response });
  return events;
}
