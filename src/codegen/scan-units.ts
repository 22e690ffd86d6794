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

/** The statements with their identifiers, or undefined when the code holds something the scanner does not read. */
function scanStatements(code: string): Raw[] | undefined {
  const out: Raw[] = [];
  let depth = 0;
  let start = -1;
  let isFunction = false;
  let refs = new Set<string>();
  let last = ''; // the previous significant token's last character, or the word itself
  let i = 0;
  const close = (end: number) => {
    out.push({ start, end, refs });
    start = -1;
    refs = new Set();
    last = '';
  };
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
      if (endComment < 0) return undefined;
      i = endComment + 2;
      continue;
    }
    if (start < 0) {
      start = i;
      isFunction = code.startsWith('function', i) && !IDENT_PART.test(code[i + 8] ?? '');
    }
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < code.length && code[j] !== c) {
        if (code[j] === '\n') return undefined;
        j += code[j] === '\\' ? 2 : 1;
      }
      if (j >= code.length) return undefined;
      i = j + 1;
      last = '"';
      continue;
    }
    if (c === '`') return undefined;
    if (c === '/') {
      const division = last !== '' && /[\w$)\]]$/.test(last) && !BEFORE_REGEX.has(last);
      i = division ? i + 1 : regexEnd(code, i);
      if (i < 0) return undefined;
      last = division ? '/' : '"';
      continue;
    }
    if (IDENT_START.test(c)) {
      let j = i + 1;
      while (j < code.length && IDENT_PART.test(code[j])) j++;
      const word = code.slice(i, j);
      refs.add(word);
      last = word;
      i = j;
      continue;
    }
    if (/[0-9]/.test(c)) {
      let j = i + 1;
      while (j < code.length && /[\w.]/.test(code[j])) j++;
      last = '0';
      i = j;
      continue;
    }
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      depth--;
      if (depth < 0) return undefined;
      if (depth === 0 && c === '}' && isFunction) {
        close(i + 1);
        i++;
        continue;
      }
    } else if (c === ';' && depth === 0) {
      close(i + 1);
      i++;
      continue;
    }
    last = c;
    i++;
  }
  return depth === 0 && start < 0 ? out : undefined;
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
