/**
 * Exactness at the call site, for every built profile (found in generated/, no list): calls of the
 * form users write, `client.POST(path, { body })`, reject an operation the profile does not offer,
 * a request field it does not support, and a value outside a field's constraint, both with the
 * body written inline and with a typed variable. A type-test file is written per profile from its
 * resolved spec and claims, then type-checked: every `@ts-expect-error` must be needed.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseYaml } from '../../src/load/document.ts';
import type { OperationTable } from '../../src/runtime/index.ts';
import { projectRoot, scratchDir, typeCheck } from './helpers.ts';

type Schema = { $ref?: string; properties?: Record<string, Schema>; allOf?: Schema[]; enum?: unknown[] };
type Spec = { paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: Schema }> } }>>; components?: { schemas?: Record<string, Schema> } };

const generated = path.join(projectRoot, 'generated');
const profiles = readdirSync(generated, { withFileTypes: true })
  .filter((e) => e.isDirectory() && existsSync(path.join(generated, e.name, 'index.gen.ts')))
  .map((e) => e.name)
  .sort();

/** Top-level properties of a request schema, through `$ref` and `allOf`. */
function properties(spec: Spec, schema: Schema | undefined): Record<string, Schema> {
  if (!schema) return {};
  const resolved = schema.$ref ? spec.components?.schemas?.[schema.$ref.split('/').pop()!] : schema;
  if (!resolved) return {};
  return Object.assign({}, ...(resolved.allOf ?? []).map((s) => properties(spec, s)), resolved.properties ?? {});
}

/** A value the enum does not list, of the same kind. */
function outside(values: unknown[]): string {
  const numbers = values.filter((v): v is number => typeof v === 'number');
  return numbers.length ? String(Math.max(...numbers) + 1) : JSON.stringify('not-a-listed-value');
}

const lit = JSON.stringify;

async function typeTests(id: string, offeredEverywhere: Set<string>): Promise<{ source: string; cases: number }> {
  const spec = parseYaml(readFileSync(path.join(generated, id, 'openapi.yaml'), 'utf8'), id) as Spec;
  const { operationTable } = (await import(path.join(generated, id, 'index.gen.ts'))) as { operationTable: OperationTable };
  const lines = [
    `import { createClient, type paths } from '../../${id}/index.gen.ts';`,
    `const client = createClient({ apiKey: 'test', baseUrl: 'http://127.0.0.1:9' });`,
    'export async function calls(): Promise<void> {',
  ];
  let cases = 0;
  const expectError = (why: string, statement: string) => {
    lines.push(`  // @ts-expect-error ${why}`, `  ${statement}`);
    cases++;
  };
  const offered = new Set(Object.values(operationTable).filter((e) => e.method === 'post').map((e) => e.path));
  const absent = [...offeredEverywhere].filter((p) => !offered.has(p)).slice(0, 3);
  for (const p of [...absent, '/not/an/operation']) expectError(`${id} does not offer POST ${p}`, `await client.POST(${lit(p)}, { body: {} } as never);`);

  let n = 0;
  // The JSON-body POSTs (the first 20: the openai profile has over a hundred; the check is per call form, not per operation).
  const posts = Object.values(operationTable).filter((e) => e.method === 'post' && !e.path.includes('{') && spec.paths[e.path]?.post?.requestBody?.content?.['application/json']?.schema);
  for (const entry of posts.slice(0, 20)) {
    const schema = spec.paths[entry.path].post.requestBody!.content!['application/json'].schema;
    const body = `NonNullable<paths[${lit(entry.path)}]['post']['requestBody']>['content']['application/json']`;
    const name = `body${n++}`;
    lines.push(`  const ${name} = {} as ${body};`, `  await client.POST(${lit(entry.path)}, { body: ${name} });`);
    const rejected = Object.entries(entry.requestClaims ?? {}).filter(([field, claim]) => claim.status === 'unsupported' && /^[A-Za-z_]\w*$/.test(field));
    for (const [field] of rejected.slice(0, 3)) {
      expectError(`${field} is unsupported (inline)`, `await client.POST(${lit(entry.path)}, { body: { ...${name}, ${field}: {} as never as object } });`);
      const variable = `v${n++}`;
      lines.push(`  const ${variable} = { ...${name}, ${field}: {} as object };`);
      expectError(`${field} is unsupported (a typed variable)`, `await client.POST(${lit(entry.path)}, { body: ${variable} });`);
    }
    const constrained = Object.entries(properties(spec, schema)).filter(([, s]) => Array.isArray(s.enum) && s.enum.length > 0);
    for (const [field, s] of constrained.slice(0, 3)) {
      expectError(`${field} must be one of ${lit(s.enum)} (inline)`, `await client.POST(${lit(entry.path)}, { body: { ...${name}, ${field}: ${outside(s.enum!)} } });`);
      const variable = `v${n++}`;
      lines.push(`  const ${variable} = {} as Omit<${body}, ${lit(field)}> & { ${field}: ${typeof s.enum![0] === 'number' ? 'number' : 'string'} };`);
      expectError(`${field} must be one of ${lit(s.enum)} (a typed variable)`, `await client.POST(${lit(entry.path)}, { body: ${variable} });`);
    }
  }
  lines.push('}', '');
  return { source: lines.join('\n'), cases };
}

describe('exactness at the call site', () => {
  it('finds the built profiles', () => expect(profiles).toContain('openai'));

  it('rejects absent operations, unsupported fields and out-of-constraint values in client.POST for every profile', { timeout: 240_000 }, async () => {
    const openai = (await import(path.join(generated, 'openai', 'index.gen.ts'))) as { operationTable: OperationTable };
    const everywhere = new Set(Object.values(openai.operationTable).filter((e) => e.method === 'post').map((e) => e.path));
    const dir = path.join(scratchDir, 'call-site');
    await mkdir(dir, { recursive: true });
    const files: string[] = [];
    for (const id of profiles) {
      const { source, cases } = await typeTests(id, everywhere);
      expect(cases, id).toBeGreaterThan(0);
      const file = path.join(dir, `${id}.call-site.ts`);
      await writeFile(file, source);
      files.push(file);
    }
    const { ok, output } = await typeCheck(files, dir);
    expect(output).toBe('');
    expect(ok).toBe(true);
  });
});
