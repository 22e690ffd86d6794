/**
 * compat.json: two-space JSON, except that each operation and field row takes one line, so that
 * a 20,000-row report stays readable and its diffs show one line per changed field.
 */
import type { CompatReport } from './types.ts';

function indentBlock(json: string, indent: string): string {
  return json.split('\n').join(`\n${indent}`);
}

function rows(items: readonly unknown[]): string {
  if (items.length === 0) return '[]';
  return `[\n${items.map((item) => `    ${JSON.stringify(item)}`).join(',\n')}\n  ]`;
}

export function renderCompatJson(report: CompatReport): string {
  const { operations, fields, ...head } = report;
  const lines = Object.entries(head).map(([key, value]) => `  ${JSON.stringify(key)}: ${indentBlock(JSON.stringify(value, null, 2), '  ')}`);
  lines.push(`  "operations": ${rows(operations)}`);
  lines.push(`  "fields": ${rows(fields)}`);
  return `{\n${lines.join(',\n')}\n}\n`;
}
