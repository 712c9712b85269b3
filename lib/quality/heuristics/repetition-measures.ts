// Three measures of repeated text: duplicate n-gram windows, duplicate lines, and a loop at the
// end (the same unit of words over and over until the text stops, the classic degeneration).

type Tokens = { words: string[]; starts: number[] };

export function tokenize(text: string): Tokens {
  const words: string[] = [];
  const starts: number[] = [];
  for (const m of text.matchAll(/\S+/g)) {
    words.push(m[0].toLowerCase());
    starts.push(m.index);
  }
  return { words, starts };
}

/** The share of `n`-word windows that already occurred earlier in the text. */
export function duplicateWindowShare(words: string[], n: number): number {
  const windows = words.length - n + 1;
  if (windows <= 1) return 0;
  const seen = new Set<string>();
  let duplicates = 0;
  for (let i = 0; i < windows; i += 1) {
    const key = words.slice(i, i + n).join(" ");
    if (seen.has(key)) duplicates += 1;
    else seen.add(key);
  }
  return duplicates / windows;
}

/** The share of lines (of `minChars`+ characters) that repeat an earlier line. */
export function duplicateLineShare(text: string, minChars: number): number {
  const lines = text
    .split("\n")
    .map((l) => l.trim().toLowerCase())
    .filter((l) => l.length >= minChars);
  if (lines.length < 3) return 0;
  const distinct = new Set(lines).size;
  return (lines.length - distinct) / lines.length;
}

export type TailLoop = { period: number; repeats: number; startWord: number };

/**
 * The longest run, at the end of the text, of one unit of up to `maxPeriod` words repeated;
 * the last unit may be cut short (generation stopped mid-unit). Looks at the last `window` words.
 */
export function tailLoop(words: string[], maxPeriod: number, window: number): TailLoop | null {
  const offset = Math.max(0, words.length - window);
  const tail = words.slice(offset);
  let best: TailLoop | null = null;
  for (let period = 1; period <= maxPeriod && period * 2 <= tail.length; period += 1) {
    for (let cut = 0; cut < period; cut += 1) {
      const end = tail.length - cut; // the last `cut` words are the start of one more unit
      if (!sameRun(tail, end, end - period, cut)) continue;
      let repeats = 1;
      while (
        end - (repeats + 1) * period >= 0 &&
        sameRun(tail, end - period, end - (repeats + 1) * period, period)
      )
        repeats += 1;
      const covered = repeats * period + cut;
      if (repeats >= 2 && (!best || covered > tail.length - (best.startWord - offset))) {
        best = { period, repeats, startWord: offset + tail.length - covered };
      }
    }
  }
  return best;
}

function sameRun(words: string[], a: number, b: number, length: number): boolean {
  for (let i = 0; i < length; i += 1) if (words[a + i] !== words[b + i]) return false;
  return true;
}
