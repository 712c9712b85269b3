// The engine's parser backtracks over unmatched delimiters: 15 "(" took 5 s, 10 "[" or
// "[[[[x))))" did not finish in 20 s, 10 "\lceil" neither. A length cap cannot catch that, so
// LaTeX is parsed only when its delimiters nest properly, shallowly and few.

const MAX_DEPTH = 5;
const MAX_DELIMITERS = 24;

const CLOSES: Record<string, string> = {
  ")": "(",
  "]": "[",
  "\\}": "\\{",
  "\\rfloor": "\\lfloor",
  "\\rceil": "\\lceil",
  "\\rangle": "\\langle",
  "\\rvert": "\\lvert",
  "\\rVert": "\\lVert",
};
const OPENERS = new Set(Object.values(CLOSES));
const TOGGLES = new Set(["|", "\\|", "\\vert", "\\Vert"]);
const INTERVAL_ENDS = new Set(["(", "[", ")", "]"]);
// Any other delimiter command (\lbrack, \lgroup, \bigl...) is not worth the risk.
const UNKNOWN_DELIMITER =
  /\\(?:lbrack|rbrack|lbrace|rbrace|lgroup|rgroup|lmoustache|rmoustache|big|Big|bigg|Bigg)/;
const DELIMITER =
  /\\(?:[lr]floor|[lr]ceil|[lr]angle|[lr]vert|[lr]Vert|vert|Vert)(?![a-zA-Z])|\\[{}|]|[()[\]|]/g;

/**
 * True when the delimiters pair up in order, at most 5 deep and 24 in all, with | in pairs.
 * One exception for intervals: at the outer level "(" may close with "]" and "[" with ")" ([0, 1)).
 */
export function delimitersAreSafe(latex: string): boolean {
  if (UNKNOWN_DELIMITER.test(latex)) return false;
  const stack: string[] = [];
  let toggles = 0;
  let count = 0;
  for (const [token] of latex.matchAll(DELIMITER)) {
    if (++count > MAX_DELIMITERS) return false;
    if (TOGGLES.has(token)) {
      toggles++;
      continue;
    }
    if (OPENERS.has(token)) {
      stack.push(token);
      if (stack.length > MAX_DEPTH) return false;
      continue;
    }
    const open = stack.pop();
    const interval =
      stack.length === 0 && open !== undefined && INTERVAL_ENDS.has(open) && INTERVAL_ENDS.has(token);
    if (open !== CLOSES[token] && !interval) return false;
  }
  return stack.length === 0 && toggles % 2 === 0;
}
