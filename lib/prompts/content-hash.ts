import { hash } from "node:crypto";

// Runs of whitespace, or a single whitespace character other than a space: plain text passes untouched.
const WHITESPACE = /\s{2,}|[^\S ]/g;

/** What counts as "the same prompt": Unicode NFC, trimmed, runs of whitespace as one space. */
export function normaliseText(text: string): string {
  return text.normalize("NFC").trim().replace(WHITESPACE, " ");
}

/** sha256 (hex) of the normalised text; unique per prompt set. */
export function contentHash(text: string): string {
  return hash("sha256", normaliseText(text), "hex");
}
