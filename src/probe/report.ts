/** Report stage: the run's results as `probe.json`, and the table the command prints. */
import type { RunOutcome } from './run.ts';
import type { FieldResult, ProbeReport, Verdict } from './types.ts';

export interface ReportInput {
  provider: string;
  endpoint: string;
  model?: string;
  mode?: string;
  startedAt: Date;
  finishedAt: Date;
  maxRequests: number;
  outcome: RunOutcome;
}

/** The endpoint as recorded: no credentials in the URL, no query string. */
export function publicEndpoint(baseUrl: string): string {
  try {
    const url = new URL(baseUrl);
    url.username = '';
    url.password = '';
    url.search = '';
    url.hash = '';
    return url.toString().replace(/\/$/, '');
  } catch {
    return baseUrl.split('?')[0];
  }
}

export function summarize(results: FieldResult[]): ProbeReport['summary'] {
  const byVerdict: Partial<Record<Verdict, number>> = {};
  for (const r of results) byVerdict[r.verdict] = (byVerdict[r.verdict] ?? 0) + 1;
  const drift = results.filter((r) => !r.agrees).length;
  return { byVerdict, agree: results.length - drift, drift };
}

export function buildReport(input: ReportInput): ProbeReport {
  const { outcome } = input;
  return {
    format: 1,
    provider: input.provider,
    endpoint: publicEndpoint(input.endpoint),
    ...(input.model ? { model: input.model } : {}),
    ...(input.mode ? { mode: input.mode } : {}),
    date: input.startedAt.toISOString().slice(0, 10),
    startedAt: input.startedAt.toISOString(),
    finishedAt: input.finishedAt.toISOString(),
    complete: outcome.complete,
    ...(outcome.stoppedBecause ? { stoppedBecause: outcome.stoppedBecause } : {}),
    requests: { sent: outcome.sent, max: input.maxRequests },
    results: outcome.results,
    summary: summarize(outcome.results),
  };
}

/** The table: operation, field, documented, observed, agrees, and why. */
export function renderTable(report: ProbeReport): string {
  const rows = report.results.map((r) => [r.operation, r.field, r.documented ?? 'undocumented', r.verdict, r.agrees ? 'yes' : 'DRIFT', r.reason]);
  const header = ['operation', 'field', 'documented', 'observed', 'agrees', 'why'];
  const widths = header.map((h, i) => Math.min(40, Math.max(h.length, ...rows.map((row) => row[i].length))));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]))).join('  ').trimEnd();
  const { summary } = report;
  const counts = Object.entries(summary.byVerdict).map(([v, n]) => `${n} ${v}`).join(', ');
  const state = report.complete ? '' : ` (partial: stopped, ${report.stoppedBecause})`;
  return `${line(header)}\n${rows.map(line).join('\n')}\n\n${report.results.length} fields${state}: ${counts || 'none'}; ${summary.drift} drift; ${report.requests.sent} requests sent\n`;
}
