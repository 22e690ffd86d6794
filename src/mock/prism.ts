/**
 * `--engine prism`: Prism (`prism mock`) on the profile's resolved spec, behind the same contract
 * as the native engine. Prism serves paths without the spec's `/v1` server prefix, so a small
 * proxy on the requested port strips it, forwards to Prism on a private port, asks for error
 * statuses on demand (`x-mock-status` → Prism's `Prefer: code=`), and rewrites Prism's
 * `application/problem+json` errors into OpenAI's envelope (422 → 400 with `param`), so that
 * SDK error classes behave the same on both engines.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { OpenAPIDocument } from '../build/types.ts';
import { diagnosticError } from '../diagnostics/diagnostic.ts';
import { listen } from './listen.ts';
import type { RunningMock } from './start.ts';

/** Prism's CLI wherever it is installed next to oai-compat (an optional peer dependency). */
function prismBin(): string {
  try {
    return path.join(path.dirname(createRequire(import.meta.url).resolve('@stoplight/prism-cli/package.json')), 'dist/index.js');
  } catch {
    throw diagnosticError({ code: 'mock-no-prism', message: '@stoplight/prism-cli is not installed', hint: 'install it (`npm i -D @stoplight/prism-cli`) or use the native engine' }, 2);
  }
}

export async function startPrism(options: { host: string; port: number; specFile?: string; spec?: OpenAPIDocument; startTimeoutMs?: number }): Promise<RunningMock> {
  // Prism watches its spec file and restarts (refusing connections meanwhile) when it changes:
  // serve a private snapshot, so a concurrent `npm run build` cannot pull the floor away.
  const tempDir = mkdtempSync(path.join(tmpdir(), 'oai-compat-prism-'));
  const specFile = path.join(tempDir, options.specFile ? path.basename(options.specFile) : 'openapi.json');
  if (options.specFile) copyFileSync(options.specFile, specFile);
  else writeFileSync(specFile, JSON.stringify(options.spec));
  const privatePort = await freePort();
  const child = spawn(process.execPath, [prismBin(), 'mock', '--host', '127.0.0.1', '--port', String(privatePort), specFile], {
    stdio: ['ignore', 'pipe', 'pipe'],
    // Prism declares Node >= 24: run it on the Node running us, not whatever `node` is first on PATH.
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  try {
    await waitForPrism(child, options.startTimeoutMs ?? 180_000);
  } catch (err) {
    child.kill();
    rmSync(tempDir, { recursive: true, force: true });
    throw err;
  }
  const { server: proxy } = createProxy(privatePort);
  await listen(proxy, options.port, options.host);
  const port = (proxy.address() as AddressInfo).port;
  return {
    url: `http://${options.host}:${port}/v1`,
    pid: child.pid,
    close: () =>
      new Promise<void>((resolve) => {
        proxy.closeAllConnections();
        proxy.close(() => {
          if (child.exitCode !== null) return done();
          child.once('exit', done);
          child.kill();
        });
        function done(): void {
          rmSync(tempDir, { recursive: true, force: true });
          resolve();
        }
      }),
  };
}

function waitForPrism(child: ChildProcess, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`Prism did not start within ${timeoutMs} ms:\n${output.slice(-2000)}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (/Prism is listening on/.test(output)) {
        clearTimeout(timer);
        child.stdout?.off('data', onData);
        child.stderr?.off('data', onData);
        // Keep draining its log so the pipe never fills and blocks Prism.
        child.stdout?.resume();
        child.stderr?.resume();
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Prism exited with code ${code} before listening:\n${output.slice(-2000)}`));
    });
  });
}

function createProxy(targetPort: number): { server: Server; requests: () => number } {
  let count = 0;
  const server = createServer({ keepAliveTimeout: 30_000 }, (req, res) => {
    const url = req.url ?? '/';
    if (url === '/__mock/requests') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ total: count }));
      return;
    }
    count++;
    const forwarded = url === '/v1' || url.startsWith('/v1/') || url.startsWith('/v1?') ? url.slice(3) || '/' : url;
    const headers = { ...req.headers };
    const asked = headers['x-mock-status'];
    if (typeof asked === 'string' && /^[45]\d\d$/.test(asked)) headers.prefer = `code=${asked}`;
    delete headers['x-mock-status'];
    const upstream = request({ host: '127.0.0.1', port: targetPort, method: req.method, path: forwarded, headers }, (answer) => {
      const type = String(answer.headers['content-type'] ?? '');
      if (!type.startsWith('application/problem+json')) {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
        return;
      }
      const chunks: Buffer[] = [];
      answer.on('data', (c: Buffer) => chunks.push(c));
      answer.on('end', () => {
        const { status, body } = fromProblem(answer.statusCode ?? 500, Buffer.concat(chunks).toString('utf8'));
        const text = JSON.stringify(body);
        res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
        res.end(text);
      });
    });
    upstream.on('error', (err) => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: `Prism is not answering: ${err.message}`, type: 'server_error', param: null, code: null } }));
    });
    req.pipe(upstream);
  });
  return { server, requests: () => count };
}

interface Problem {
  title?: string;
  detail?: string;
  validation?: { location?: string[]; code?: string; message?: string }[];
}

/** Prism's problem document → OpenAI's envelope; the first validation issue becomes `param`. */
export function fromProblem(status: number, text: string): { status: number; body: { error: { message: string; type: string; param: string | null; code: string | null } } } {
  let problem: Problem = {};
  try {
    problem = JSON.parse(text) as Problem;
  } catch {
    // Not JSON after all: keep the status, use the text as the message.
  }
  const issue = problem.validation?.[0];
  let param: string | null = null;
  if (issue) {
    const path = (issue.location ?? []).slice(1);
    const missing = issue.code === 'required' ? /property '([^']+)'/.exec(issue.message ?? '')?.[1] : undefined;
    if (missing) path.push(missing);
    param = path.reduce((out, token) => (/^\d+$/.test(token) ? `${out}[${token}]` : out ? `${out}.${token}` : token), '') || null;
  }
  const mapped = status === 422 ? 400 : status;
  return {
    status: mapped,
    body: {
      error: {
        message: issue?.message ?? problem.detail ?? problem.title ?? (text || `HTTP ${status}`),
        type: mapped === 429 ? 'rate_limit_exceeded' : mapped >= 500 ? 'server_error' : 'invalid_request_error',
        param,
        code: issue?.code ?? null,
      },
    },
  };
}

/** A TCP port on 127.0.0.1 that nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
