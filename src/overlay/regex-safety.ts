/**
 * JSONPath `match()` and `search()` run I-Regexp patterns (RFC 9485) on JavaScript's backtracking
 * engine. I-Regexp has no backreferences, yet `(a+)+` is valid and takes exponential time on
 * `aaaa…b` (30 characters: minutes). V8's linear-time engine refuses Unicode mode, which I-Regexp
 * needs, so the patterns that cause it are refused instead: an unbounded quantifier (`*`, `+`,
 * `{n,}`, `{n,m}` with m > 1) on a group that itself holds a quantifier or an alternation.
 * Those are the nested and ambiguous repetitions behind catastrophic backtracking; a pattern can
 * always be rewritten without them (`(a+)+` matches what `a+` does).
 */

/** Why `pattern` is refused, or undefined when it is safe to run. */
export function backtrackingRisk(pattern: string): string | undefined {
  // Per open group: does it hold a quantifier or an alternation?
  const groups: { risky: boolean }[] = [{ risky: false }];
  let lastGroupRisky = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    const afterGroup = lastGroupRisky;
    lastGroupRisky = false;
    if (c === '\\') {
      i++;
      if (pattern[i] === 'p' || pattern[i] === 'P') i = pattern.indexOf('}', i);
      continue;
    }
    if (c === '[') {
      for (i++; i < pattern.length && pattern[i] !== ']'; i++) if (pattern[i] === '\\') i++;
      continue;
    }
    if (c === '(') groups.push({ risky: false });
    else if (c === ')') {
      const closed = groups.length > 1 ? groups.pop()! : { risky: false };
      lastGroupRisky = closed.risky;
      // A quantified group makes its enclosing group risky too.
      if (/^[*+?{]/.test(pattern.slice(i + 1))) groups[groups.length - 1].risky = true;
    } else if (c === '|') groups[groups.length - 1].risky = true;
    else if (c === '*' || c === '+' || c === '?' || c === '{') {
      const bound = c === '{' ? /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(i)) : null;
      const unbounded = c === '*' || c === '+' || (bound !== null && bound[2] !== undefined && (bound[3] === '' || Number(bound[3]) > 1));
      if (afterGroup && unbounded) return `the pattern "${pattern}" repeats a group that itself repeats or alternates (at character ${i + 1}), which can take exponential time`;
      // An exact count (`{3}`) repeats nothing ambiguously.
      if (!(bound && bound[2] === undefined)) groups[groups.length - 1].risky = true;
      if (bound) i += bound[0].length - 1;
    }
  }
  return undefined;
}
