/**
 * Our engine against `redocly bundle --overlay` (Redocly CLI 2.77): the compliant sets, our fixtures,
 * every provider overlay on the real base spec, and a table of failure cases. Every difference must
 * be one of docs/overlay-differences.md, and every documented difference must still occur.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeToken } from '../../src/load/pointer.ts';
import { applyOverlay, type ApplyResult } from '../../src/overlay/index.ts';
import { select } from '../../src/overlay/select.ts';
import { caseFolders, compliantSetsDir, fixturesDir, projectRoot, readYaml } from './fixtures.ts';

const node = path.join(projectRoot, 'node_modules/.bin/node');
const redoclyCli = path.join(projectRoot, 'node_modules/@redocly/cli/bin/cli.js');
const baseSpec = path.join(projectRoot, 'spec/base/openai.yaml');
const documented = new Set([...fs.readFileSync(path.join(projectRoot, 'docs/overlay-differences.md'), 'utf8').matchAll(/^### ([a-z0-9-]+)$/gm)].map((m) => m[1]));

interface Case {
  name: string;
  input: string;
  overlay: string;
}

const providerOverlays = fs.existsSync(path.join(projectRoot, 'spec/providers'))
  ? caseFolders(path.join(projectRoot, 'spec/providers'), 'overlay.yaml').map((id) => ({ name: `provider ${id}`, input: baseSpec, overlay: path.join(projectRoot, 'spec/providers', id, 'overlay.yaml') }))
  : [];
const documentCases: Case[] = [
  ...caseFolders(compliantSetsDir, 'overlay.yaml').map((name) => ({ name, input: path.join(compliantSetsDir, name, 'openapi.yaml'), overlay: path.join(compliantSetsDir, name, 'overlay.yaml') })),
  ...caseFolders(fixturesDir, 'overlay.yaml').map((name) => ({ name: `fixture ${name}`, input: path.join(fixturesDir, name, 'input.yaml'), overlay: path.join(fixturesDir, name, 'overlay.yaml') })),
  ...providerOverlays,
];

/** Failure-prone overlays on a small document; `redocly` is what Redocly does, `lenient`/`strict` what we do. */
type Outcome = 'ok' | 'warning' | 'error';
const SMALL = `openapi: 3.1.0
info: { title: t, version: '1' }
tags: [a, b]
paths:
  /items:
    get:
      summary: s
      parameters: [{ name: a, in: query }]
      responses: { '200': { description: OK } }
components:
  schemas: { A: { type: string } }
`;
const behaviours: { name: string; actions: string; version?: string; redocly: Outcome; lenient: Outcome; strict: Outcome; difference?: string }[] = [
  { name: 'zero-match target', actions: `  - target: $.nope\n    remove: true\n`, redocly: 'ok', lenient: 'ok', strict: 'error', difference: 'zero-match-target' },
  { name: 'null member over an object', actions: `  - target: $\n    update: { paths: null }\n`, redocly: 'error', lenient: 'warning', strict: 'error', difference: 'null-over-container' },
  { name: 'copy source matching nothing', actions: `  - target: $.info\n    copy: $.nope\n`, redocly: 'error', lenient: 'warning', strict: 'error', difference: 'copy-source-no-match' },
  { name: 'copy source matching two nodes', actions: `  - target: $.info\n    copy: $.tags.*\n`, redocly: 'error', lenient: 'error', strict: 'error' },
  { name: 'object onto an array member', actions: `  - target: $.paths['/items'].get\n    update: { parameters: { name: b } }\n`, redocly: 'error', lenient: 'error', strict: 'error' },
  { name: 'object onto a primitive target', actions: `  - target: $.info.title\n    update: { a: 1 }\n`, redocly: 'error', lenient: 'error', strict: 'error' },
  { name: 'primitive onto an object target', actions: `  - target: $.info\n    update: hello\n`, redocly: 'error', lenient: 'error', strict: 'error' },
  { name: 'targets of mixed kinds', actions: `  - target: $.paths['/items'].get.*\n    update: { x: 1 }\n`, redocly: 'error', lenient: 'error', strict: 'error' },
  { name: 'update and copy together', version: '1.2.0', actions: `  - target: $.info\n    update: { x-u: 1 }\n    copy: $.components\n`, redocly: 'error', lenient: 'error', strict: 'error' },
  { name: 'removing the root', actions: `  - target: $\n    remove: true\n`, redocly: 'error', lenient: 'error', strict: 'error' },
  { name: 'JSONPath syntax error', actions: `  - target: $.paths[?@.x ==]\n    remove: true\n`, redocly: 'error', lenient: 'error', strict: 'error' },
  { name: 'copy in a 1.0 overlay', version: '1.0.0', actions: `  - target: $.info\n    copy: $.tags\n`, redocly: 'error', lenient: 'error', strict: 'error' },
  { name: 'array update concatenates in 1.0', version: '1.0.0', actions: `  - target: $.tags\n    update: [c, d]\n`, redocly: 'ok', lenient: 'ok', strict: 'ok' },
  { name: 'a node selected twice changes once', actions: `  - target: $['tags','tags']\n    update: c\n`, redocly: 'ok', lenient: 'ok', strict: 'ok' },
];

