// Text clean-up shared by the extractors and the exact-match method.

/** Removes the wrappers an answer is often dressed in: markdown emphasis, \text{}, $...$, a final period. */
export function cleanAnswerSpan(span: string): string {
  let text = span.normalize("NFKC").trim();
  text = text.replace(/\bI hope it is correct\.?$/i, "").trim();
  for (let previous = ""; previous !== text;) {
    previous = text;
    text = text.replace(/^(\*\*|__|\*|_|`)(.+)\1$/s, "$2").trim();
    text = text.replace(/^\*\*(?!.*\*\*$)|(?<!^\*\*.*)\*\*$/s, "").trim(); // "False**" when "is **" began it
    text = unwrapMathDelimiters(text);
    text = text.replace(/^\\(?:text|textbf|mathrm|mathbf|textrm)\{([^{}]*)\}$/, "$1").trim();
    text = text
      .replace(/(?<![\d)}!])!+$/, "")
      .replace(/[.;,]+$/, "")
      .trim(); // 5! is a factorial
  }
  return text;
}

/** "$x^2$" -> "x^2", "\(x\)" -> "x", "\[x\]" -> "x"; "$1,234" (a price) stays as it is. */
export function unwrapMathDelimiters(text: string): string {
  const pairs: [string, string][] = [
    ["$$", "$$"],
    ["\\[", "\\]"],
    ["\\(", "\\)"],
    ["$", "$"],
  ];
  for (const [open, close] of pairs) {
    if (text.length > open.length + close.length && text.startsWith(open) && text.endsWith(close)) {
      return text.slice(open.length, text.length - close.length).trim();
    }
  }
  return text;
}

/** The first inline math segment of a text ($...$, \(...\), \[...\]), if any. */
export function firstMathSegment(text: string): string | undefined {
  const match = /\$\$([^$]+)\$\$|\$([^$]+)\$|\\\((.+?)\\\)|\\\[(.+?)\\\]/s.exec(text);
  const inner = match?.slice(1).find((group) => group !== undefined);
  return inner?.trim();
}

// Words after an answer are its unit or a comment ("5 apples", "1 1/2 cups", "12 cm per day").
const TRAILING_WORDS = /(?<=[\d}%])\s+[a-zA-Z]{2,}(?:\s+[a-zA-Z]{2,})*$/;

/** "1 1/2 cups" -> "1 1/2"; "x + y" and "2 \pi" stay as they are. */
export function withoutTrailingWords(answer: string): string {
  return answer.replace(TRAILING_WORDS, "");
}

// Unicode punctuation and symbols (the SQuAD normalizer's string.punctuation, widened to Unicode).
const PUNCTUATION = /[\p{P}\p{S}]/gu;
const ARTICLES = /\b(a|an|the)\b/g;

/**
 * SQuAD-style normalization for exact match: lower case, punctuation removed, articles removed,
 * whitespace collapsed. "The Blue Jay." and "blue jay" are equal.
 */
export function normalizeForExactMatch(text: string): string {
  return cleanAnswerSpan(text)
    .toLowerCase()
    .replace(/\\text\{([^{}]*)\}/g, "$1")
    .replace(PUNCTUATION, "")
    .replace(ARTICLES, " ")
    .replace(/\s+/g, " ")
    .trim();
}
