/**
 * `$ref`s that leave the document. Overlays may add schemas by reference to a file of the project;
 * the resolved spec must stand alone, so such refs are inlined. A ref to a URL, or to a file
 * outside the project, is refused unless explicitly allowed: the build must not depend on the
 * network or on files nobody reviews.
 */
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { DiagnosticError, diagnosticError, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { getAtPointer, toPointer } from '../load/pointer.ts';
import { forEachRef, isObject, type JsonObject } from './walk.ts';

export interface ExternalRefOptions {
  projectRoot: string;
  /** Directory relative file refs are resolved from (the overlay's folder). */
  baseDir: string;
  allowRemote?: boolean;
  allowOutsideProject?: boolean;
  /** Reads and parses a file or URL; the caller owns I/O. */
  load(location: string): Promise<unknown>;
  /** Resolves symlinks (default: fs.realpath); tests with virtual files pass their own. */
  realpath?(location: string): Promise<string>;
  /** Names the overlay action that introduced the pointer, for messages. */
  describeOrigin?(pointer: string): { file?: string; action?: number; line?: number } | undefined;
}

const REMOTE = /^[a-z][a-z0-9+.-]*:/i;

export function isExternalRef(ref: string): boolean {
  return !ref.startsWith('#');
}

/** Replaces every external `$ref` below `spec` (in place) by the content it points to. */
export async function inlineExternalRefs(spec: JsonObject, options: ExternalRefOptions): Promise<number> {
  const cache = new Map<string, Promise<unknown>>();
  let count = 0;

  const loadOnce = (location: string): Promise<unknown> => {
    let pending = cache.get(location);
    if (!pending) {
      pending = options.load(location);
      cache.set(location, pending);
    }
    return pending;
  };

  // `documentLocation` is the file a node came from (undefined: the spec itself).
  const visit = async (node: unknown, pointer: (string | number)[], documentLocation: string | undefined, stack: string[]): Promise<unknown> => {
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) node[i] = await visit(node[i], [...pointer, i], documentLocation, stack);
      return node;
    }
    if (!isObject(node)) return node;
    const ref = node.$ref;
    const leaves = typeof ref === 'string' && (isExternalRef(ref) || documentLocation !== undefined);
    if (typeof ref === 'string' && leaves) {
      const target = await locate(ref, documentLocation, pointer, options);
      if (stack.includes(target.key)) {
        throw refError('ref-cycle', `circular $ref through ${target.key}`, pointer, options, 'break the cycle by moving the recursive schema into components and referencing it locally');
      }
      let document: unknown;
      try {
        document = await loadOnce(target.location);
      } catch (err) {
        const reason = err instanceof DiagnosticError ? err.diagnostics.map((d) => d.message).join('; ') : (err as Error).message;
        throw refError('ref-unreadable', `$ref "${ref}" cannot be loaded: ${reason}`, pointer, options, 'fix the path or URL of the $ref', 3);
      }
      const content = getAtPointer(document, target.fragment);
      if (content === undefined) {
        throw refError('ref-target-missing', `$ref "${ref}" points to nothing in ${target.location}`, pointer, options, 'fix the pointer after "#"');
      }
      count++;
      const copy = structuredClone(content);
      const { $ref: _omit, ...siblings } = node;
      const inlined = await visit(copy, pointer, target.location, [...stack, target.key]);
      return isObject(inlined) && Object.keys(siblings).length > 0 ? { ...inlined, ...siblings } : inlined;
    }
    for (const [key, value] of Object.entries(node)) {
      if (value !== null && typeof value === 'object') node[key] = await visit(value, [...pointer, key], documentLocation, stack);
    }
    return node;
  };

  // Most specs have none: a synchronous scan is far cheaper than the async walk over 3 MB.
  let external = false;
  forEachRef(spec, (ref) => {
    external ||= isExternalRef(ref);
  });
  if (!external) return 0;
  await visit(spec, [], undefined, []);
  return count;
}

async function locate(ref: string, documentLocation: string | undefined, pointer: (string | number)[], options: ExternalRefOptions): Promise<{ location: string; fragment: string; key: string }> {
  const hash = ref.indexOf('#');
  let resource = hash === -1 ? ref : ref.slice(0, hash);
  let fragment: string;
  try {
    fragment = hash === -1 ? '' : decodeURIComponent(ref.slice(hash + 1));
    if (!REMOTE.test(resource)) resource = decodeURIComponent(resource);
  } catch {
    throw refError('ref-syntax', `$ref "${ref}" has a malformed % escape`, pointer, options, 'write a space as %20 and a literal % as %25');
  }
  if (resource === '' && documentLocation) return { location: documentLocation, fragment, key: `${documentLocation}#${fragment}` };
  if (REMOTE.test(resource)) {
    if (!options.allowRemote) {
      throw refError('ref-remote', `$ref "${ref}" points to a URL`, pointer, options, 'copy the schema into the project and reference the file, or allow remote refs explicitly (--allow-remote-refs)');
    }
    const location = documentLocation && REMOTE.test(documentLocation) ? new URL(resource, documentLocation).href : resource;
    return { location, fragment, key: `${location}#${fragment}` };
  }
  if (documentLocation && REMOTE.test(documentLocation)) {
    throw refError('ref-remote', `$ref "${ref}" in ${documentLocation} points to a local file`, pointer, options, 'a remote document may only reference URLs');
  }
  const from = documentLocation ? path.dirname(documentLocation) : options.baseDir;
  const realpathOf = options.realpath ?? realpath;
  const outside = (file: string, root: string) => {
    const relative = path.relative(root, file);
    return relative.startsWith('..') || path.isAbsolute(relative);
  };
  const refuseOutside = (where: string) =>
    refError('ref-outside-project', `$ref "${ref}" resolves to ${where}, outside the project`, pointer, options, 'move the file into the project (next to the overlay), or allow it explicitly (--allow-outside-refs)');
  const written = path.resolve(from, resource);
  if (!options.allowOutsideProject && outside(written, options.projectRoot)) throw refuseOutside(written);
  // Symlinks are followed before the check: a link inside the project may point anywhere.
  let location: string;
  try {
    location = await realpathOf(written);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'ELOOP' ? 'a symlink loop' : (err as Error).message;
    throw refError('ref-unreadable', `$ref "${ref}" cannot be loaded: ${why}`, pointer, options, 'fix the path of the $ref (relative to the file that holds it)', 3);
  }
  if (!options.allowOutsideProject && outside(location, await realpathOf(options.projectRoot))) throw refuseOutside(location);
  return { location, fragment, key: `${location}#${fragment}` };
}

function refError(code: string, message: string, pointer: (string | number)[], options: ExternalRefOptions, hint: string, exitCode = 1): Error {
  const at = toPointer(pointer);
  const origin = options.describeOrigin?.(at);
  const diagnostic: Omit<Diagnostic, 'severity'> = { code, message, hint, location: { file: origin?.file, action: origin?.action, line: origin?.line, pointer: at } };
  return diagnosticError(diagnostic, exitCode);
}
