import type { NgramWindows } from "./ngram-windows";
import type { ResolvedContaminationSettings } from "./schemas";

// Which windows of a loaded text are keys, and how each is hashed: one rule for building and
// scanning. A window without numbers has one key (raw and normalized agree); one with numbers
// has its normalized key (if it keeps enough words) and/or its raw one.

const ALL_FIELDS = 3;

export type KeyRules = {
  ngram: number;
  minWordFraction: number;
  sentenceMinWords: number;
  /** Bit per field (text = 1, answer = 2) whose numbers are normalized. */
  normalizedFields: number;
};

export function keyRules(settings: ResolvedContaminationSettings): KeyRules {
  return {
    ngram: settings.ngram,
    minWordFraction: settings.minWordFraction,
    sentenceMinWords: settings.sentenceMinWords,
    normalizedFields: (settings.normalizeNumbers ? 1 : 0) | (settings.normalizeAnswerNumbers ? 2 : 0),
  };
}

/** Calls `visit` with each key of the window and the fields (bits) whose keys it can match. */
export function windowKeys(
  windows: NgramWindows,
  rules: KeyRules,
  start: number,
  length: number,
  wantRaw: boolean,
  wantNormalized: boolean,
  visit: (a: number, b: number, fields: number, start: number, length: number) => void,
): void {
  const numbers = windows.numbers(start, length);
  if (numbers === 0) {
    windows.raw.window(start, length);
    visit(windows.raw.a, windows.raw.b, ALL_FIELDS, start, length);
    return;
  }
  if (wantNormalized && length - numbers >= Math.ceil(length * rules.minWordFraction)) {
    windows.normalized.window(start, length);
    visit(windows.normalized.a, windows.normalized.b, rules.normalizedFields, start, length);
  }
  if (wantRaw) {
    windows.raw.window(start, length);
    visit(windows.raw.a, windows.raw.b, ALL_FIELDS & ~rules.normalizedFields, start, length);
  }
}

/** Every n-gram of the loaded text, then every whole sentence shorter than n (if enabled). */
export function forEachWindow(
  windows: NgramWindows,
  rules: KeyRules,
  visit: (start: number, length: number) => void,
) {
  const n = rules.ngram;
  for (let s = 0; s + n <= windows.count; s++) visit(s, n);
  if (rules.sentenceMinWords === 0) return;
  const starts = windows.sentenceStarts;
  for (let i = 0; i + 1 < starts.length; i++) {
    const length = starts[i + 1]! - starts[i]!;
    if (length < n && length - windows.numbers(starts[i]!, length) >= rules.sentenceMinWords)
      visit(starts[i]!, length);
  }
}

/** The keys of a benchmark field: normalized or raw, as its field's rule says. */
export function forEachKey(
  windows: NgramWindows,
  rules: KeyRules,
  normalize: boolean,
  visit: (a: number, b: number) => void,
): void {
  forEachWindow(windows, rules, (start, length) =>
    windowKeys(windows, rules, start, length, !normalize, normalize, (a, b) => visit(a, b)),
  );
}
