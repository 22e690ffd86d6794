/**
 * `npm run test:unit`: the fast inner loop. Small fixtures only: no build of the real profiles (no
 * global setup), no upstream spec, no browser, no Prism, no packing. The tests left out here run in
 * the full suite (`npm test`, vitest.config.ts), which runs every test.
 */
import { defineConfig } from 'vitest/config';
import { sourceAliases } from './test/helpers/source-aliases.ts';

/** Tests that read generated/, the upstream spec, a browser, Prism or the packed package. */
export const fullSuiteOnly = [
  'test/build/**',
  'test/integration/**',
  'test/package/**',
  'test/site/**',
  'test/**/*.e2e.test.ts',
  'test/providers/**',
  'test/normalize/real-spec.test.ts',
  'test/normalize/normalize-spec.test.ts',
  'test/overlay/redocly-differential.test.ts',
  'test/compat/base-spec.test.ts',
  'test/compat/provider-docs.test.ts',
  'test/resolve/base-spec.test.ts',
  'test/cli/compat.test.ts',
  'test/cli/mock.test.ts',
  'test/codegen/call-site-types.test.ts',
  'test/codegen/checks.test.ts',
  'test/codegen/clients.test.ts',
  'test/codegen/exports.test.ts',
  'test/codegen/fast-validators.test.ts',
  'test/codegen/profile-build.test.ts',
  'test/codegen/profile-checks.test.ts',
  'test/codegen/profile-types.test.ts',
  'test/mock/every-operation.test.ts',
  'test/mock/prism.test.ts',
  'test/mock/sdk.test.ts',
  'test/mock/robustness.test.ts',
  'test/codegen/generator.test.ts',
];

export default defineConfig({
  resolve: { alias: sourceAliases },
  test: {
    include: ['test/**/*.test.ts'],
    exclude: fullSuiteOnly,
    testTimeout: 20_000,
  },
});
