/**
 * `oai-compat where`: every place the normalized base declares a field, and the operations that
 * reach each place (where a schema edit for one operation would also land without copy-on-write).
 */
import { fieldSites } from '../compile/claims.ts';
import { listOperations } from '../load/openapi.ts';
import type { JsonObject } from '../load/json.ts';
import type { FieldLocation } from '../profile/types.ts';

const LOCATIONS: readonly FieldLocation[] = ['request.body', 'request.query', 'request.header', 'response.body', 'response.stream'];

export interface Declaration {
  /** JSON pointer of the declaring node (a `properties` member, a `oneOf` branch, a parameter). */
  pointer: string;
  /** `POST /responses request.body`: every operation and location reaching it. */
  sharedBy: string[];
}

/** Declarations of `field` (a claim key), optionally only those `operation` reaches. */
export function whereDeclared(spec: JsonObject, field: string, operation?: string): Declaration[] {
  const users = new Map<string, Set<string>>();
  for (const op of listOperations(spec)) {
    for (const location of LOCATIONS) {
      for (const site of fieldSites(spec, { pointer: op.pointer }, location, field)) {
        if (!users.has(site.pointer)) users.set(site.pointer, new Set());
        users.get(site.pointer)!.add(`${op.key} ${location}`);
      }
    }
  }
  const declarations = [...users].map(([pointer, by]) => ({ pointer, sharedBy: [...by].sort() }));
  const reached = operation === undefined ? declarations : declarations.filter((d) => d.sharedBy.some((u) => u.startsWith(`${operation} `)));
  return reached.sort((a, b) => (a.pointer < b.pointer ? -1 : a.pointer > b.pointer ? 1 : 0));
}

export function renderDeclarations(field: string, declarations: readonly Declaration[], operation?: string): string {
  if (declarations.length === 0) return `${field}: declared nowhere ${operation ? `${operation} reaches` : 'in the normalized base'}\n`;
  return declarations.map((d) => `${d.pointer}\n${d.sharedBy.map((u) => `  ${u}`).join('\n')}\n`).join('');
}
