import { compact, count, percent, plural, usd } from "./format";
import type { Acceptance, Dashboard, JudgeDistribution, OutcomeCounts, Usage } from "./types";

// Each chart's numbers as one sentence: its aria-label, so a screen reader hears what the bars show.

const list = (title: string, parts: string[], empty: string) =>
  `${title}: ${parts.length ? parts.join("; ") : empty}.`;

export function acceptanceSummary(title: string, groups: readonly Acceptance[]): string {
  return list(
    title,
    groups.map((g) =>
      g.rate === null
        ? `${g.label} no decisions yet (${plural(g.traces, "trace")})`
        : `${g.label} ${percent(g.rate)} of ${count(g.decided)} decided`,
    ),
    "no traces",
  );
}

export function reasonsSummary(reasons: Dashboard["rejectReasons"]): string {
  return list(
    "Reject reasons",
    reasons.map((r) => `${r.label} ${count(r.count)}`),
    "no rejections",
  );
}

export function verificationSummary(counts: OutcomeCounts): string {
  if (counts.total === 0) return "Verification: no verified traces.";
  return `Verification: ${count(counts.pass)} passed, ${count(counts.fail)} failed, ${count(counts.warn)} need a look; pass rate ${percent(counts.rate)} of ${count(counts.total)} verified.`;
}

export function verificationByMessageSummary(groups: Dashboard["verification"]["bySystemMessage"]): string {
  return list(
    "Verification pass rate by system message",
    groups.map((g) => `${g.label} ${percent(g.rate)} of ${count(g.total)} verified`),
    "no verified traces",
  );
}

export function judgeSummary(dist: JudgeDistribution): string {
  const scores = dist.counts.map((n, i) => `${i + 1}: ${count(n)}`).join(", ");
  const mean = dist.mean === null ? "" : `, mean ${dist.mean.toFixed(1)}`;
  return `Judge scores, ${dist.label}: ${scores} (${plural(dist.total, "trace")} scored${mean}).`;
}

export function lengthSummary(lengths: Dashboard["lengths"]): string {
  const total = lengths.reduce((s, b) => s + b.count, 0);
  if (total === 0) return "Output length in tokens: no traces.";
  return list(
    "Output length in tokens",
    lengths.filter((b) => b.count > 0).map((b) => `${b.label} ${count(b.count)}`),
    "",
  );
}

export function duplicatesSummary(d: Dashboard["duplicates"]): string {
  return (
    `Duplicates and contamination: ${plural(d.exactDuplicates, "exact duplicate")}, ` +
    `${plural(d.nearDuplicates, "near duplicate")}, in ${plural(d.clusters, "cluster")}; ` +
    `${plural(d.contaminated, "contaminated trace")} (${plural(d.contaminatedPrompts, "contaminated prompt")}).`
  );
}

export function usageSummary(title: string, groups: readonly Usage[]): string {
  return list(
    title,
    groups.map((u) => `${u.label} ${usd(u.costUsd)}, ${compact(u.inputTokens + u.outputTokens)} tokens`),
    "no traces",
  );
}
