/**
 * `oai-compat/mock`: a profile's mock server started from code (a test's set-up, a CI script). The
 * profile is found as the CLI finds it (cli/project.ts): the project at or above `cwd` when it has
 * that id, else the profile the package ships.
 */
import path from 'node:path';
import { locateProfile } from '../cli/project.ts';
import { startMock as startAt, type RunningMock, type StartMockOptions as StartAtOptions } from './start.ts';

export type { Fixture, FixtureAnswer, FixtureMatch, FixturesFile } from './fixtures.ts';
export type { ServerTimeouts } from './server.ts';
export type { BodyLimits } from './input.ts';
export type { RunningMock } from './start.ts';

export interface StartMockOptions extends StartAtOptions {
  /** Where the profile is looked up from (default: the current folder). Ignored with `spec` or `generatedDir`. */
  cwd?: string;
}

/** Starts the mock of profile `provider` and resolves once it accepts requests at `url` (ending in `/v1`). */
export async function startMock(options: StartMockOptions): Promise<RunningMock> {
  const { cwd, ...rest } = options;
  if (rest.spec || rest.generatedDir) return startAt(rest);
  const profile = await locateProfile(cwd ?? process.cwd(), rest.provider);
  return startAt({ ...rest, generatedDir: path.dirname(profile.dir) });
}
