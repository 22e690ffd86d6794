/**
 * Mock server benchmark, side by side in one run: the native engine, Steady and Prism on the same
 * generated spec, and aimock (fixture-driven, no spec) with fixtures answering the same requests.
 * Measures time from spawn to the first 200 on POST /chat/completions, requests/s and p99 latency
 * at 10 keep-alive connections (plain, `stream: true`, and with a forced tool call), and the peak
 * RSS of each server's process tree. Our own small load generator on node:http (loopback
 * only, bounded by duration and request count), since wrk is not installed by default.
 * Run standalone: node bench/mock.ts
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { Agent, request } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../src/mock/prism.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CONNECTIONS = 10;
const LOAD_SECONDS = 4;
/** Load before measuring, discarded: every engine gets its JIT and lazy loading warmed the same way. */
const WARMUP_SECONDS = 1;
const MAX_REQUESTS = 200_000;
const chat = JSON.stringify({ model: 'mock-model', messages: [{ role: 'user', content: 'Say hello' }] });
const chatStream = JSON.stringify({ model: 'mock-model', messages: [{ role: 'user', content: 'Say hello' }], stream: true });
const weatherTool = { type: 'function', function: { name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } } };
const chatTools = JSON.stringify({ model: 'mock-model', messages: [{ role: 'user', content: 'Weather in Paris?' }], tools: [weatherTool], tool_choice: 'required' });
/** aimock answers from fixtures only: these answer the bench's three requests. */
const aimockFixtures = {
  fixtures: [
    { match: { toolName: 'get_weather' }, response: { toolCalls: [{ name: 'get_weather', arguments: { city: 'Paris' } }] } },
    { match: { userMessage: 'Say hello' }, response: { content: 'Hello! How can I help you today?' } },
  ],
};

export interface BenchRow {
  name: string;
  value: number;
  unit: string;
}

interface Server {
  engine: string;
  profile: string;
  child: ChildProcess;
  port: number;
  prefix: string;
  startedAt: number;
}


async function launch(engine: string, profile: string): Promise<Server> {
  const port = await freePort();
  // A private copy: Prism restarts whenever its spec file changes, and builds run concurrently.
  const dir = mkdtempSync(path.join(tmpdir(), 'oai-compat-bench-'));
  const spec = path.join(dir, 'openapi.yaml');
  copyFileSync(path.join(root, 'generated', profile, 'openapi.yaml'), spec);
  const fixtures = path.join(dir, 'aimock-fixtures.json');
  writeFileSync(fixtures, JSON.stringify(aimockFixtures));
  const node = process.execPath;
  const args =
    engine === 'native'
      ? [path.join(root, 'bin/oai-compat.js'), 'mock', profile, '--port', String(port)]
      : engine === 'prism'
        ? [path.join(root, 'node_modules/.bin/prism'), 'mock', '--host', '127.0.0.1', '--port', String(port), spec]
        : engine === 'aimock'
          ? [path.join(root, 'node_modules/@copilotkit/aimock/dist/cli.js'), '--host', '127.0.0.1', '--port', String(port), '--fixtures', fixtures, '--log-level', 'silent']
          : [path.join(root, 'node_modules/.bin/steady'), '--host', '127.0.0.1', '--port', String(port), '--quiet', spec];
  const startedAt = performance.now();
  const child = spawn(node, args, { stdio: ['ignore', 'ignore', 'ignore'] });
  // Prism and Steady serve the spec's paths without the server URL's /v1; ours and aimock under /v1.
  return { engine, profile, child, port, prefix: engine === 'native' || engine === 'aimock' ? '/v1' : '', startedAt };
}

function stop(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (server.child.exitCode !== null) return resolve();
    server.child.once('exit', () => resolve());
    server.child.kill('SIGTERM');
    setTimeout(() => server.child.kill('SIGKILL'), 3000).unref();
  });
}

/** RSS of a process and all its descendants, from /proc (Linux). */
function treeRss(pid: number): number {
  let total = 0;
  const visit = (p: number) => {
    try {
      const status = readFileSync(`/proc/${p}/status`, 'utf8');
      total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
      for (const task of readdirSync(`/proc/${p}/task`)) {
        const children = readFileSync(`/proc/${p}/task/${task}/children`, 'utf8').trim();
        if (children) children.split(/\s+/).map(Number).forEach(visit);
      }
    } catch {
      // The process ended while we looked.
    }
  };
  visit(pid);
  return total;
}

function post(agent: Agent, server: Server, body: string, headers: Record<string, string> = {}): Promise<{ status: number; type: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { agent, host: '127.0.0.1', port: server.port, method: 'POST', path: `${server.prefix}/chat/completions`, headers: { 'content-type': 'application/json', authorization: 'Bearer bench-key', 'content-length': Buffer.byteLength(body), ...headers } },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? '') }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function waitReady(server: Server, timeoutMs = 240_000): Promise<number> {
  const agent = new Agent({ keepAlive: false });
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    try {
      if ((await post(agent, server, chat)).status === 200) return performance.now() - server.startedAt;
    } catch {
      // Not listening yet.
    }
    if (server.child.exitCode !== null) throw new Error(`${server.engine} exited early`);
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`${server.engine} not ready after ${timeoutMs} ms`);
}

