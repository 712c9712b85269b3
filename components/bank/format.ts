export function formatWeight(weight: number): string {
  return Number.isInteger(weight) ? weight.toFixed(1) : String(weight);
}

/** "step-by-step, eli5" <-> ["step-by-step", "eli5"]; the server normalises case and duplicates. */
export function parseTags(text: string): string[] {
  return text
    .split(/[,\s]+/)
    .map((t) => t.trim())
    .filter(Boolean);
}

export function joinTags(tags: readonly string[]): string {
  return tags.join(", ");
}
