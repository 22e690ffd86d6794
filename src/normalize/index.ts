/**
 * The normalize stage: programmatic, recorded fixes the upstream OpenAI spec needs before any
 * tool (Ajv, openapi-typescript, redocly, Prism) sees it. One file per fix; this registry runs
 * them in order and counts what each one changed.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { toPointer } from '../load/pointer.ts';
import { discriminatorMapping } from './discriminator-mapping.ts';
import { discriminatorUnmappable } from './discriminator-unmappable.ts';
import { exclusiveBounds } from './exclusive-bounds.ts';
import { implicitTypes } from './implicit-types.ts';
import { inertKeywords } from './inert-keywords.ts';
import { misplacedArrayKeywords } from './misplaced-array-keywords.ts';
import { nullable } from './nullable.ts';
import { pathQueryKeys } from './path-query-keys.ts';
import { recursiveRef } from './recursive-ref.ts';
import { requiredDeclaredCheck } from './required-undeclared.ts';
import type { FixContext, FixReport, JsonObject, NormalizeFix, Path } from './types.ts';
import { unionTypeConflict } from './union-type-conflict.ts';
import { unixtimeFormat } from './unixtime-format.ts';
import { forEachSchema } from './walk.ts';

export type { FixReport, NormalizeFix } from './types.ts';

/**
 * The fixes, in passes. Schema fixes of one pass share a single walk: at each schema they run in
 * the order listed, before the walk descends, so each fix sees its own schema already handled by
 * the fixes listed before it. A pass boundary is needed where a fix reads other schemas that
 * earlier fixes must have finished: the discriminator fixes read the variants' values, which
 * `recursive-ref` (a `$recursiveRef` variant) and `nullable` (enums, `{type: "null"}` branches)
 * rewrite anywhere in the document. A pass is either one document fix or schema fixes only (a
 * document fix in a pass would run before that pass's walk).
 */
export const PASSES: readonly (readonly NormalizeFix[])[] = [
  [pathQueryKeys],
  [recursiveRef, exclusiveBounds, unixtimeFormat, misplacedArrayKeywords, inertKeywords, implicitTypes, unionTypeConflict, nullable],
  [discriminatorUnmappable, discriminatorMapping],
];

export const FIXES: readonly NormalizeFix[] = PASSES.flat();

export interface NormalizeOptions {
  /** File name put in the diagnostics' locations, e.g. `spec/base/openai.yaml`. */
  file?: string;
  /** Passes to run (default: all of them); tests run one fix at a time. */
  passes?: readonly (readonly NormalizeFix[])[];
}

export interface NormalizeResult {
  spec: JsonObject;
  report: FixReport[];
  diagnostics: Diagnostic[];
}

/**
 * Applies every fix to `spec` and reports what each changed, in `PASSES` order.
 * Mutates `spec` in place and returns it: pass a freshly parsed document (or a clone).
 * Deterministic (key order is kept) and idempotent: a second run changes nothing and reports
 * zero counts. Diagnostics are `info` (what was dropped or removed) or `warning` (spec problems
 * left for an overlay to settle), never `error`.
 */
export function normalizeSpec(spec: JsonObject, options: NormalizeOptions = {}): NormalizeResult {
  const diagnostics: Diagnostic[] = [];
  const ctx: FixContext = {
    spec,
    diagnose(d, path) {
      diagnostics.push({ ...d, location: { ...(options.file ? { file: options.file } : {}), pointer: toPointer(path) } });
    },
  };
  const passes = options.passes ?? PASSES;
  const counts = new Map<NormalizeFix, number>();
  passes.forEach((pass, index) => {
    // The checks read the finished document, so they ride along the last walk of a full run.
    const last = !options.passes && index === passes.length - 1;
    runPass(ctx, pass, counts, last ? [requiredDeclaredCheck(ctx)] : []);
  });
  const report = passes.flat().map((fix) => ({ fix: fix.id, count: counts.get(fix) ?? 0, description: fix.description }));
  return { spec, report, diagnostics };
}

function runPass(ctx: FixContext, pass: readonly NormalizeFix[], counts: Map<NormalizeFix, number>, checks: ((schema: JsonObject, path: Path) => void)[]): void {
  const visitors: [NormalizeFix, (schema: JsonObject, path: Path) => number][] = [];
  for (const fix of pass) {
    if (fix.kind === 'document') counts.set(fix, fix.apply(ctx));
    else visitors.push([fix, fix.start(ctx)]);
  }
  if (visitors.length === 0 && checks.length === 0) return;
  const tally = visitors.map(() => 0);
  forEachSchema(ctx.spec, (schema, path) => {
    for (let i = 0; i < visitors.length; i++) tally[i] += visitors[i][1](schema, path);
    for (let i = 0; i < checks.length; i++) checks[i](schema, path);
  });
  visitors.forEach(([fix], i) => counts.set(fix, tally[i]));
}