let work: string;
const redocly = new Map<string, { ok: boolean; output?: unknown; log: string }>();
const observed = new Set<string>();

function runRedocly(input: string, overlay: string, output: string): Promise<{ ok: boolean; output?: unknown; log: string }> {
  const args = [redoclyCli, 'bundle', input, '--overlay', overlay, '-o', output, '--config', path.join(work, 'redocly.yaml')];
  const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' };
  return new Promise((resolve) => {
    execFile(node, args, { env, timeout: 180_000, maxBuffer: 16 << 20 }, (err, stdout, stderr) => {
      const ok = !err && fs.existsSync(output);
      resolve({ ok, output: ok ? JSON.parse(fs.readFileSync(output, 'utf8')) : undefined, log: `${stdout}${stderr}` });
    });
  });
}

/** Runs the jobs two at a time (the machine has two cores; the provider runs take seconds each). */
async function pool(jobs: (() => Promise<void>)[], width = 2): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < jobs.length) await jobs[next++]();
  }));
}

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'oai-compat-redocly-'));
  fs.writeFileSync(path.join(work, 'redocly.yaml'), '{}\n');
  fs.writeFileSync(path.join(work, 'small.yaml'), SMALL);
  // Provider runs first: they are the long ones.
  const ordered = [...providerOverlays, ...documentCases.filter((c) => !providerOverlays.includes(c))];
  const jobs = ordered.map((c, i) => async () => {
    redocly.set(c.name, await runRedocly(c.input, c.overlay, path.join(work, `case-${i}.json`)));
  });
  behaviours.forEach((b, i) => {
    const overlayFile = path.join(work, `behaviour-${i}.yaml`);
    fs.writeFileSync(overlayFile, `overlay: ${b.version ?? '1.1.0'}\ninfo: { title: t, version: '1' }\nactions:\n${b.actions}`);
    jobs.push(async () => {
      redocly.set(`behaviour ${b.name}`, await runRedocly(path.join(work, 'small.yaml'), overlayFile, path.join(work, `behaviour-${i}.json`)));
    });
  });
  await pool(jobs);
}, 600_000);
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/** Pointers where two documents differ (the deepest differing members). */
function differences(ours: unknown, theirs: unknown, pointer = ''): { pointer: string; ours: unknown; theirs: unknown }[] {
  if (isDeepStrictEqual(ours, theirs)) return [];
  const bothObjects = typeof ours === 'object' && ours !== null && typeof theirs === 'object' && theirs !== null && Array.isArray(ours) === Array.isArray(theirs);
  if (!bothObjects || (Array.isArray(ours) && ours.length !== (theirs as unknown[]).length)) return [{ pointer, ours, theirs }];
  const keys = new Set([...Object.keys(ours as object), ...Object.keys(theirs as object)]);
  return [...keys].flatMap((k) => differences((ours as Record<string, unknown>)[k], (theirs as Record<string, unknown>)[k], `${pointer}/${escapeToken(k)}`));
}

