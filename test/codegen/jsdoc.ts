/** Reads the JSDoc tags editors would show for a request field of a generated profile (via the type checker). */
import path from 'node:path';
import { Project, type Symbol as MorphSymbol, type Type } from 'ts-morph';
import { projectRoot } from './helpers.ts';

export interface FieldDoc {
  /** Text of the `@deprecated` tag on each declaration of the field (undefined when it has none). */
  deprecated: (string | undefined)[];
  /** Text of the `@description` tags. */
  descriptions: string[];
}

/** One project per profile folder; the JSDoc of `fieldPath` in the JSON request body of `method path`. */
export function requestFieldDocs(dir: string, method: string, apiPath: string, fieldPaths: string[]): Map<string, FieldDoc | undefined> {
  const project = new Project({ tsConfigFilePath: path.join(projectRoot, 'tsconfig.json'), skipAddingFilesFromTsConfig: true });
  const probe = project.createSourceFile(
    path.join(dir, '__probe.ts'),
    `import type { paths } from './types.gen.ts';\nexport type Body = paths[${JSON.stringify(apiPath)}][${JSON.stringify(method)}]['requestBody'] extends infer R ? NonNullable<R> extends { content: infer C } ? C[keyof C] : never : never;\n`,
    { overwrite: true },
  );
  const body = probe.getTypeAliasOrThrow('Body').getType();
  const out = new Map<string, FieldDoc | undefined>();
  for (const fieldPath of fieldPaths) out.set(fieldPath, docsAt(body, fieldPath.split('.'), probe));
  return out;
}

function docsAt(type: Type, segments: string[], probe: import('ts-morph').SourceFile): FieldDoc | undefined {
  const [head, ...rest] = segments;
  const key = head.replace(/\[\]$/, '');
  const symbols: MorphSymbol[] = [];
  for (const member of expand(type)) {
    const symbol = member.getProperty(key);
    if (symbol) symbols.push(symbol);
  }
  if (!symbols.length) return undefined;
  if (rest.length === 0) {
    const deprecated: (string | undefined)[] = [];
    const descriptions: string[] = [];
    for (const symbol of symbols) {
      const tags = symbol.compilerSymbol.getJsDocTags();
      const tag = tags.find((t) => t.name === 'deprecated');
      deprecated.push(tag ? (tag.text ?? []).map((p) => p.text).join('') : undefined);
      for (const t of tags) if (t.name === 'description') descriptions.push((t.text ?? []).map((p) => p.text).join(''));
    }
    return { deprecated, descriptions };
  }
  let next = symbols[0].getTypeAtLocation(probe).getNonNullableType();
  if (head.endsWith('[]')) next = (next.getArrayElementType() ?? next).getNonNullableType();
  return docsAt(next, rest, probe);
}

function expand(type: Type): Type[] {
  if (type.isUnion()) return type.getUnionTypes().flatMap(expand);
  if (type.isIntersection()) return [type];
  return [type];
}
