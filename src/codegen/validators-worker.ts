/** Worker thread entry (validators-thread.ts): compiles each profile's validators it is sent, in turn. */
import { parentPort } from 'node:worker_threads';
import type { CompileReply, CompileRequest } from './validators-thread.ts';
import { compileValidators } from './validators.ts';

let queue: Promise<unknown> = Promise.resolve();
parentPort?.on('message', (request: CompileRequest) => {
  // One at a time, in the order sent: the shared Ajv's state then follows the build's order.
  queue = queue.then(async () => {
    let reply: CompileReply;
    try {
      reply = { id: request.id, result: await compileValidators(request.spec, request.operations, request.specFile) };
    } catch (err) {
      reply = { id: request.id, error: (err as Error).stack ?? String(err) };
    }
    parentPort!.postMessage(reply);
  });
});
