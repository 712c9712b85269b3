import { HASH_STEP, hashString, hashStringLaneB } from "./hash";

// Word tokens with their character offsets in the original text (so matches can be highlighted)
// and their hashes, computed in one pass. A token is a run of letters, marks and digits; a
// number keeps its inner "." and "," ("1,000.50" is one token). Tokens are compared in the
// normal form of normalizeText (NFKC, lower case); ASCII tokens are hashed while scanning, the
// rare others are normalized first.

const WORD_CHAR = /^[\p{L}\p{M}\p{N}]$/u;
const NUMBER = /^\p{Nd}+(?:[.,]\p{Nd}+)*$/u;

/** The tokens of one text as parallel typed arrays, reused from text to text (no garbage). */
export class TokenBuffer {
  count = 0;
  starts = new Int32Array(256);
  ends = new Int32Array(256);
  hashA = new Int32Array(256);
  hashB = new Int32Array(256);
  /** 1 where the token is a number (digits with inner "." or ","). */
  numeric = new Uint8Array(256);

  push(start: number, end: number, a: number, b: number, isNumber: boolean): void {
    if (this.count === this.starts.length) this.grow();
    const i = this.count++;
    this.starts[i] = start;
    this.ends[i] = end;
    this.hashA[i] = a;
    this.hashB[i] = b;
    this.numeric[i] = isNumber ? 1 : 0;
  }

  private grow(): void {
    const size = this.starts.length * 2;
    const bigger = <T extends Int32Array | Uint8Array>(old: T, make: (n: number) => T) => {
      const next = make(size);
      next.set(old);
      return next;
    };
    this.starts = bigger(this.starts, (n) => new Int32Array(n));
    this.ends = bigger(this.ends, (n) => new Int32Array(n));
    this.hashA = bigger(this.hashA, (n) => new Int32Array(n));
    this.hashB = bigger(this.hashB, (n) => new Int32Array(n));
    this.numeric = bigger(this.numeric, (n) => new Uint8Array(n));
  }
}

const isDigit = (c: number) => c >= 48 && c <= 57;
const isAsciiWord = (c: number) => isDigit(c) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90);

/** Non-ASCII word character? General punctuation (curly quotes, dashes) is answered without a regex. */
function isWideWordChar(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0x2000 && c <= 0x206f) return 0;
  const point = text.codePointAt(i)!;
  const width = point > 0xffff ? 2 : 1;
  return WORD_CHAR.test(String.fromCodePoint(point)) ? width : 0;
}

/** Fills `into` with the word tokens of `text` and returns it. */
export function tokenizeWords(text: string, into: TokenBuffer = new TokenBuffer()): TokenBuffer {
  into.count = 0;
  const n = text.length;
  let i = 0;
  while (i < n) {
    const first = text.charCodeAt(i);
    if (first < 128 ? !isAsciiWord(first) : isWideWordChar(text, i) === 0) {
      i++;
      continue;
    }
    const start = i;
    let a: number = HASH_STEP.startA;
    let b: number = HASH_STEP.startB;
    let length = 0;
    let ascii = true;
    let digitsOnly = true;
    while (i < n) {
      let c = text.charCodeAt(i);
      if (c < 128) {
        if (isDigit(c)) {
          // a digit
        } else if (c >= 97 && c <= 122) digitsOnly = false;
        else if (c >= 65 && c <= 90) {
          c += 32;
          digitsOnly = false;
        } else if (!((c === 46 || c === 44) && digitsOnly && i + 1 < n && isDigit(text.charCodeAt(i + 1)))) {
          break;
        }
        a = HASH_STEP.stepA(a, c);
        b = HASH_STEP.stepB(b, c);
        length++;
        i++;
      } else {
        const width = isWideWordChar(text, i);
        if (width === 0) break;
        ascii = false;
        i += width;
      }
    }
    if (ascii) {
      into.push(start, i, HASH_STEP.finishA(a), HASH_STEP.finishB(b, length), digitsOnly);
    } else {
      const norm = text.slice(start, i).normalize("NFKC").toLowerCase();
      into.push(start, i, hashString(norm), hashStringLaneB(norm), NUMBER.test(norm));
    }
  }
  return into;
}

export type WordToken = { text: string; start: number; end: number; numeric: boolean };

/** The same tokens as objects with their normal form: for tests and small texts. */
export function wordTokens(text: string): WordToken[] {
  const buffer = tokenizeWords(text);
  const tokens: WordToken[] = [];
  for (let t = 0; t < buffer.count; t++) {
    const start = buffer.starts[t]!;
    const end = buffer.ends[t]!;
    const norm = text.slice(start, end).normalize("NFKC").toLowerCase();
    tokens.push({ text: norm, start, end, numeric: buffer.numeric[t] === 1 });
  }
  return tokens;
}
