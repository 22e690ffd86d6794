/**
 * Reading input files as text: only regular files (a FIFO or a device would block or never end),
 * within the size limit, decoded strictly: UTF-8 (a BOM is dropped), or UTF-16 when a BOM says so.
 * Bytes that are not UTF-8 are an error naming their offset, never a silent U+FFFD.
 */
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { diagnosticError } from '../diagnostics/diagnostic.ts';
import { limitHint, loadLimits, type LoadLimits } from './limits.ts';

/** Decodes bytes as UTF-8 or BOM-marked UTF-16; throws a located error (exit code 3) otherwise. */
export function decodeText(bytes: Uint8Array, file: string): string {
  const unreadable = (message: string, hint: string, line?: number) => diagnosticError({ code: 'input-encoding', message, hint, location: { file, line } }, 3);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeUtf16(bytes.subarray(2), 'utf-16le', file);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeUtf16(bytes.subarray(2), 'utf-16be', file);
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  if (body.length > 1 && (body[0] === 0 || body[1] === 0)) {
    throw unreadable('the file starts with a NUL byte: it looks like UTF-16 or UTF-32 without a byte order mark', 'save the file as UTF-8', 1);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    const offset = firstInvalidUtf8(body) + (body === bytes ? 0 : 3);
    const line = 1 + bytes.subarray(0, offset).filter((b) => b === 0x0a).length;
    throw unreadable(`invalid UTF-8 at byte offset ${offset} (byte 0x${bytes[offset].toString(16).padStart(2, '0')})`, 'save the file as UTF-8', line);
  }
}

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be', file: string): string {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw diagnosticError({ code: 'input-encoding', message: `invalid ${encoding.toUpperCase()} after its byte order mark`, hint: 'save the file as UTF-8', location: { file } }, 3);
  }
}

/** Offset of the first byte that does not belong to a well-formed UTF-8 sequence (RFC 3629). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0) return i;
    // The second byte's range excludes overlong forms and surrogates (RFC 3629, section 4).
    const low = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
    const high = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
    for (let k = 1; k < length; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? low : 0x80) || c > (k === 1 ? high : 0xbf)) return i;
    }
    i += length;
  }
  return bytes.length;
}

/**
 * Reads `file` (an absolute or cwd-relative path) as text. `name` is how errors call it. Refuses
 * what is not a regular file and anything over the size limit before reading it.
 */
export async function readTextFile(file: string, name = file, limits: LoadLimits = loadLimits()): Promise<string> {
  const fail = (message: string, hint: string) => diagnosticError({ code: 'unreadable-file', message: `cannot read ${name}: ${message}`, hint, location: { file: name } }, 3);
  let handle;
  try {
    // O_NONBLOCK: opening a FIFO must not wait for a writer before its type can be checked.
    handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw fail(code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'it is a folder' : (err as Error).message, 'check the path');
  }
  try {
    const stat = await handle.stat();
    if (stat.isDirectory()) throw fail('it is a folder', 'name a file');
    if (!stat.isFile()) throw fail('it is not a regular file', 'name a regular file (not a pipe, socket or device)');
    if (stat.size > limits.maxBytes) throw fail(`it is ${stat.size} bytes, over the limit of ${limits.maxBytes}`, limitHint('bytes'));
    return decodeText(await handle.readFile(), name);
  } finally {
    await handle.close();
  }
}
