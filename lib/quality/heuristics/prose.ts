// The prose of a text, for language detection: code, math, calculator annotations, URLs and
// anything with digits removed, since trigrams of "48/2=24" or `const x` look like no language.
const NON_PROSE: RegExp[] = [
  /```[\s\S]*?(?:```|$)/g, // fenced code, closed or not
  /`[^`\n]*`/g,
  /\$\$[\s\S]*?\$\$/g,
  /\\\([\s\S]*?\\\)|\\\[[\s\S]*?\\\]/g,
  /\$[^$\n]*[\\^_{][^$\n]*\$/g, // inline TeX; a bare "$12 ... $10" is money, not math
  /<<[^>\n]*>>/g, // GSM8K calculator annotations
  /<\/?think>/gi,
  /https?:\/\/\S+/g,
  /\\[a-zA-Z]+/g,
  /\S*\d\S*/g,
  /[^\p{L}\p{M}\s'’.,;:!?()-]/gu,
];

export function proseOf(text: string): string {
  let prose = text;
  for (const pattern of NON_PROSE) prose = prose.replace(pattern, " ");
  return prose.replace(/\s+/g, " ").trim();
}

/** How many letters a text has (what language detection has to work with). */
export function letterCount(text: string): number {
  return text.match(/\p{L}/gu)?.length ?? 0;
}
