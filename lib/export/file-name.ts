/** "tracebank-<job slug or all>-YYYYMMDD-HHMMSS.jsonl", UTC, ASCII only (safe in a header). */
export function exportFileName(jobName: string | null, now: Date = new Date()): string {
  const slug = jobName === null ? "all" : slugify(jobName) || "job";
  const stamp = now
    .toISOString()
    .replace(/\.\d+Z$/, "")
    .replace(/-|:/g, "")
    .replace("T", "-");
  return `tracebank-${slug}-${stamp}.jsonl`;
}

export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
}
