/**
 * One worker thread that compiles the validators of every profile a process builds, while the
 * main thread writes types, compat pages and mock data. Being one thread, it keeps one Ajv and
 * one minified-statement cache for all of them (validator-units.ts, minify-units.ts). It holds
 * the process open only while a compilation is pending.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { OpenAPIDocument } from '../build/types.ts';
import type { OperationInfo } from './operations.ts';
import type { CompiledValidators } from './validators.ts';

export interface CompileRequest {
  id: number;
  /** The spec's component schemas only: all the validators read besides the operations' own schemas. */
  spec: OpenAPIDocument;
  operations: OperationInfo[];
  specFile: string;
}

export type CompileReply = { id: number; result: CompiledValidators } | { id: number; error: string };

let worker: Worker | undefined;
const pending = new Map<number, { resolve: (result: CompiledValidators) => void; reject: (err: Error) => void }>();
let nextId = 0;

function failAll(err: Error): void {
  worker = undefined;
  for (const { reject } of pending.values()) reject(err);
  pending.clear();
}

function start(): Worker {
  const started = new Worker(new URL(`./validators-worker${path.extname(fileURLToPath(import.meta.url))}`, import.meta.url));
  started.unref();
  started.on('message', (reply: CompileReply) => {
    const waiting = pending.get(reply.id);
    pending.delete(reply.id);
    if (pending.size === 0) started.unref();
    if ('error' in reply) waiting?.reject(new Error(`compiling the validators failed: ${reply.error}`));
    else waiting?.resolve(reply.result);
  });
  started.on('error', (err) => failAll(err));
  started.on('exit', (code) => failAll(new Error(`the validators worker exited with code ${code}`)));
  return started;
}

export function compileInWorker(spec: OpenAPIDocument, operations: OperationInfo[], specFile: string): Promise<CompiledValidators> {
  const thread = (worker ??= start());
  const id = nextId++;
  if (pending.size === 0) thread.ref();
  const components = { schemas: ((spec.components as Record<string, unknown> | undefined)?.schemas ?? {}) as Record<string, unknown> };
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    thread.postMessage({ id, spec: { components } as unknown as OpenAPIDocument, operations, specFile } satisfies CompileRequest);
  });
}
