/** A piece of a text, by character offsets into it. */
export type TextRange = { text: string; start: number; end: number };

const BOXED = /\\(?:boxed|fbox)\s*\{/g;

/**
 * The content of the last \boxed{...} (or \fbox{...}) of a text, braces balanced, so
 * \boxed{\frac{1}{2}} gives \frac{1}{2}. An unclosed box is ignored.
 */
export function lastBoxed(text: string): TextRange | undefined {
  let last: TextRange | undefined;
  for (const match of text.matchAll(BOXED)) {
    const start = match.index + match[0].length;
    const end = closingBrace(text, start);
    if (end !== undefined) last = { text: text.slice(start, end).trim(), start, end };
  }
  return last;
}

/** The offset of the brace that closes the one opened just before `start`. */
function closingBrace(text: string, start: number): number | undefined {
  let depth = 1;
  for (let i = start; i < text.length; i++) {
    const char = text[i];
    if (char === "\\") {
      i++; // an escaped brace (\{ \}) does not open or close a group
    } else if (char === "{") {
      depth++;
    } else if (char === "}" && --depth === 0) {
      return i;
    }
  }
  return undefined;
}
