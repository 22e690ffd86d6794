/**
 * Work the mock "does" (runs, file processing, vector store files, batches, fine-tuning jobs)
 * is done by the time it is looked at again: a create answers the documented starting status
 * (`queued`, `in_progress`, `uploaded`), a later retrieve answers the finished one, so the SDK's
 * pollers (`createAndPoll`, `uploadAndPoll`, `waitForProcessing`) end.
 */
import type { OpenAPIDocument } from '../../build/types.ts';
import { deref, type OperationModel, type Schema } from '../model.ts';

type Obj = Record<string, unknown>;

const pending = new Set(['queued', 'in_progress', 'validating', 'finalizing', 'uploaded', 'validating_files', 'running', 'pending']);
/** The finished status, by preference, among those the object's schema allows. */
const finishedNames = ['completed', 'processed', 'succeeded'];

const cache = new WeakMap<OperationModel, string | null>();

/** The finished status of the operation's answer, if its `status` enum has one (worked out once per operation). */
export function finishedStatus(spec: OpenAPIDocument, op: OperationModel): string | undefined {
  let found = cache.get(op);
  if (found === undefined) {
    const allowed = statusValues(spec, op.response.schema, 0);
    cache.set(op, (found = finishedNames.find((name) => allowed.has(name)) ?? null));
  }
  return found ?? undefined;
}

/** The object as a later look finds it: a pending status replaced by `status`. */
export function finished(body: Obj, status: string | undefined): Obj {
  return status && typeof body.status === 'string' && pending.has(body.status) ? { ...body, status } : body;
}

/** The enum values of the schema's `status` property, through `$ref`s and compositions. */
function statusValues(spec: OpenAPIDocument, schema: unknown, depth: number): Set<string> {
  const out = new Set<string>();
  const s = deref<Schema | undefined>(spec, schema);
  if (!s || depth > 6) return out;
  const status = deref<Schema | undefined>(spec, (s.properties as Obj | undefined)?.status);
  for (const value of enumOf(spec, status, 0)) out.add(value);
  for (const key of ['allOf', 'anyOf', 'oneOf']) for (const part of (s[key] as Schema[]) ?? []) for (const v of statusValues(spec, part, depth + 1)) out.add(v);
  return out;
}

function enumOf(spec: OpenAPIDocument, schema: Schema | undefined, depth: number): string[] {
  if (!schema || depth > 4) return [];
  const own = Array.isArray(schema.enum) ? schema.enum.filter((v): v is string => typeof v === 'string') : [];
  const parts = ['allOf', 'anyOf', 'oneOf'].flatMap((key) => ((schema[key] as Schema[]) ?? []).flatMap((part) => enumOf(spec, deref(spec, part), depth + 1)));
  return [...own, ...parts];
}
