/**
 * Assistants run streams (`stream: true` on run creation and tool-output submission): the named
 * `thread.*` events the SDK's AssistantStream folds into runs and messages. The run goes queued →
 * in_progress → completed around one assistant message streamed as text deltas; then `done`.
 */
import { idFrom, sentence } from '../behave/text.ts';
import { splitContent, type SseEvent } from './sse.ts';

type Obj = Record<string, unknown>;

/** A run object from the operation's template with coherent ids, times and a clean state. */
export function runObject(template: Obj, ids: { run: string; thread: string; assistant: string }, request: Obj, status: string): Obj {
  const now = Math.floor(Date.now() / 1000);
  return {
    ...template,
    id: ids.run,
    object: 'thread.run',
    created_at: now,
    thread_id: ids.thread,
    assistant_id: ids.assistant,
    status,
    required_action: null,
    last_error: null,
    incomplete_details: null,
    started_at: status === 'queued' ? null : now,
    completed_at: status === 'completed' ? now : null,
    cancelled_at: null,
    failed_at: null,
    expires_at: status === 'completed' ? null : now + 600,
    ...(typeof request.model === 'string' ? { model: request.model } : {}),
    ...(typeof request.instructions === 'string' ? { instructions: request.instructions } : {}),
    tools: Array.isArray(request.tools) ? request.tools : [],
    metadata: (request.metadata as Obj) ?? {},
    usage: status === 'completed' ? template.usage ?? null : null,
  };
}

export function runEvents(template: Obj, request: Obj, pathParams: Record<string, string>, seed: number): SseEvent[] {
  const ids = {
    run: pathParams.run_id ?? idFrom('run_', seed).slice(0, 28),
    thread: pathParams.thread_id ?? idFrom('thread_', seed).slice(0, 31),
    assistant: typeof request.assistant_id === 'string' ? request.assistant_id : idFrom('asst_', seed).slice(0, 29),
  };
  const text = sentence(seed);
  const now = Math.floor(Date.now() / 1000);
  const messageId = idFrom('msg_', seed).slice(0, 28);
  const message = (status: string, value: string) => ({
    id: messageId,
    object: 'thread.message',
    created_at: now,
    assistant_id: ids.assistant,
    thread_id: ids.thread,
    run_id: ids.run,
    status,
    incomplete_details: null,
    completed_at: status === 'completed' ? now : null,
    incomplete_at: null,
    role: 'assistant',
    content: status === 'completed' ? [{ type: 'text', text: { value, annotations: [] } }] : [],
    attachments: [],
    metadata: {},
  });
  const named = (event: string, data: unknown): SseEvent => ({ event, data: JSON.stringify(data) });
  const events: SseEvent[] = [];
  if (!pathParams.thread_id) {
    events.push(named('thread.created', { id: ids.thread, object: 'thread', created_at: now, metadata: {}, tool_resources: null }));
  }
  events.push(named('thread.run.created', runObject(template, ids, request, 'queued')));
  events.push(named('thread.run.queued', runObject(template, ids, request, 'queued')));
  events.push(named('thread.run.in_progress', runObject(template, ids, request, 'in_progress')));
  events.push(named('thread.message.created', message('in_progress', '')));
  events.push(named('thread.message.in_progress', message('in_progress', '')));
  for (const piece of splitContent(text)) {
    events.push(named('thread.message.delta', { id: messageId, object: 'thread.message.delta', delta: { content: [{ index: 0, type: 'text', text: { value: piece, annotations: [] } }] } }));
  }
  events.push(named('thread.message.completed', message('completed', text)));
  events.push(named('thread.run.completed', runObject(template, ids, request, 'completed')));
  events.push({ event: 'done', data: '[DONE]' });
  return events;
}
