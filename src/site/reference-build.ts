/** Builds one provider's reference page into the site (used by scripts/docs.ts and the site test). */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { writeFileAtomic } from '../build/files.ts';
import type { CompatReport } from '../compat/types.ts';
import { parseYaml } from '../load/document.ts';
import { localizeReference, redocAsset, redocBundle, referenceCommand, shareStyles } from './reference.ts';
import { referenceSpec } from './reference-spec.ts';

/** Writes <site>/<id>/reference.html from generated/<id>/openapi.yaml; returns its size in bytes. */
export async function buildReference(projectRoot: string, siteDir: string, report: CompatReport): Promise<number> {
  const id = report.provider.id;
  const specFile = path.join(projectRoot, 'generated', id, 'openapi.yaml');
  const spec = referenceSpec(parseYaml(await readFile(specFile, 'utf8'), `generated/${id}/openapi.yaml`) as Record<string, unknown>, report);
  const work = await mkdtemp(path.join(tmpdir(), `oai-compat-reference-${id}-`));
  try {
    const input = path.join(work, 'openapi.json');
    const output = path.join(work, 'reference.html');
    await writeFile(input, JSON.stringify(spec));
    const { command, args, env } = referenceCommand({ projectRoot, spec: input, output, name: report.provider.name });
    await promisify(execFile)(command, args, { cwd: projectRoot, env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024, timeout: 600_000 });
    const { html, css, file } = shareStyles(localizeReference(await readFile(output, 'utf8')));
    // References with the same styles write the same file (named by its content).
    if (css !== undefined && file) await writeFileAtomic(path.join(siteDir, file), css);
    await writeFileAtomic(path.join(siteDir, id, 'reference.html'), html);
    return Buffer.byteLength(html);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** The one Redoc bundle every reference imports. */
export async function writeRedocAsset(projectRoot: string, siteDir: string): Promise<void> {
  await writeFileAtomic(path.join(siteDir, redocAsset), redocBundle(projectRoot));
}
