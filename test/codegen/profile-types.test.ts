// Every profile's generated code type-checks with its type tests, and its types carry the claims
// as JSDoc. Needs `npm run build`.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { OperationTable } from '../../src/runtime/index.ts';
import { projectRoot, scratchDir, typeCheck } from './helpers.ts';
import { requestFieldDocs } from './jsdoc.ts';
import { PROFILES } from './samples.ts';

describe('generated types', () => {
  it('type-check, with each profile’s type tests', async () => {
    const files = PROFILES.flatMap((id) => [
      path.join(projectRoot, 'generated', id, 'index.gen.ts'),
      path.join(projectRoot, 'test/codegen/types', `${id}.types.ts`),
    ]);
    const { ok, output } = await typeCheck(files, scratchDir);
    expect(output).toBe('');
    expect(ok).toBe(true);
  });

  it.each(PROFILES.filter((id) => id !== 'openai'))('of %s carry @deprecated with the provider’s note on ignored and deprecated request fields', async (id) => {
    const { operationTable, profile } = (await import(path.join(projectRoot, 'generated', id, 'index.gen.ts'))) as { operationTable: OperationTable; profile: { name: string } };
    let checked = 0;
    for (const entry of Object.values(operationTable)) {
      const claims = Object.entries(entry.requestClaims ?? {});
      if (!claims.length) continue;
      const docs = requestFieldDocs(path.join(projectRoot, 'generated', id), entry.method, entry.path, claims.map(([field]) => field));
      for (const [field, claim] of claims) {
        const doc = docs.get(field);
        if (!doc) continue; // claimed, but the schema has no such field (the compat report lists these)
        const where = `${entry.method.toUpperCase()} ${entry.path} ${field} (${claim.status})`;
        if (claim.status === 'ignored' || claim.status === 'deprecated') {
          const verb = claim.status === 'ignored' ? 'Ignored' : 'Deprecated';
          for (const tag of doc.deprecated) expect(tag, where).toMatch(new RegExp(`^${verb} by ${profile.name.replace(/\./g, '\\.')}${claim.note ? ': ' : '\\.'}`));
          checked++;
        } else if (claim.status === 'supported') {
          for (const tag of doc.deprecated) expect(tag, where).toBeUndefined();
        }
      }
    }
    if (id !== 'oxlo') expect(checked).toBeGreaterThan(0);
  });
});
