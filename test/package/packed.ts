/**
 * The packed package, installed as a user installs it: `npm pack` (which builds dist/ and the
 * shipped profiles in `prepack`), then `npm install <tarball>` into an empty temporary project.
 * npm's cache serves the dependencies (the registry only when one is missing). Node 22 comes from
 * the `node@22` npm package, installed into a temporary folder.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { projectRoot } from '../helpers/temp-project.ts';

const exec = promisify(execFile);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const quiet = ['--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'];

export interface Packed {
  tarball: string;
  /** The temporary project the tarball is installed in. */
  app: string;
  /** Folder of each Node binary to run with: 24 (this one) and 22. */
  nodes: Record<string, string>;
  work: string;
}

export async function packAndInstall(): Promise<Packed> {
  const work = mkdtempSync(path.join(tmpdir(), 'oai-compat-package-'));
  const { stdout } = await exec(npm, ['pack', '--pack-destination', work, '--loglevel=error'], { cwd: projectRoot, maxBuffer: 64 * 1024 * 1024, timeout: 900_000 });
  const tarball = path.join(work, stdout.trim().split('\n').pop()!);
  const app = path.join(work, 'app');
  mkdirSync(app);
  writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
  // @types/node as a TypeScript user of oai-compat/mock (a Node API) has it.
  const typesNode = (JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> }).devDependencies['@types/node'];
  await exec(npm, ['install', tarball, `@types/node@${typesNode}`, ...quiet], { cwd: app, timeout: 600_000 });
  const node22 = path.join(work, 'node22');
  mkdirSync(node22);
  writeFileSync(path.join(node22, 'package.json'), JSON.stringify({ name: 'node22', private: true, allowScripts: { node: true } }));
  await exec(npm, ['install', 'node@22', ...quiet], { cwd: node22, timeout: 600_000 });
  return { tarball, app, work, nodes: { '24': path.dirname(process.execPath), '22': path.join(node22, 'node_modules/.bin') } };
}

/** The environment with `nodeDir` first on PATH: `npx` and the bin's `#!/usr/bin/env node` use that Node. */
export function envWith(nodeDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, PATH: `${nodeDir}${path.delimiter}${process.env.PATH}`, ...extra };
}

export async function npx(nodeDir: string, cwd: string, args: string[], extra: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await exec(npm, ['exec', '--no', '--', 'oai-compat', ...args], { cwd, env: envWith(nodeDir, extra), maxBuffer: 64 * 1024 * 1024, timeout: 600_000 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

/** `npx oai-compat mock <id> --port 0`, resolved with its URL once it prints "listening on". */
export async function startMock(nodeDir: string, cwd: string, id: string): Promise<{ url: string; child: ChildProcess; stop(): Promise<void> }> {
  const child = spawn(npm, ['exec', '--no', '--', 'oai-compat', 'mock', id, '--port', '0'], { cwd, env: envWith(nodeDir), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  child.stderr!.on('data', (chunk) => (output += chunk));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk) => {
      output += chunk;
      const match = /listening on (\S+)/.exec(output);
      if (match) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`mock ${id} exited with ${code}: ${output}`)));
  });
  return {
    url,
    child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        // The whole group: npm exec and the command it started.
        process.kill(-child.pid!, 'SIGTERM');
      }),
  };
}

/** The profiles the installed package ships. */
export function shippedProfiles(app: string): string[] {
  return readdirSync(path.join(app, 'node_modules/oai-compat/dist/generated'), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}