/** The documented difference that explains one differing pointer, if any. */
function explain(difference: { pointer: string; ours: unknown; theirs: unknown }, input: unknown, overlay: { actions?: { target?: string }[] }): string | undefined {
  if (difference.pointer === '/components' && difference.ours === undefined && isDeepStrictEqual(difference.theirs, {})) return 'bundle-empty-components';
  for (const action of overlay.actions ?? []) {
    const target = action.target ?? '';
    if (!/\[\?[^\]]*&&[^\]]*&&/.test(target)) continue;
    // The nodes the filter chooses among: a difference under them comes from the filter's selection.
    const scope = select(target.slice(0, target.indexOf('[?')), input).map((m) => `/${m.location.map(escapeToken).join('/')}`);
    if (scope.some((s) => difference.pointer.startsWith(`${s}/`))) return 'and-chain-filters';
  }
  return undefined;
}

describe('our overlay engine against redocly bundle --overlay', () => {
  it('covers the compliant sets, our fixtures and every provider overlay present', () => {
    expect(documentCases.length).toBeGreaterThanOrEqual(20);
    const onDisk = fs.existsSync(path.join(projectRoot, 'spec/providers')) ? fs.readdirSync(path.join(projectRoot, 'spec/providers')).filter((id) => fs.existsSync(path.join(projectRoot, 'spec/providers', id, 'overlay.yaml'))) : [];
    expect(providerOverlays.map((c) => c.name).sort()).toEqual(onDisk.map((id) => `provider ${id}`).sort());
  });

  for (const c of documentCases) {
    it(c.name, () => {
      const theirs = redocly.get(c.name)!;
      expect(theirs.ok, theirs.log).toBe(true);
      const input = readYaml(c.input);
      const overlay = readYaml(c.overlay) as { actions?: { target?: string }[] };
      const ours = applyOverlay(input, overlay, { file: c.overlay });
      expect(ours.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const unexplained = [];
      for (const difference of differences(ours.document, theirs.output)) {
        const id = explain(difference, input, overlay);
        if (id) observed.add(id);
        else unexplained.push(difference);
      }
      expect(unexplained).toEqual([]);
    });
  }

  for (const b of behaviours) {
    it(`behaviour: ${b.name}`, () => {
      const theirs = redocly.get(`behaviour ${b.name}`)!;
      const overlay = { overlay: b.version ?? '1.1.0', info: { title: 't', version: '1' }, actions: (readYaml(path.join(work, `behaviour-${behaviours.indexOf(b)}.yaml`)) as { actions: unknown[] }).actions };
      const outcome = (r: ApplyResult): Outcome => (r.diagnostics.some((d) => d.severity === 'error') ? 'error' : r.diagnostics.length ? 'warning' : 'ok');
      const lenient = applyOverlay(readYaml(path.join(work, 'small.yaml')), overlay);
      const strict = applyOverlay(readYaml(path.join(work, 'small.yaml')), overlay, { strict: true });
      expect({ redocly: theirs.ok ? 'ok' : 'error', lenient: outcome(lenient), strict: outcome(strict) }).toEqual({ redocly: b.redocly, lenient: b.lenient, strict: b.strict });
      const agree = (theirs.ok ? 'ok' : 'error') === (outcome(lenient) === 'error' ? 'error' : 'ok') && (theirs.ok ? 'ok' : 'error') === (outcome(strict) === 'error' ? 'error' : 'ok');
      if (!agree) {
        expect(b.difference, 'an undocumented difference').toBeDefined();
        observed.add(b.difference!);
      }
      if (theirs.ok && outcome(lenient) !== 'error') expect(lenient.document).toEqual(theirs.output);
    });
  }

  it('documents exactly the differences observed', () => {
    expect([...observed].sort()).toEqual([...documented].sort());
  });
});
