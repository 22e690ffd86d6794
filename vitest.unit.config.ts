/**
 * `npm run test:unit`: the fast inner loop. Small fixtures only: no build of the real profiles (no
 * global setup), no upstream spec, no browser, no Prism, no packing. A test file that reaches any
 * of those is left to the full suite (`npm test`, vitest.config.ts, which runs every test): the
 * scan of each file's text below decides, so most new tests land on the right side by themselves.
 */
import { globSync, readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';
import { sourceAliases } from './test/helpers/source-aliases.ts';

/** What a test file needs that the unit loop does not provide, as its own text shows it. */
const NEEDS_FULL_SUITE = [
  /generated\/|'generated'|generatedSpec|\bPROFILES\b|oai-compat\/providers|startMock\(\{ provider: '[a-z]|openaiMock\(/, // the built profiles
  /spec\/base\/openai\.yaml|fetchBaseSpec|makeTempProject/, // the upstream spec, real builds
  /prism|chromium|playwright/i, // Prism, the browser
  /packAndInstall/, // the packed package
];

/** Tests that reach those through their helpers (the real overlays and spec, the real profiles). */
const THROUGH_HELPERS = ['test/providers/**', 'test/cli/mock.test.ts', 'test/cli/authoring.test.ts', 'test/capabilities/**', 'test/integration/**', 'test/hardening/**'];

const fullSuiteOnly = [...THROUGH_HELPERS, ...globSync('test/**/*.test.ts').filter((file) => NEEDS_FULL_SUITE.some((pattern) => pattern.test(readFileSync(file, 'utf8'))))];

export default defineConfig({
  resolve: { alias: sourceAliases },
  test: {
    include: ['test/**/*.test.ts'],
    exclude: fullSuiteOnly,
    // Worker threads start faster than forked processes; these tests use no per-process state.
    pool: 'threads',
    testTimeout: 20_000,
  },
});
