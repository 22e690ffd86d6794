/**
 * The API reference page of a profile: `redocly build-docs` on its resolved spec, with Redoc
 * inlined (`--inlineBundle`) so the page works offline. Redocly renders it; this module only says
 * how to call it, so scripts/docs.ts and the site test run the same command.
 *
 * Checked in Chromium with the network off: the page renders fully; the one request it tries is
 * the "API docs by Redocly" logo from cdn.redoc.ly, which the page hides when it fails.
 * The output is byte-identical from run to run (no dates, no random ids).
 */
import path from 'node:path';

export interface ReferenceCommand {
  command: string;
  args: string[];
  /** Variables to add to the environment: no telemetry, no update notice (both would go online). */
  env: Record<string, string>;
}

export interface ReferenceInput {
  projectRoot: string;
  /** The resolved spec, generated/<id>/openapi.yaml. */
  spec: string;
  /** Where the page goes, <site>/<id>/reference.html. */
  output: string;
  /** The provider's name, for the page title. */
  name: string;
}

export function referenceCommand(input: ReferenceInput): ReferenceCommand {
  return {
    command: path.join(input.projectRoot, 'node_modules/.bin/redocly'),
    args: ['build-docs', input.spec, '-o', input.output, '--inlineBundle', '--title', `${input.name} API reference`],
    env: { REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_NOTIFICATIONS: 'true' },
  };
}
