// The normalized views of a trace that diversity counts: its words (for distinct-n), its
// opening (first words, numbers masked) and its skeleton (structure with content masked).

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;
const TOKEN = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*|[^\s\p{L}\p{N}]/gu;
const DIGIT = /\p{N}/u;

/** The lowercased words of a text. */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

/** The first `count` words, lowercased, each number as "<n>": "so <n> <n> is the answer". */
export function openingOf(text: string, count: number): string {
  const words: string[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m !== null && words.length < count; m = WORD.exec(text)) {
    words.push(DIGIT.test(m[0]) ? "<n>" : m[0].toLowerCase());
  }
  return words.join(" ");
}

/**
 * The first `count` tokens with content masked: a number is "#", a capitalized word (a name,
 * mostly) "W", a word of more than `keepLength` letters "w"; short words and punctuation stay.
 * "John has 5 apples." and "Mary has 7 pears." share "W has # w ." at keepLength 4.
 */
export function skeletonOf(text: string, count: number, keepLength: number): string {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m !== null && tokens.length < count; m = TOKEN.exec(text)) {
    tokens.push(maskToken(m[0], keepLength));
  }
  return tokens.join(" ");
}

function maskToken(token: string, keepLength: number): string {
  if (DIGIT.test(token)) return "#";
  if (!/\p{L}/u.test(token)) return token;
  if (/^\p{Lu}/u.test(token)) return "W";
  return token.length > keepLength ? "w" : token;
}
