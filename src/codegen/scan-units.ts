/**
 * The top-level statements of Ajv's standalone output, found by a scanner instead of the
 * TypeScript parser: parsing a profile's validators with TypeScript took about as long as
 * compiling them. Ajv emits a few statement forms only (`export const`, `const`, `function`,
 * `validateN.evaluated = …`); anything else makes `scanUnits` return undefined, and the caller
 * parses with TypeScript (the scanner never guesses).
 */

export interface ScannedUnit {
  text: string;
  names: string[];
  /** Every identifier the statement mentions outside strings, comments and regular expressions. */
  refs: Set<string>;
  exported?: string;
}

const IDENT_START = /[A-Za-z_$]/;
const IDENT_PART = /[\w$]/;
/** Words after which a `/` starts a regular expression rather than a division. */
const BEFORE_REGEX = new Set(['return', 'typeof', 'case', 'in', 'of', 'new', 'delete', 'void', 'throw', 'instanceof', 'else', 'do']);

interface Raw {
  start: number;
  end: number;
  refs: Set<string>;
}

type TokenKind = 'word' | 'string' | 'number' | 'punctuation';

/**
 * Calls `visit` for each token of `code` (comments and white space skipped; a regular expression
 * counts as a string); false when the code holds something the scanner does not read.
 */
function lex(code: string, visit: (kind: TokenKind, start: number, end: number) => void): boolean {
  let last = ''; // the previous token's last character, or the word itself
  let i = 0;
  while (i < code.length) {
    const c = code[i];
    if (c === ' ' || c === '\n' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    if (c === '/' && code[i + 1] === '/') {
      const nl = code.indexOf('\n', i);
      i = nl < 0 ? code.length : nl;
      continue;
    }
    if (c === '/' && code[i + 1] === '*') {
      const endComment = code.indexOf('*/', i + 2);
      if (endComment < 0) return false;
      i = endComment + 2;
      continue;
    }
    let end: number;
    let kind: TokenKind;
    if (c === '"' || c === "'") {
      end = i + 1;
      while (end < code.length && code[end] !== c) {
        if (code[end] === '\n') return false;
        end += code[end] === '\\' ? 2 : 1;
      }
      if (end >= code.length) return false;
      end++;
      kind = 'string';
    } else if (c === '`') return false;
    else if (c === '/' && !(last !== '' && /[\w$)\]]$/.test(last) && !BEFORE_REGEX.has(last))) {
      end = regexEnd(code, i);
      if (end < 0) return false;
      kind = 'string';
    } else if (IDENT_START.test(c)) {
      end = i + 1;
      while (end < code.length && IDENT_PART.test(code[end])) end++;
      kind = 'word';
    } else if (/[0-9]/.test(c)) {
      end = i + 1;
      while (end < code.length && /[\w.]/.test(code[end])) end++;
      kind = 'number';
    } else {
      end = i + 1;
      kind = 'punctuation';
    }
    visit(kind, i, end);
    last = kind === 'word' ? code.slice(i, end) : kind === 'string' ? '"' : kind === 'number' ? '0' : c;
    i = end;
  }
  return true;
}

/** The statements with their identifiers, or undefined when the code holds something the scanner does not read. */
function scanStatements(code: string): Raw[] | undefined {
  const out: Raw[] = [];
  let depth = 0;
  let start = -1;
  let isFunction = false;
  let refs = new Set<string>();
  let broken = false;
  const readable = lex(code, (kind, at, end) => {
    if (broken) return;
    if (start < 0) {
      start = at;
      isFunction = kind === 'word' && code.slice(at, end) === 'function';
    }
    if (kind === 'word') refs.add(code.slice(at, end));
    if (kind !== 'punctuation') return;
    const c = code[at];
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      depth--;
      if (depth < 0) broken = true;
      else if (depth === 0 && c === '}' && isFunction) close(end);
    } else if (c === ';' && depth === 0) close(end);
  });
  function close(end: number) {
    out.push({ start, end, refs });
    start = -1;
    refs = new Set();
  }
  return readable && !broken && depth === 0 && start < 0 ? out : undefined;
}

/**
 * The code with each identifier `pattern` matches renamed by `rename` (property names after a `.`
 * are left alone), or undefined when the code holds something the scanner does not read. It
 * jumps from one quote, slash or candidate name to the next instead of reading every token.
 */
