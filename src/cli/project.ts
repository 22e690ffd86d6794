/**
 * The one way every command finds what it works on. The project is the nearest folder at or above
 * the current folder (or `--cwd`) holding spec/providers/ or spec/base/pin.json; its profiles are
 * spec/providers/<id>/ and it builds into its generated/. A profile the project does not have
 * (no spec/providers/<id>/ and no generated/<id>/) comes from the profiles the package ships.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { BASE_PROFILE, discoverProfiles, unknownProfileError } from '../build/build.ts';
import { diagnosticError } from '../diagnostics/diagnostic.ts';
import { shippedProfilesDir } from '../load/package-root.ts';

/** The project folder at or above `start`, or undefined outside any project. */
export function findProject(start: string): string | undefined {
  let dir = path.resolve(start);
  for (;;) {
    if (existsSync(path.join(dir, 'spec/base/pin.json')) || existsSync(path.join(dir, 'spec/providers'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** The project, for commands that need one (build, diff). */
export function findProjectRoot(start: string): string {
  const root = findProject(start);
  if (root) return root;
  throw diagnosticError(
    {
      code: 'no-project',
      message: 'not inside an oai-compat project (no spec/providers/ or spec/base/pin.json here or above)',
      hint: 'run the command from the project folder, pass --cwd <folder>, or create spec/providers/<id>/overlay.yaml',
      location: { file: start },
    },
    2,
  );
}

function shippedProfiles(): string[] {
  if (!existsSync(shippedProfilesDir)) return [];
  return readdirSync(shippedProfilesDir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(path.join(shippedProfilesDir, e.name, 'compat.json')))
    .map((e) => e.name);
}

export interface LocatedProfile {
  id: string;
  /** The folder holding the profile's generated files (it may not be built yet). */
  dir: string;
  /** The package's copy, not the project's. */
  shipped: boolean;
  /** The project, when the profile is the project's own. */
  projectRoot?: string;
}

/** Where profile `id` lives for a command run in `cwd`; an unknown id is a usage error naming the known ones. */
export async function locateProfile(cwd: string, id: string): Promise<LocatedProfile> {
  const root = findProject(cwd);
  if (root) {
    const own = path.join(root, 'generated', id);
    const known = await discoverProfiles(root);
    // The base profile is the project's once its build wrote it; until then the shipped one serves.
    if ((known.includes(id) && id !== BASE_PROFILE) || existsSync(own)) return { id, dir: own, shipped: false, projectRoot: root };
  }
  if (shippedProfiles().includes(id)) return { id, dir: path.join(shippedProfilesDir, id), shipped: true };
  const known = [...new Set([...(root ? await discoverProfiles(root) : []), ...shippedProfiles().sort()])];
  throw unknownProfileError(id, known);
}
