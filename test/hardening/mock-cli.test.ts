/** `oai-compat mock` process hygiene: busy port, bad flags, unknown profile, signals (also through npx). */
import { once } from 'node:events';
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { cliPath, expectShortError, runCli, spawnUntilLine } from './helpers.ts';

const portOf = (line: string) => Number(/^listening on http:\/\/127\.0\.0\.1:(\d+)\/v1$/.exec(line)?.[1]);

describe('oai-compat mock as a process', () => {
  it('a busy port is a one-line error with exit code 2', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const busy = (blocker.address() as { port: number }).port;
    try {
      const result = runCli(['mock', 'kluster', '--port', String(busy)]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`port ${busy} on 127.0.0.1 is already in use`);
      expectShortError(result.stderr);
    } finally {
      blocker.close();
    }
  });

  it('refuses a host that is not an address of this machine, non-decimal ports and unknown profiles (exit 2)', () => {
    const host = runCli(['mock', 'kluster', '--port', '0', '--host', '203.0.113.7']);
    expect(host.code).toBe(2);
    expectShortError(host.stderr);
    for (const port of ['0x10', '1e3', '-1', '65536', '', '8080.0']) {
      const result = runCli(['mock', 'kluster', `--port=${port}`]);
      expect(result.code, port).toBe(2);
      expect(result.stderr).toContain(`invalid port "${port}"`);
    }
    const unknown = runCli(['mock', 'nope']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown profile "nope"');
    expectShortError(unknown.stderr);
  });

  it('--port 0 picks a free port and prints it; SIGINT and SIGTERM stop it with exit code 0', async () => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      const { child, line } = spawnUntilLine(process.execPath, [cliPath, 'mock', 'kluster', '--port', '0']);
      const port = portOf(await line);
      expect(port).toBeGreaterThan(0);
      expect((await fetch(`http://127.0.0.1:${port}/__mock/health`)).status).toBe(200);
      child.kill(signal);
      const [code] = await once(child, 'exit');
      expect(code).toBe(0);
      await expect(fetch(`http://127.0.0.1:${port}/__mock/health`)).rejects.toThrow();
    }
  });

  // SIGTERM goes to npx alone (a CI runner, `kill`); SIGINT as Ctrl-C sends it, to the whole
  // foreground process group (npm leaves SIGINT to the terminal and does not forward it).
  it.each([
    ['SIGTERM to the npx in front of it', 'SIGTERM', false],
    ['Ctrl-C (SIGINT to the process group of npx and the mock)', 'SIGINT', true],
  ] as const)('%s stops the server', async (_, signal, group) => {
    const { child, line } = spawnUntilLine('npx', ['--no-install', 'oai-compat', 'mock', 'kluster', '--port', '0'], { detached: group });
    const port = portOf(await line);
    expect((await fetch(`http://127.0.0.1:${port}/__mock/health`)).status).toBe(200);
    if (group) process.kill(-child.pid!, signal);
    else child.kill(signal);
    await once(child, 'exit');
    // The server is gone once npx has exited: nothing keeps listening behind it.
    for (let i = 0; i < 50; i++) {
      const up = await fetch(`http://127.0.0.1:${port}/__mock/health`).then(() => true, () => false);
      if (!up) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`the mock still answers after ${signal} to npx`);
  });
});
