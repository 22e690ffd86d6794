/** Generates a fixture profile's code into generated/.codegen-test/<suite>/<id>/ and type-checks files with tsc. */
import { execFile } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { GeneratorResult, OpenAPIDocument } from '../../src/build/types.ts';
import { generateProfileCode } from '../../src/codegen/generator.ts';
import { parseYaml } from '../../src/load/document.ts';
import { resolvedFor } from '../helpers/profile.ts';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export async function loadFixtureSpec(name: string): Promise<OpenAPIDocument> {
  const file = path.join(projectRoot, 'test/fixtures/codegen', name, 'openapi.yaml');
  return parseYaml(await readFile(file, 'utf8'), file) as OpenAPIDocument;
}

/** Where a fixture profile's generated code is kept as golden files (committed, type-checked). */
export function goldenDir(name: string): string {
  return path.join(projectRoot, 'test/fixtures/codegen', name, 'expected');
}

export function generateFixture(name: string, spec: OpenAPIDocument): Promise<GeneratorResult> {
  return generateProfileCode(resolvedFor(name, spec));
}

/** Rewrites the golden files (UPDATE_GOLDEN=1). */
export async function writeGolden(name: string, result: GeneratorResult): Promise<void> {
  const dir = goldenDir(name);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  for (const file of result.files) {
    await mkdir(path.dirname(path.join(dir, file.path)), { recursive: true });
    await writeFile(path.join(dir, file.path), file.contents);
  }
}

/** A scratch folder for tsc configs, inside the project so module resolution finds node_modules. */
export const scratchDir = path.join(projectRoot, 'generated/.codegen-test');

/** Runs `tsc --noEmit` on the given files with the project's compiler options; returns its output. */
export async function typeCheck(files: string[], scratch: string): Promise<{ ok: boolean; output: string }> {
  await mkdir(scratch, { recursive: true });
  const config = path.join(scratch, 'tsconfig.check.json');
  await writeFile(config, JSON.stringify({ extends: path.join(projectRoot, 'tsconfig.json'), include: [], files }));
  try {
    await promisify(execFile)(process.execPath, [path.join(projectRoot, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', config], { cwd: projectRoot });
    return { ok: true, output: '' };
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string; message: string };
    return { ok: false, output: `${e.stdout ?? ''}${e.stderr ?? ''}` || e.message };
  }
}
