/** Where a problem is: the file, and inside it an overlay action, a JSON pointer and/or a line. */
export interface Location {
  file?: string;
  /** RFC 6901 JSON pointer into the document named by `file`. */
  pointer?: string;
  /** 1-based line (and column) in `file`, when known. */
  line?: number;
  column?: number;
  /** 0-based index of the overlay action concerned. */
  action?: number;
}

export type Severity = 'error' | 'warning' | 'info';

/** A problem found by any stage. Stages return these as data; only the CLI and scripts render them. */
export interface Diagnostic {
  /** Stable kebab-case id, e.g. `overlay-target-no-match`. */
  code: string;
  severity: Severity;
  message: string;
  /** What the user should do about it. */
  hint?: string;
  location?: Location;
}

/** Thrown when a stage cannot produce output; carries every diagnostic that explains why. */
export class DiagnosticError extends Error {
  readonly diagnostics: Diagnostic[];
  /** Exit-code class for the CLI: 1 problems found, 3 unreadable input. */
  readonly exitCode: number;

  constructor(diagnostics: Diagnostic[], exitCode = 1) {
    super(diagnostics.map(formatDiagnostic).join('\n'));
    this.name = 'DiagnosticError';
    this.diagnostics = diagnostics;
    this.exitCode = exitCode;
  }
}

export function diagnosticError(d: Omit<Diagnostic, 'severity'>, exitCode = 1): DiagnosticError {
  return new DiagnosticError([{ severity: 'error', ...d }], exitCode);
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** One line per diagnostic: `file:line: error [code] message (action 3, at /pointer)`, then the hint. */
export function formatDiagnostic(d: Diagnostic): string {
  const loc = d.location ?? {};
  let where = loc.file ?? '';
  if (loc.line !== undefined) where += `:${loc.line}${loc.column !== undefined ? `:${loc.column}` : ''}`;
  const details: string[] = [];
  if (loc.action !== undefined) details.push(`action ${loc.action}`);
  if (loc.pointer !== undefined) details.push(`at ${loc.pointer === '' ? '(document root)' : loc.pointer}`);
  let text = `${where ? `${where}: ` : ''}${d.severity} [${d.code}] ${d.message}`;
  if (details.length) text += ` (${details.join(', ')})`;
  if (d.hint) text += `\n  hint: ${d.hint}`;
  return text;
}

export function formatDiagnostics(diagnostics: readonly Diagnostic[]): string {
  return diagnostics.map(formatDiagnostic).join('\n');
}