export function renameIdentifiers(code: string, pattern: RegExp, rename: (name: string) => string): string | undefined {
  const next = new RegExp(`["'\`/]|(?<![\\w$])(?:${pattern.source})(?![\\w$])`, 'g');
  const parts: string[] = [];
  let copied = 0;
  let match: RegExpExecArray | null;
  while ((match = next.exec(code))) {
    const at = match.index;
    const c = match[0];
    if (c === '"' || c === "'") {
      let end = at + 1;
      while (end < code.length && code[end] !== c) {
        if (code[end] === '\n') return undefined;
        end += code[end] === '\\' ? 2 : 1;
      }
      if (end >= code.length) return undefined;
      next.lastIndex = end + 1;
    } else if (c === '`') return undefined;
    else if (c === '/') {
      if (code[at + 1] === '/') {
        const nl = code.indexOf('\n', at);
        next.lastIndex = nl < 0 ? code.length : nl;
      } else if (code[at + 1] === '*') {
        const end = code.indexOf('*/', at + 2);
        if (end < 0) return undefined;
        next.lastIndex = end + 2;
      } else if (startsRegex(code, at)) {
        const end = regexEnd(code, at);
        if (end < 0) return undefined;
        next.lastIndex = end;
      }
    } else if (previousSignificant(code, at) !== '.') {
      parts.push(code.slice(copied, at), rename(c));
      copied = at + c.length;
    }
  }
  parts.push(code.slice(copied));
  return parts.join('');
}

/** The last character before `at` that is not white space. */
function previousSignificant(code: string, at: number): string {
  let i = at - 1;
  while (i >= 0 && /\s/.test(code[i])) i--;
  return i < 0 ? '' : code[i];
}

/** Whether the `/` at `at` starts a regular expression (the same rule as the tokenizer's). */
function startsRegex(code: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && /\s/.test(code[i])) i--;
  if (i < 0 || !/[\w$)\]]/.test(code[i])) return true;
  let start = i;
  while (start > 0 && IDENT_PART.test(code[start - 1])) start--;
  return BEFORE_REGEX.has(code.slice(start, i + 1));
}

/** The index after a regular expression literal starting at `from` (its flags included), or -1. */
function regexEnd(code: string, from: number): number {
  let inClass = false;
  for (let j = from + 1; j < code.length; j++) {
    const c = code[j];
    if (c === '\n') return -1;
    if (c === '\\') j++;
    else if (c === '[') inClass = true;
    else if (c === ']') inClass = false;
    else if (c === '/' && !inClass) {
      let k = j + 1;
      while (k < code.length && /[a-z]/.test(code[k])) k++;
      return k;
    }
  }
  return -1;
}

const DECLARATION = /^(export\s+)?(const|let|var)\s+([A-Za-z_$][\w$]*)\s*=/;
const FUNCTION = /^function\s+([A-Za-z_$][\w$]*)\s*\(/;
const ASSIGNMENT = /^([A-Za-z_$][\w$]*)(?:\s*\.\s*[A-Za-z_$][\w$]*)*\s*=(?![=>])/;
const PROLOGUE = /^(?:"[^"\\]*"|'[^'\\]*');$/;

/** Ajv's standalone statements as units, or undefined when a statement is of a form Ajv does not emit. */
export function scanUnits(code: string): ScannedUnit[] | undefined {
  const statements = scanStatements(code);
  if (!statements) return undefined;
  const units: ScannedUnit[] = [];
  for (const { start, end, refs } of statements) {
    const text = code.slice(start, end);
    if (PROLOGUE.test(text)) continue;
    let match: RegExpExecArray | null;
    if ((match = DECLARATION.exec(text))) {
      // One declarator per statement is all Ajv writes; a top-level comma could be a second one.
      if (hasTopLevelComma(text)) return undefined;
      units.push({ text, names: [match[3]], refs, ...(match[1] ? { exported: match[3] } : {}) });
    } else if ((match = FUNCTION.exec(text))) units.push({ text, names: [match[1]], refs });
    else if ((match = ASSIGNMENT.exec(text))) units.push({ text, names: [match[1]], refs });
    else if (text === ';') units.push({ text, names: [], refs });
    else return undefined;
  }
  return units;
}

/** True when a comma sits outside every bracket and string of a statement. */
function hasTopLevelComma(text: string): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'") {
      i++;
      while (i < text.length && text[i] !== c) i += text[i] === '\\' ? 2 : 1;
    } else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    else if (c === ',' && depth === 0) return true;
  }
  return false;
}
