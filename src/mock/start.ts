/**
 * `startMock`: the programmatic entry (tests, CI set-ups, the CLI). Loads a profile's mock data
 * from generated/<id>/, starts the native engine or Prism, and resolves once requests are accepted.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { OpenAPIDocument } from '../build/types.ts';
import { diagnosticError } from '../diagnostics/diagnostic.ts';
import { createEngine, type Engine } from './engine.ts';
import { DEFAULT_MAX_FAULTS } from './faults.ts';
import type { BodyLimits } from './input.ts';
import { mockDataFromSpec, parseMockData, type MockData } from './load.ts';
import { listen } from './listen.ts';
import { createMockServer, timeoutsFromEnv, type ServerTimeouts } from './server.ts';
import { createState } from './state.ts';
import type { FixturesFile } from './fixtures.ts';
import { precompiledValidator, type PrecompiledTable } from './codegen-validators.ts';
import { lazyAjvValidators, type RequestValidator } from './validate.ts';

export interface StartMockOptions {
  /** Profile id: `openai` or a provider id with generated/<id>/. */
  provider: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  engine?: 'native' | 'prism';
  /** Serve this spec instead of generated/<provider>/ (tests with fixture specs). */
  spec?: OpenAPIDocument;
  /** Directory holding <id>/openapi.yaml; defaults to the project's generated/. */
  generatedDir?: string;
  limits?: BodyLimits;
  /**
   * `lazy`: compile each operation's validators on first use. `precompiled` and `auto` (the
   * default): the codegen validators of generated/<id>/ for JSON bodies when the build wrote them
   * (each loaded on its operation's first request, no compilation), else `lazy`.
   */
  validators?: 'auto' | 'lazy' | 'precompiled';
  /** Keep files, vector stores, batches and responses in memory (create → retrieve → list → delete). */
  stateful?: boolean;
  /** Scripted scenarios: a fixtures file (YAML/JSON) or its parsed content. */
  fixtures?: string | FixturesFile;
  /** Slow-client limits (default: from the environment, see timeoutsFromEnv). */
  timeouts?: ServerTimeouts;
  /** Size of the fault queue (default: `OAI_COMPAT_MOCK_MAX_FAULTS`, else 1000). */
  maxFaults?: number;
}

export interface RunningMock {
  /** Base URL including `/v1`, e.g. `http://127.0.0.1:4010/v1`: what SDKs take as baseURL. */
  url: string;
  close(): Promise<void>;
  /** The native engine (absent with Prism). */
  engine?: Engine;
  /** Process id serving requests when it is not this one (Prism). */
  pid?: number;
}

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export function profileFiles(provider: string, generatedDir = path.join(projectRoot, 'generated')): { spec: string; data: string } {
  if (!/^[a-z][a-z0-9-]*$/.test(provider)) {
    throw diagnosticError({ code: 'mock-unknown-profile', message: `"${provider}" is not a profile id`, hint: 'use openai or a provider id from spec/providers/' }, 2);
  }
  const dir = path.join(generatedDir, provider);
  // A shipped profile holds its resolved spec as openapi.json (the YAML is left out of the package).
  const json = path.join(dir, 'openapi.json');
  return { spec: existsSync(json) ? json : path.join(dir, 'openapi.yaml'), data: path.join(dir, 'mock.gen.json') };
}

/** Profiles with a resolved spec in `generatedDir`. */
function builtProfiles(generatedDir: string): string[] {
  if (!existsSync(generatedDir)) return [];
  return readdirSync(generatedDir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && !e.name.startsWith('.') && ['openapi.yaml', 'openapi.json'].some((f) => existsSync(path.join(generatedDir, e.name, f))))
    .map((e) => e.name)
    .sort();
}

/** A shipped profile's openapi.json, which its mock.gen.json leaves out. */
function readSpecJson(file: string): OpenAPIDocument {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as OpenAPIDocument;
  } catch (err) {
    throw diagnosticError(
      { code: 'mock-data-corrupt', message: `cannot read the resolved spec ${file}: ${(err as Error).message}`, hint: 'reinstall oai-compat (the profile is incomplete)', location: { file } },
      3,
    );
  }
}

