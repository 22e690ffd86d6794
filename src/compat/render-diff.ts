/** The text report of `oai-compat diff`: what each provider's maintainer must look at. */
import { formatDiagnostic } from '../diagnostics/diagnostic.ts';
import type { BaseDiff, ChangeDetail } from './diff.ts';

function value(v: unknown): string {
  const text = JSON.stringify(v);
  return text === undefined ? 'undefined' : text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function detail(d: ChangeDetail): string {
  const what = d.property ? `${d.kind} ${d.property}` : d.kind;
  const values = d.kind === 'removed' ? ('before' in d ? `: was ${value(d.before)}` : '') : d.kind === 'added' ? ('after' in d ? `: ${value(d.after)}` : '') : 'before' in d || 'after' in d ? `: ${value(d.before)} → ${value(d.after)}` : '';
  return `${what}${values} at ${d.pointer}${d.impact ? ` [${d.impact}]` : ''}`;
}

export function needsAttention(diff: BaseDiff): boolean {
  return diff.providers.some((p) => p.stoppedMatching.length || p.errors.length || p.claimChanges.length);
}

export function renderDiffText(diff: BaseDiff): string {
  const out = [`base: ${diff.from.title} ${diff.from.version} → ${diff.to.title} ${diff.to.version}`, ''];
  for (const p of diff.providers) {
    if (!p.stoppedMatching.length && !p.errors.length && !p.claimChanges.length) {
      out.push(`${p.id} (${p.file}): nothing to change`, '');
      continue;
    }
    out.push(`${p.id} (${p.file})`);
    if (p.stoppedMatching.length) {
      out.push('  actions that stop matching:');
      for (const a of p.stoppedMatching) {
        out.push(`    action ${a.index}${a.line ? ` (line ${a.line})` : ''} ${a.target}${a.description ? `: ${a.description}` : ''} (matched ${a.matchedBefore}, now 0)`);
      }
    }
    if (p.errors.length) {
      out.push('  errors applying the overlay to the new base:');
      for (const e of p.errors) out.push(...formatDiagnostic(e).split('\n').map((l) => `    ${l}`));
    }
    if (p.claimChanges.length) {
      out.push('  supported/partial claims whose base changed:');
      for (const c of p.claimChanges) {
        const where = c.location === 'operation' ? c.operation : `${c.operation} ${c.location} ${c.field}`;
        out.push(`    ${where} (${c.status}): ${c.change}`);
        for (const d of c.details) out.push(`      ${detail(d)}`);
      }
    }
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}
