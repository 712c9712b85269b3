import { hashString, hashStringLaneB } from "../text/hash";
import { TokenBuffer, tokenizeWords } from "../text/tokenize";
import { WindowHasher } from "../text/windows";

// The keys of one text, shared by index building and scanning so both see the same ones: every
// run of n tokens, hashed once as written ("raw") and once with each number replaced by one
// placeholder ("normalized"), plus each whole sentence shorter than n (a sentence survives the
// reordering of sentences where n-grams across sentence ends do not).

const NUMBER_A = hashString("\u0000number");
const NUMBER_B = hashStringLaneB("\u0000number");
/** A sentence ends at . ! ? before a space, or at a line break. */
const SENTENCE_END = /[.!?][^\s]*\s|\n/;

export class NgramWindows {
  readonly tokens = new TokenBuffer();
  readonly raw = new WindowHasher();
  readonly normalized = new WindowHasher();
  count = 0;
  private keyA = new Int32Array(256);
  private keyB = new Int32Array(256);
  /** numbersBefore[t]: how many of the first t tokens are numbers. */
  private numbersBefore = new Int32Array(257);
  /** Sentences as token ranges: sentenceStarts[i] .. sentenceStarts[i + 1]. */
  sentenceStarts: number[] = [];

  /** Tokenizes `text` and prepares its windows; returns its token count. */
  load(text: string): number {
    const tokens = tokenizeWords(text, this.tokens);
    const count = (this.count = tokens.count);
    if (this.keyA.length < count) {
      this.keyA = new Int32Array(count * 2);
      this.keyB = new Int32Array(count * 2);
      this.numbersBefore = new Int32Array(count * 2 + 1);
    }
    for (let t = 0; t < count; t++) {
      const number = tokens.numeric[t] === 1;
      this.keyA[t] = number ? NUMBER_A : tokens.hashA[t]!;
      this.keyB[t] = number ? NUMBER_B : tokens.hashB[t]!;
      this.numbersBefore[t + 1] = this.numbersBefore[t]! + tokens.numeric[t]!;
    }
    this.raw.load(tokens.hashA, tokens.hashB, count);
    this.normalized.load(this.keyA, this.keyB, count);
    this.sentenceStarts = [0];
    for (let t = 0; t + 1 < count; t++) {
      const gap = text.slice(tokens.ends[t], tokens.starts[t + 1]);
      if (SENTENCE_END.test(gap)) this.sentenceStarts.push(t + 1);
    }
    this.sentenceStarts.push(count);
    return count;
  }

  /** How many of tokens [start, start + length) are numbers. */
  numbers(start: number, length: number): number {
    return this.numbersBefore[start + length]! - this.numbersBefore[start]!;
  }
}
