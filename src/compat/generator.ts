/**
 * The compat build step: per profile `compat.json` and `COMPATIBILITY.md` (the build writes them
 * to generated/<id>/); across profiles `MATRIX.md`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../load/package-root.ts';
import type { Generator, GeneratorResult, ResolvedProfile } from '../build/types.ts';
import { capabilityDocument } from '../capabilities/generator.ts';
import { renderCapabilitiesJson, renderCapabilityMarkdown } from '../capabilities/render.ts';
import { buildMatrix } from './matrix.ts';
import { buildCompatReport, type CompatResult } from './model.ts';
import { renderCompatJson } from './render-json.ts';
import { renderProviderMarkdown } from './page/markdown.ts';
import { renderMatrixMarkdown } from './render-matrix.ts';
import type { BaseInfo } from './types.ts';

// Read from the package (checkout or installed copy): a JSON import would sit outside the compiled src/.
const pin = JSON.parse(readFileSync(path.join(packageRoot, 'spec/base/pin.json'), 'utf8')) as { title: string; version: string; sha256: string; repository: string };
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
      { path: 'COMPATIBILITY.md', contents: renderProviderMarkdown(report, profile.model) },
    ],
    diagnostics,
  };
}

export function matrixFiles(profiles: readonly ResolvedProfile[], base: BaseInfo = pinnedBase): GeneratorResult {
  const matrix = buildMatrix(profiles.map((p) => compatResultFor(p, base).report));
  // The capability grid opens MATRIX.md, in the matrix's column order.
  const reports = matrix.profiles.map((m) => compatResultFor(profiles.find((p) => p.id === m.id)!, base).report);
  const capabilities = capabilityDocument(reports, new Map(profiles.map((p) => [p.id, p.model])));
  return {
    files: [
      { path: 'MATRIX.md', contents: renderMatrixMarkdown(matrix, renderCapabilityMarkdown(capabilities, (id) => `${id}/COMPATIBILITY.md`)) },
      { path: 'capabilities.json', contents: renderCapabilitiesJson(capabilities) },
    ],
  };
}

export const compatGenerator: Generator = {
  name: 'compat',
  perProfile: (profile) => compatFiles(profile),
  crossProfile: (profiles) => matrixFiles(profiles),
};
