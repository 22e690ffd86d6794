import { expect } from 'vitest';
import { DiagnosticError } from '../../src/diagnostics/diagnostic.ts';

/** Awaits a promise that must reject with a DiagnosticError, and returns that error. */
export async function diagnosticFailure(promise: Promise<unknown>): Promise<DiagnosticError> {
  const err = await promise.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(DiagnosticError);
  return err as DiagnosticError;
}
