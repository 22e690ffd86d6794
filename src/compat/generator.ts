/**
 * The compat build step: per profile `compat.json` and `COMPATIBILITY.md` (the build writes them
 * to generated/<id>/); across profiles `MATRIX.md`.
 */
import pin from '../../spec/base/pin.json' with { type: 'json' };
import type { Generator, GeneratorResult, ResolvedProfile } from '../build/types.ts';
import { buildMatrix } from './matrix.ts';
import { buildCompatReport, type CompatResult } from './model.ts';
import { renderCompatJson } from './render-json.ts';
import { renderCompatMarkdown } from './render-markdown.ts';
import { renderMatrixMarkdown } from './render-matrix.ts';
import type { BaseInfo } from './types.ts';

export const pinnedBase: BaseInfo = { title: pin.title, version: pin.version, sha256: pin.sha256, url: pin.repository };

// perProfile and crossProfile see the same profile objects: build each report once.
const results = new WeakMap<ResolvedProfile, CompatResult>();

export function compatResultFor(profile: ResolvedProfile, base: BaseInfo = pinnedBase): CompatResult {
  let result = results.get(profile);
  if (!result) {
    result = buildCompatReport(profile, base);
    results.set(profile, result);
  }
  return result;
}

export function compatFiles(profile: ResolvedProfile, base: BaseInfo = pinnedBase): GeneratorResult {
  const { report, diagnostics } = compatResultFor(profile, base);
  return {
    files: [
      { path: 'compat.json', contents: renderCompatJson(report) },
      { path: 'COMPATIBILITY.md', contents: renderCompatMarkdown(report, { overlayFile: profile.overlayFile }) },
    ],
    diagnostics,
  };
}

export function matrixFiles(profiles: readonly ResolvedProfile[], base: BaseInfo = pinnedBase): GeneratorResult {
  const matrix = buildMatrix(profiles.map((p) => compatResultFor(p, base).report));
  return { files: [{ path: 'MATRIX.md', contents: renderMatrixMarkdown(matrix) }] };
}

export const compatGenerator: Generator = {
  name: 'compat',
  perProfile: (profile) => compatFiles(profile),
  crossProfile: (profiles) => matrixFiles(profiles),
};
