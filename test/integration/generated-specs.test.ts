/**
 * The generated specs as other tools see them: `redocly lint` with the project's rule set passes
 * on each, and Prism starts on each. Uses generated/ as built by the global setup.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverProfiles } from '../../src/build/build.ts';
import { freePort } from '../../src/mock/prism.ts';
import { projectRoot } from '../helpers/temp-project.ts';

const profiles = await discoverProfiles(projectRoot);
const specOf = (id: string) => path.join(projectRoot, 'generated', id, 'openapi.yaml');


/** Starts Prism and resolves with the first HTTP status it answers, then stops it. */
async function prismFirstAnswer(spec: string): Promise<{ status: number; output: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(projectRoot, 'node_modules/@stoplight/prism-cli/dist/index.js'), 'mock', spec, '-h', '127.0.0.1', '-p', String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`prism exited with ${code}:\n${output}`))));
  try {
    const deadline = Date.now() + 60_000;
    for (;;) {
      try {
        const response = await Promise.race([fetch(`http://127.0.0.1:${port}/models`, { headers: { authorization: 'Bearer test', 'x-api-key': 'test' } }), exited]);
        return { status: response.status, output };
      } catch (err) {
        if (Date.now() > deadline || String(err).includes('prism exited')) throw err;
        await new Promise((r) => setTimeout(r, 200));
      }
    }
  } finally {
    child.kill('SIGTERM');
  }
}

describe.each(profiles)('generated/%s/openapi.yaml', (id) => {
  it('exists', () => {
    expect(existsSync(specOf(id))).toBe(true);
  });

  it('passes redocly lint with the project rule set', () => {
    const result = spawnSync(process.execPath, [path.join(projectRoot, 'node_modules/@redocly/cli/bin/cli.js'), 'lint', specOf(id), '--config', path.join(projectRoot, 'redocly.yaml'), '--format', 'stylish'], { encoding: 'utf8', cwd: projectRoot });
    expect(result.stdout + result.stderr).toContain('Woohoo! Your API description is valid');
    expect(result.status).toBe(0);
  });

  it('is served by Prism', { timeout: 90_000 }, async () => {
    const { status, output } = await prismFirstAnswer(specOf(id));
    expect(output).toContain('Prism is listening');
    expect(status).toBeGreaterThanOrEqual(200);
    expect(status).toBeLessThan(500);
  });
});