export async function loadMockData(options: StartMockOptions): Promise<MockData> {
  if (options.spec) return mockDataFromSpec(options.spec, options.provider);
  const files = profileFiles(options.provider, options.generatedDir);
  const generatedDir = path.dirname(path.dirname(files.spec));
  // A build killed while switching generated/ left a journal: finish it before reading anything.
  if (existsSync(path.join(generatedDir, '.commit.json'))) await (await import('../build/commit.ts')).recoverGenerated(generatedDir);
  const known = options.provider === 'openai' || existsSync(path.join(generatedDir, options.provider)) || existsSync(path.join(projectRoot, 'spec/providers', options.provider));
  if (!known) {
    const built = builtProfiles(generatedDir);
    throw diagnosticError(
      { code: 'mock-unknown-profile', message: `unknown profile "${options.provider}"`, hint: built.length ? `built profiles: ${built.join(', ')}` : 'run `npm run build` first, then use openai or a provider id from spec/providers/' },
      2,
    );
  }
  if (existsSync(files.data)) {
    const stored = parseMockData(readFileSync(files.data, 'utf8'), files.data);
    return { ...stored, spec: stored.spec ?? readSpecJson(files.spec) };
  }
  if (!existsSync(files.spec)) {
    throw diagnosticError(
      { code: 'mock-profile-not-built', message: `no resolved spec for "${options.provider}"`, hint: 'run `npm run build` first (it writes generated/<id>/openapi.yaml)', location: { file: files.spec } },
      3,
    );
  }
  // Loaded only on this path: the YAML libraries cost more start-up time than parsing JSON.
  const { parseYaml } = await import('../load/document.ts');
  return mockDataFromSpec(parseYaml(readFileSync(files.spec, 'utf8'), files.spec) as OpenAPIDocument, options.provider);
}

/**
 * Uses the profile's codegen operations table when the build wrote it: operations.gen.js in a
 * shipped (compiled) profile, operations.gen.ts in a project's generated/<id>/. A module this Node
 * cannot load (TypeScript without type stripping) leaves the lazily compiled validators in charge.
 */
async function withPrecompiled(options: StartMockOptions, fallback: RequestValidator): Promise<RequestValidator> {
  const dir = path.join(options.generatedDir ?? path.join(projectRoot, 'generated'), options.provider);
  const file = ['operations.gen.js', 'operations.gen.ts'].map((name) => path.join(dir, name)).find((f) => existsSync(f));
  if (options.validators === 'lazy' || !file) return fallback;
  try {
    const { operationTable } = (await import(pathToFileURL(file).href)) as { operationTable: PrecompiledTable };
    return precompiledValidator(operationTable, fallback);
  } catch (err) {
    if (options.validators === 'precompiled') throw err;
    return fallback;
  }
}

function maxFaultsFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const text = env.OAI_COMPAT_MOCK_MAX_FAULTS;
  return text !== undefined && /^[1-9]\d{0,6}$/.test(text) ? Number(text) : DEFAULT_MAX_FAULTS;
}

export async function startMock(options: StartMockOptions): Promise<RunningMock> {
  const host = options.host ?? '127.0.0.1';
  if ((options.engine ?? 'native') === 'prism') {
    const specFile = options.spec ? undefined : profileFiles(options.provider, options.generatedDir).spec;
    const { startPrism } = await import('./prism.ts');
    return startPrism({ host, port: options.port ?? 0, specFile, spec: options.spec });
  }
  const data = await loadMockData(options);
  const validators = lazyAjvValidators(data.spec);
  const engine = createEngine({
    spec: data.spec,
    model: data.model,
    validator: options.spec ? validators.request : await withPrecompiled(options, validators.request),
    responseCheck: (op, body) => validators.response.body(op, body),
    prepared: data.prepared,
    limits: options.limits,
    maxFaults: options.maxFaults ?? maxFaultsFromEnv(),
    ...(options.stateful ? { state: createState() } : {}),
    // Loaded only when asked for: the YAML reader costs start-up time.
    ...(options.fixtures ? { fixtures: (await import('./fixtures.ts')).loadFixtures(options.fixtures, data.model, data.spec) } : {}),
  });
  const server = createMockServer(engine.handle, options.timeouts ?? timeoutsFromEnv());
  await listen(server, options.port ?? 0, host);
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}/v1`,
    engine,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