async function load(server: Server, body: string, headers: Record<string, string>, seconds = LOAD_SECONDS): Promise<{ rps: number; p99: number; streamed: boolean; errors: number }> {
  const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const latencies: number[] = [];
  let errors = 0;
  let streamed = false;
  const end = performance.now() + seconds * 1000;
  const started = performance.now();
  const worker = async () => {
    while (performance.now() < end && latencies.length < MAX_REQUESTS) {
      const t = performance.now();
      try {
        const r = await post(agent, server, body, headers);
        if (r.status !== 200) errors++;
        if (r.type.startsWith('text/event-stream')) streamed = true;
      } catch {
        errors++;
      }
      latencies.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, worker));
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return { rps: latencies.length / elapsed, p99: latencies[Math.floor(latencies.length * 0.99)] ?? NaN, streamed, errors };
}

async function measure(engine: string, profile: string, withLoad: boolean): Promise<BenchRow[]> {
  const server = await launch(engine, profile);
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, treeRss(server.child.pid as number))), 25);
  try {
    const ready = await waitReady(server);
    const rows: BenchRow[] = [{ name: `${engine} ${profile}: ready (spawn → first 200)`, value: Math.round(ready), unit: 'ms' }];
    if (withLoad) {
      await load(server, chat, {}, WARMUP_SECONDS);
      const plain = await load(server, chat, {});
      // The SDK sends no Accept header; Steady streams only with one, so it gets one here.
      const streamed = await load(server, chatStream, engine === 'steady' ? { accept: 'text/event-stream' } : {});
      const tools = await load(server, chatTools, {});
      rows.push(
        { name: `${engine} ${profile}: POST /chat/completions`, value: Math.round(plain.rps), unit: `req/s (p99 ${plain.p99.toFixed(1)} ms, ${plain.errors} non-200)` },
        { name: `${engine} ${profile}: POST /chat/completions stream`, value: Math.round(streamed.rps), unit: `req/s (p99 ${streamed.p99.toFixed(1)} ms, ${streamed.streamed ? 'SSE' : 'no SSE'}, ${streamed.errors} non-200)` },
        { name: `${engine} ${profile}: POST /chat/completions tools`, value: Math.round(tools.rps), unit: `req/s (p99 ${tools.p99.toFixed(1)} ms, ${tools.errors} non-200)` },
      );
    }
    peak = Math.max(peak, treeRss(server.child.pid as number));
    rows.push({ name: `${engine} ${profile}: peak RSS`, value: Math.round(peak / 1024 / 1024), unit: 'MB' });
    return rows;
  } finally {
    clearInterval(sampler);
    await stop(server);
  }
}

export async function benchMock(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const engine of ['native', 'steady', 'prism', 'aimock']) rows.push(...(await measure(engine, 'openai', true)));
  for (const profile of ['neosantara', 'compactifai', 'kluster', 'oxlo']) rows.push(...(await measure('native', profile, false)));
  return [...rows, ...ratios(rows)];
}

/** The targets as same-run ratios: native against Steady on openai. */
function ratios(rows: BenchRow[]): BenchRow[] {
  const value = (name: string) => rows.find((r) => r.name === name)?.value ?? NaN;
  const p99 = (name: string) => Number(/p99 ([\d.]+) ms/.exec(rows.find((r) => r.name === name)?.unit ?? '')?.[1]);
  const plain = value('native openai: POST /chat/completions') / value('steady openai: POST /chat/completions');
  const memory = value('native openai: peak RSS') / value('steady openai: peak RSS');
  const latency = p99('native openai: POST /chat/completions');
  return [
    { name: 'native / steady, plain req/s', value: Number(plain.toFixed(2)), unit: `x (target >= 2x: ${plain >= 2 ? 'met' : 'missed'})` },
    { name: 'native p99, plain, 10 connections', value: latency, unit: `ms (target < 10 ms: ${latency < 10 ? 'met' : 'missed'})` },
    { name: 'native / steady, peak RSS', value: Number(memory.toFixed(2)), unit: `x (target <= 1x: ${memory <= 1 ? 'met' : 'missed'})` },
  ];
}

export function formatRows(rows: BenchRow[]): string {
  const width = Math.max(...rows.map((r) => r.name.length));
  return rows.map((r) => `${r.name.padEnd(width)}  ${String(r.value).padStart(7)} ${r.unit}`).join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const rows = await benchMock();
  process.stdout.write(`${formatRows(rows)}\n`);
}
