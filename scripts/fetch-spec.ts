/** Fetches the pinned upstream spec into spec/base/openai.yaml, verifying its sha256. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DiagnosticError, formatDiagnostics } from '../src/diagnostics/diagnostic.ts';
import { fetchBaseSpec } from '../src/resolve/base-spec.ts';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
try {
  const result = await fetchBaseSpec(projectRoot);
  console.log(`${path.relative(projectRoot, result.file)}: ${result.reused ? 'already pinned' : `verified from ${result.source.location}`}`);
} catch (err) {
  if (err instanceof DiagnosticError) {
    console.error(formatDiagnostics(err.diagnostics));
    process.exit(err.exitCode);
  }
  throw err;
}
