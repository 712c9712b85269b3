import type { TextRange } from "./find-boxed";
import { cleanAnswerSpan, withoutTrailingWords } from "./normalize-text";
import type { Tolerance } from "./settings";

/** A number read from an answer; `percent` when it was written "25%" (see numbersEqual). */
export type ParsedNumber = { text: string; value: number; percent: boolean };

const MAGNITUDE = String.raw`(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?|\.\d+`;
const SIGN = String.raw`[-−]`;
const CURRENCY = String.raw`(?:\$|€|£|¥)`;
// -$1,234.50, $-5, 3/4, 25%, 12 percent; not a digit inside a word ("x2"), after a decimal
// point, or after "12/" (a date's day is not a number of its own, nor 25/1937 a fraction).
const TOKEN = new RegExp(
  String.raw`(?<![\w.]|\d\/)(${SIGN})?${CURRENCY}?\s?(${SIGN})?(${MAGNITUDE})(?:\s?\/\s?(\d+)(?![\d/]))?(\s?(?:%|percent\b))?`,
  "g",
);
const MIXED = /^([-−])?(\d+)\s+(\d+)\s?\/\s?(\d+)$/;

/** Rewrites LaTeX spellings of numbers into plain ones: \frac{3}{4} -> 3/4, 2\frac12 -> 2 1/2, \$ -> $, \% -> %. */
export function plainNumberText(text: string): string {
  return text
    .replace(/\\[dt]?frac\s*\{\s*(\d+)\s*\}\s*\{\s*(\d+)\s*\}/g, " $1/$2")
    .replace(/\\[dt]?frac\s*(\d)\s*(\d)/g, " $1/$2")
    .replace(/\\text\{([^{}]*)\}/g, "$1")
    .replace(/\\left|\\right/g, "")
    .replace(/\\\$/g, "$")
    .replace(/\\%/g, "%")
    .replace(/\{,\}/g, ",")
    .replace(/\\[,!; ]/g, "")
    .replace(/\^\s*\{?\\circ\}?/g, "")
    .trim();
}

function toParsed(match: RegExpExecArray | RegExpMatchArray): ParsedNumber {
  const [text, sign, signAfterCurrency, magnitude, denominator, percent] = match;
  const negative = sign !== undefined || signAfterCurrency !== undefined;
  let value = Number((magnitude ?? "").replace(/,/g, ""));
  if (denominator !== undefined) value /= Number(denominator);
  return { text: text.trim(), value: negative ? -value : value, percent: percent !== undefined };
}

/** The numbers of a text, in order, with their offsets. */
export function numberTokens(text: string): (ParsedNumber & TextRange)[] {
  return [...text.matchAll(TOKEN)].map((match) => ({
    ...toParsed(match),
    start: match.index,
    end: match.index + match[0].length,
  }));
}

/** A text that is one number and nothing else ("$1,234.50", "-3", "3/4", "\frac{3}{4}", "1 1/2", "25%"). */
export function parseNumber(text: string): ParsedNumber | undefined {
  const plain = plainNumberText(cleanAnswerSpan(text));
  const mixed = MIXED.exec(plain);
  if (mixed) {
    const value = Number(mixed[2]) + Number(mixed[3]) / Number(mixed[4]);
    return { text: plain, value: mixed[1] ? -value : value, percent: false };
  }
  const [token, ...others] = numberTokens(plain);
  const only = token !== undefined && others.length === 0 && token.start === 0 && token.end === plain.length;
  return only ? { text: plain, value: token.value, percent: token.percent } : undefined;
}

/**
 * The numbers an answer span stands for: itself when it is one number (units and words after it
 * dropped: "1 1/2 cups"), else its first number and the one after its last "=" ("5 + 3 = 8").
 */
export function numbersInAnswer(span: string): ParsedNumber[] {
  const whole = parseNumber(span) ?? parseNumber(withoutTrailingWords(cleanAnswerSpan(span)));
  if (whole) return [whole];
  const plain = plainNumberText(cleanAnswerSpan(span));
  const tokens = numberTokens(plain);
  const afterEquals = numberTokens(plain.slice(plain.lastIndexOf("=") + 1))[0];
  const picked = [tokens[0], plain.includes("=") ? afterEquals : undefined];
  const unique = new Map(picked.filter((n) => n !== undefined).map((n) => [n.value, n] as const));
  return [...unique.values()].map(({ text, value, percent }) => ({ text, value, percent }));
}

/** The values a number may mean: "25%" is 25 or 0.25 (a percentage question answered either way). */
function meanings(number: ParsedNumber): number[] {
  return number.percent ? [number.value, number.value / 100] : [number.value];
}

export function withinTolerance(a: number, b: number, tolerance: Tolerance): boolean {
  if (!Number.isFinite(a) || !Number.isFinite(b)) return false;
  const scale = Math.max(Math.abs(a), Math.abs(b));
  return Math.abs(a - b) <= Math.max(tolerance.absolute, tolerance.relative * scale);
}

/**
 * Equal within tolerance. Rule for percentages: a number written with % equals its value or
 * its value / 100, so "25%" = 25 = 0.25; two numbers without % are compared as written (25 != 0.25).
 */
export function numbersEqual(a: ParsedNumber, b: ParsedNumber, tolerance: Tolerance): boolean {
  return meanings(a).some((x) => meanings(b).some((y) => withinTolerance(x, y, tolerance)));
}
