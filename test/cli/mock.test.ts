/** `oai-compat mock` as a user runs it: one "listening on" line once it answers, OpenAI errors after. */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { once } from 'node:events';
import { expect, it } from 'vitest';
import { projectRoot } from '../helpers/temp-project.ts';

async function startCli(args: string[]): Promise<{ url: string; stop(): Promise<void> }> {
  const child = spawn(process.execPath, [path.join(projectRoot, 'bin/oai-compat.js'), 'mock', ...args], { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stderr.on('data', (chunk) => (output += chunk));
  const line = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const first = output.split('\n')[0];
      if (output.includes('\n')) resolve(first);
    });
    child.once('exit', (code) => reject(new Error(`mock exited with ${code}: ${output}`)));
  });
  const match = /^listening on (http:\/\/127\.0\.0\.1:\d+\/v1)$/.exec(line);
  expect(match, line).not.toBeNull();
  return {
    url: match![1],
    async stop() {
      child.kill('SIGTERM');
      const [code] = await once(child, 'exit');
      expect(code).toBe(0);
    },
  };
}

it('serves a provider under /v1 as soon as it prints its line, and stops cleanly', { timeout: 30_000 }, async () => {
  const mock = await startCli(['kluster', '--port', '0']);
  try {
    const ok = await fetch(`${mock.url}/chat/completions`, {
      method: 'POST',
      headers: { authorization: 'Bearer test-key', 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'm', messages: [{ role: 'user', content: 'hi' }] }),
    });
    expect(ok.status).toBe(200);
    expect((await ok.json()).object).toBe('chat.completion');

    const rejected = await fetch(`${mock.url}/chat/completions`, {
      method: 'POST',
      headers: { authorization: 'Bearer test-key', 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'm', messages: [{ role: 'user', content: 'hi' }], n: 2 }),
    });
    expect(rejected.status).toBe(400);
    expect((await rejected.json()).error).toMatchObject({ param: 'n' });

    const notOffered = await fetch(`${mock.url}/embeddings`, { method: 'POST', headers: { authorization: 'Bearer test-key' } });
    expect(notOffered.status).toBe(404);
    expect((await notOffered.json()).error.message).toBeTruthy();
  } finally {
    await mock.stop();
  }
});
