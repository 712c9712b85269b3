import type { CheckResult } from "../schemas";

// Per-row verdicts from duplicate groups: the first member of a group is the one kept (pass),
// every other member fails and names it. Rows in no group are not duplicates (pass).

export type DuplicateGroup = { ids: string[]; similarity?: number };

const SHOWN = 20;

export function duplicateVerdicts(
  groups: readonly DuplicateGroup[],
  kind: "exact" | "near",
): Map<string, CheckResult> {
  const verdicts = new Map<string, CheckResult>();
  const what = kind === "exact" ? "Exact duplicate" : "Near-duplicate";
  for (const { ids, similarity } of groups) {
    const [kept, ...others] = ids;
    if (kept === undefined) continue;
    const score = kind === "exact" ? 1 : similarity;
    verdicts.set(kept, {
      outcome: "pass",
      summary: `Kept; ${others.length} ${kind === "exact" ? "exact" : "near-"}duplicate${others.length === 1 ? "" : "s"} of it found`,
      score,
      evidence: { groupSize: ids.length, duplicates: others.slice(0, SHOWN) },
    });
    for (const id of others) {
      verdicts.set(id, {
        outcome: "fail",
        summary: `${what} of ${kept}${score !== undefined && kind === "near" ? ` (estimated similarity ${score.toFixed(2)})` : ""}`,
        score,
        evidence: { kept, groupSize: ids.length, ...(kind === "near" ? { similarity } : {}) },
      });
    }
  }
  return verdicts;
}
