/** Worker thread entry: compiles a profile's validators while the main thread runs openapi-typescript. */
import { parentPort, workerData } from 'node:worker_threads';
import type { OpenAPIDocument } from '../build/types.ts';
import type { OperationInfo } from './operations.ts';
import { compileValidators } from './validators.ts';

const input = workerData as { spec: OpenAPIDocument; operations: OperationInfo[]; specFile: string };
parentPort?.postMessage(await compileValidators(input.spec, input.operations, input.specFile));
