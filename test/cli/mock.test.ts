/** `oai-compat mock` as a user runs it: one "listening on" line once it answers, OpenAI errors after. */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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

it('refuses a fixtures file using a field the provider rejects, with its file, line and pointer', { timeout: 30_000 }, async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'oai-compat-fixtures-'));
  const file = path.join(dir, 'fixtures.yaml');
  writeFileSync(file, 'fixtures:\n  - match:\n      operation: POST /chat/completions\n      body:\n        tools: []\n    reply: { text: hi }\n');
  const child = spawn(process.execPath, [path.join(projectRoot, 'bin/oai-compat.js'), 'mock', 'kluster', '--port', '0', '--fixtures', file], { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const [code] = await once(child, 'exit');
  expect(code).toBe(1);
  expect(stderr).toContain(`${file}:5`);
  expect(stderr).toContain('/fixtures/0/match/body/tools');
  expect(stderr).not.toMatch(/\n\s+at /);
});

it('keeps state with --stateful', { timeout: 30_000 }, async () => {
  const mock = await startCli(['openai', '--port', '0', '--stateful']);
  try {
    const headers = { authorization: 'Bearer test-key', 'content-type': 'application/json' };
    const created = await (await fetch(`${mock.url}/vector_stores`, { method: 'POST', headers, body: JSON.stringify({ name: 'kept' }) })).json();
    const again = await (await fetch(`${mock.url}/vector_stores/${created.id}`, { headers })).json();
    expect(again).toMatchObject({ id: created.id, name: 'kept' });
    expect((await fetch(`${mock.url}/vector_stores/vs_unknown`, { headers })).status).toBe(404);
  } finally {
    await mock.stop();
  }
});
