/**
 * Stateful mode (`--stateful`, `startMock({ stateful: true })`): files, vector stores, batches and
 * responses live in memory, so create → retrieve → list → delete hang together. A created object
 * is the behaviour's answer with a fresh id and the request's fields copied where the object has
 * them; unknown ids answer 404 like OpenAI ("No such File object: ..."), sub-resources of a known
 * object answer as without state.
 */
import { mockError, type MockError } from './errors.ts';
import type { Json, OperationModel } from './model.ts';
import { streamedQuery, type Behaviour } from './behave/index.ts';
import { responseEvents } from './stream/responses.ts';
import { fill, page } from './behave/lists.ts';
import { finished, finishedStatus } from './behave/progress.ts';
import type { OpenAPIDocument } from '../build/types.ts';

type Obj = Record<string, unknown>;

interface Collection {
  base: string;
  idParam: string;
  noun: string;
  prefix: string;
}

const collections: Collection[] = [
  { base: '/files', idParam: 'file_id', noun: 'File', prefix: 'file-' },
  { base: '/vector_stores', idParam: 'vector_store_id', noun: 'VectorStore', prefix: 'vs_' },
  { base: '/batches', idParam: 'batch_id', noun: 'Batch', prefix: 'batch_' },
  { base: '/responses', idParam: 'response_id', noun: 'Response', prefix: 'resp_' },
];

export interface StateInput {
  spec: OpenAPIDocument;
  op: OperationModel;
  pathParams: Record<string, string>;
  query: Record<string, unknown>;
  request: Obj;
  template: Json | undefined;
}

export interface MockState {
  /** Answers from state, or `undefined` to let the stateless behaviour answer (then `record`). */
  serve(input: StateInput, produce: () => Behaviour | MockError): Behaviour | MockError;
}

export function createState(): MockState {
  const store = new Map<string, Map<string, Obj>>(collections.map((c) => [c.base, new Map()]));
  let counter = 0;
  const now = () => Math.floor(Date.now() / 1000);

  return {
    serve(input, produce) {
      const { op, pathParams } = input;
      const c = collections.find((x) => op.path === x.base || op.path.startsWith(`${x.base}/{${x.idParam}}`));
      if (!c) return produce();
      const items = store.get(c.base) as Map<string, Obj>;
      if (op.path === c.base) {
        if (op.method === 'GET') {
          const all = [...items.values()];
          const ordered = input.query.order === 'asc' ? all : all.reverse();
          const t = (input.template && typeof input.template === 'object' ? input.template : { object: 'list', data: [], has_more: false }) as Obj;
          return { body: page(t, ordered, input.query) as Json };
        }
        if (op.method !== 'POST') return produce();
        const made = produce() ?? (input.template === undefined ? undefined : { body: input.template });
        if (!made || 'status' in made) return made;
        if ('events' in made) {
          // A streamed response: keep the final object of its `response.completed` event.
          const last = made.events.findLast((e) => e.event === 'response.completed' || e.event === 'response.incomplete');
          if (last) {
            const response = (JSON.parse(last.data) as { response: Obj }).response;
            items.set(String(response.id), response);
          }
          return made;
        }
        const created = fill(made.body as Obj, input.request, c.base === '/responses' ? undefined : `${c.prefix}mock${String(++counter).padStart(6, '0')}`, now());
        items.set(String(created.id), created);
        return { body: created as Json };
      }
      const id = pathParams[c.idParam];
      const found = items.get(id);
      if (!found) return mockError(404, `No such ${c.noun} object: ${id}`, { param: 'id', code: 'not_found' });
      const own = op.path === `${c.base}/{${c.idParam}}`;
      if (own && op.method === 'GET') {
        const done = finished(found, finishedStatus(input.spec, op));
        if (done !== found) items.set(id, done);
        return c.base === '/responses' && streamedQuery(input.query) ? { events: responseEvents(done) } : { body: done as Json };
      }
      if (own && op.method === 'DELETE') {
        items.delete(id);
        const t = (input.template && typeof input.template === 'object' ? input.template : {}) as Obj;
        return { body: (Object.keys(t).length > 0 ? { ...t, id, deleted: true } : found) as Json };
      }
      if (own && op.method === 'POST') {
        const changed = fill(found, input.request, id, found.created_at as number);
        items.set(id, changed);
        return { body: changed as Json };
      }
      if (op.path.endsWith('/cancel') && 'status' in found) {
        const cancelled = { ...found, status: c.base === '/batches' ? 'cancelling' : 'cancelled' };
        items.set(id, cancelled);
        return { body: cancelled as Json };
      }
      return produce();
    },
  };
}
