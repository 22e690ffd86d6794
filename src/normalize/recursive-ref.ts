/**
 * Draft 2019-09 recursion keywords: `$recursiveAnchor: true` / `$recursiveRef: "#"`.
 *
 * Upstream: `CompoundFilter` (and `BetaCompoundFilter`) say "items are a ComparisonFilter or a
 * CompoundFilter" with `$recursiveRef: "#"`, anchored by `$recursiveAnchor: true` on the component.
 * Breaks: OAS 3.1 schemas use the 2020-12 dialect, where these keywords no longer exist (they
 * became `$dynamicRef`/`$dynamicAnchor`); redocly's `struct` rule rejects both; in a bundled
 * document with no `$id`, `"#"` would resolve to the document root, not to the component;
 * openapi-typescript cannot follow it, and a discriminator cannot map an inline `$recursiveRef`.
 * We: replace `$recursiveRef: "#"` by a plain `$ref` to the component schema that carries
 * `$recursiveAnchor: true` (what the authors meant), and drop the anchor.
 * `count` = `$recursiveRef`s replaced.
 */
import { toPointer } from '../load/pointer.ts';
import { renameKey } from './schema-utils.ts';
import type { Path, SchemaFix } from './types.ts';

export const recursiveRef: SchemaFix = {
  id: 'recursive-ref',
  description: '`$recursiveRef: "#"` (draft 2019-09) replaced by a `$ref` to the component carrying `$recursiveAnchor`; counts refs',
  kind: 'schema',
  start(ctx) {
    /** Component names whose root had `$recursiveAnchor: true` (roots are visited before their subschemas). */
    const anchored = new Set<string>();
    return (schema, path) => {
      if (schema.$recursiveAnchor === true) {
        if (isComponentRoot(path)) anchored.add(String(path[2]));
        delete schema.$recursiveAnchor;
      }
      if (typeof schema.$recursiveRef !== 'string') return 0;
      if (schema.$recursiveRef !== '#' || !isComponentPath(path) || !anchored.has(String(path[2]))) {
        ctx.diagnose(
          {
            code: 'normalize-recursive-ref-unresolved',
            severity: 'warning',
            message: `cannot rewrite $recursiveRef "${schema.$recursiveRef}": only "#" inside a component schema with $recursiveAnchor is understood`,
            hint: 'replace it with a $ref to the intended schema in an overlay',
          },
          path,
        );
        return 0;
      }
      schema.$recursiveRef = `#${toPointer(path.slice(0, 3))}`;
      renameKey(schema, '$recursiveRef', '$ref');
      return 1;
    };
  },
};

function isComponentPath(path: Path): boolean {
  return path[0] === 'components' && path[1] === 'schemas' && path.length >= 3;
}

function isComponentRoot(path: Path): boolean {
  return isComponentPath(path) && path.length === 3;
}
