// One normal form for comparing texts: what differs only in case, width, punctuation or spacing
// is the same text.

const NOT_WORD = /[^\p{L}\p{M}\p{N}]+/gu;

/** NFKC, lower case, every run of punctuation, symbols and whitespace made one space, trimmed. */
export function normalizeText(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(NOT_WORD, " ").trim();
}
