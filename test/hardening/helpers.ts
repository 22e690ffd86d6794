/** Shared by the hostile-input tests: raw HTTP exchanges and running the CLI as a user does. */
import { spawn, spawnSync } from 'node:child_process';
import { connect } from 'node:net';
import path from 'node:path';
import { projectRoot } from '../helpers/temp-project.ts';

export const cliPath = path.join(projectRoot, 'bin/oai-compat.js');

/** Runs the CLI to completion (bounded by `timeout`); output and exit code. */
export function runCli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; timeout?: number; input?: string } = {}) {
  const result = spawnSync(process.execPath, [cliPath, ...args], {
    cwd: options.cwd ?? projectRoot,
    env: { ...process.env, ...options.env },
    encoding: 'utf8',
    timeout: options.timeout ?? 30_000,
    input: options.input,
  });
  return { code: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}

/** A short error: no stack frame, few lines. */
export function expectShortError(stderr: string): void {
  if (/\n\s+at .+[(:]\d+/.test(stderr) || stderr.split('\n').length > 12) throw new Error(`not a short error:\n${stderr}`);
}

/** Sends raw bytes on one connection and collects everything the server writes until it closes (or `ms`). */
export function rawExchange(port: number, bytes: string | Buffer, ms = 5000): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let received = '';
    const timer = setTimeout(() => socket.destroy(), ms);
    socket.on('data', (chunk) => (received += chunk.toString('latin1')));
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(received);
    });
    socket.on('error', reject);
    socket.write(bytes);
  });
}

/** Starts `oai-compat mock` (or any command line) and resolves with the first stdout line. */
export function spawnUntilLine(command: string, args: string[], options: { cwd?: string; detached?: boolean } = {}) {
  const child = spawn(command, args, { cwd: options.cwd ?? projectRoot, stdio: ['ignore', 'pipe', 'pipe'], detached: options.detached });
  let output = '';
  const line = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      output += chunk;
      if (output.includes('\n')) resolve(output.split('\n')[0]);
    });
    child.stderr.on('data', (chunk) => (output += chunk));
    child.once('exit', (code) => reject(new Error(`exited with ${code}: ${output}`)));
  });
  return { child, line };
}
