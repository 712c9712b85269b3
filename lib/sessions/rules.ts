import type { Decision } from "../review/schemas";
import type { SessionRule } from "./schemas";

export type RatedDecision = { decision: string; reasonId: string | null; reason: string | null };
export type RuleOutcome = { state: "agreed" | "disputed"; verdict: Decision | null };

/**
 * What an item's k decisions come to under the session's rule. majority: a strict majority
 * wins, a tie is disputed; unanimous and adjudicator: all alike agree, any disagreement is
 * disputed (settled by any admin or curator, or by the named adjudicator).
 */
export function ruleOutcome(rule: SessionRule, decisions: readonly RatedDecision[]): RuleOutcome {
  const approved = decisions.filter((d) => d.decision === "approved").length;
  const rejected = decisions.length - approved;
  if (decisions.length === 0) return { state: "disputed", verdict: null };
  if (rule === "majority") {
    if (approved * 2 > decisions.length) return { state: "agreed", verdict: "approved" };
    if (rejected * 2 > decisions.length) return { state: "agreed", verdict: "rejected" };
    return { state: "disputed", verdict: null };
  }
  if (approved === decisions.length) return { state: "agreed", verdict: "approved" };
  if (rejected === decisions.length) return { state: "agreed", verdict: "rejected" };
  return { state: "disputed", verdict: null };
}

/**
 * The reason a rejected verdict carries: the taxonomy reason most of its rejections gave (its
 * label, the first named on a tie), else the first note; null for an approval.
 */
export function verdictReasonOf(
  verdict: Decision | null,
  decisions: readonly RatedDecision[],
  labels: ReadonlyMap<string, string>,
): string | null {
  if (verdict !== "rejected") return null;
  const rejections = decisions.filter((d) => d.decision === "rejected");
  const tally = new Map<string, number>();
  for (const d of rejections) if (d.reasonId) tally.set(d.reasonId, (tally.get(d.reasonId) ?? 0) + 1);
  let best: string | null = null;
  for (const [reasonId, n] of tally) if (best === null || n > tally.get(best)!) best = reasonId;
  if (best) return labels.get(best) ?? best;
  return rejections.find((d) => d.reason)?.reason ?? null;
}

/** A verdict's reason as one text: the taxonomy label, then the note. */
export function reasonText(label: string | null, note: string | null): string | null {
  if (label && note) return `${label}: ${note}`;
  return label ?? note;
}
