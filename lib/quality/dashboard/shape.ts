import { LENGTH_BUCKETS } from "./buckets";
import type { DashboardNames, DashboardRows, JudgeRow, TraceGroupRow } from "./rows";
import type { DashboardFilter } from "./schemas";
import type { Acceptance, Dashboard, JudgeDistribution, OutcomeCounts, Usage } from "./types";

// Pure: the GROUP BY rows in, the panels out. The rows are a few per job x version x model x
// status, so summing them here costs nothing next to the queries.

/** approved / (approved + rejected); null when nothing is decided (not 0: nothing is known). */
export const acceptanceRate = (approved: number, rejected: number): number | null =>
  approved + rejected === 0 ? null : approved / (approved + rejected);

/** Review outcomes per key, in first-seen order. */
export function acceptanceBy(
  rows: readonly TraceGroupRow[],
  keyOf: (row: TraceGroupRow) => string,
  labelOf: (key: string) => string,
): Acceptance[] {
  const groups = new Map<string, Acceptance>();
  for (const row of rows) {
    const key = keyOf(row);
    let group = groups.get(key);
    if (!group) {
      group = {
        key,
        label: labelOf(key),
        traces: 0,
        approved: 0,
        rejected: 0,
        conflict: 0,
        decided: 0,
        rate: null,
      };
      groups.set(key, group);
    }
    group.traces += row.traces;
    if (row.status === "approved") group.approved += row.traces;
    if (row.status === "rejected") group.rejected += row.traces;
    if (row.status === "conflict") group.conflict += row.traces;
  }
  return [...groups.values()].map((g) => ({
    ...g,
    decided: g.approved + g.rejected,
    rate: acceptanceRate(g.approved, g.rejected),
  }));
}

/** Keepers first: highest acceptance rate, then more decisions (surer), then name; undecided last. */
export function byAcceptance(a: Acceptance, b: Acceptance): number {
  if (a.rate === null || b.rate === null)
    return a.rate === b.rate ? a.label.localeCompare(b.label) : a.rate === null ? 1 : -1;
  return b.rate - a.rate || b.decided - a.decided || a.label.localeCompare(b.label);
}

/** Tokens and cost per key, costliest first. */
export function usageBy(
  rows: readonly TraceGroupRow[],
  keyOf: (row: TraceGroupRow) => string,
  labelOf: (key: string) => string,
): Usage[] {
  const groups = new Map<string, Usage>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key) ?? {
      key,
      label: labelOf(key),
      traces: 0,
      inputTokens: 0,
      outputTokens: 0,
      costUsd: 0,
    };
    group.traces += row.traces;
    group.inputTokens += row.inputTokens;
    group.outputTokens += row.outputTokens;
    group.costUsd += row.costUsd;
    groups.set(key, group);
  }
  return [...groups.values()].sort(
    (a, b) =>
      b.costUsd - a.costUsd ||
      b.outputTokens + b.inputTokens - (a.outputTokens + a.inputTokens) ||
      a.label.localeCompare(b.label),
  );
}

type OutcomeRow = { outcome: string | null; count: number };

/** pass / (pass + fail + warn): skips are not stored, so they never dilute the rate. */
export function outcomeCounts(rows: readonly OutcomeRow[]): OutcomeCounts {
  const counts = { pass: 0, fail: 0, warn: 0 };
  for (const row of rows)
    if (row.outcome !== null && row.outcome in counts)
      counts[row.outcome as keyof typeof counts] += row.count;
  const total = counts.pass + counts.fail + counts.warn;
  return { ...counts, total, rate: total === 0 ? null : counts.pass / total };
}

/** Scores 1..scale per rubric version (a score outside the scale is left out), by label. */
export function judgeDistributions(
  rows: readonly JudgeRow[],
  names: DashboardNames["rubricVersions"],
): JudgeDistribution[] {
  const out = new Map<string, JudgeDistribution>();
  for (const row of rows) {
    const named = names.get(row.rubricVersionId) ?? { label: "Unknown rubric", scale: 5 };
    const dist = out.get(row.rubricVersionId) ?? {
      rubricVersionId: row.rubricVersionId,
      label: named.label,
      counts: Array.from({ length: named.scale }, () => 0),
      total: 0,
      mean: null,
    };
    if (row.score >= 1 && row.score <= dist.counts.length) {
      dist.counts[row.score - 1]! += row.count;
      dist.total += row.count;
    }
    out.set(row.rubricVersionId, dist);
  }
  return [...out.values()]
    .map((d) => ({
      ...d,
      mean: d.total === 0 ? null : d.counts.reduce((s, n, i) => s + n * (i + 1), 0) / d.total,
    }))
    .sort((a, b) => a.label.localeCompare(b.label));
}

export function lengthHistogram(rows: readonly TraceGroupRow[]): Array<{ label: string; count: number }> {
  const counts = LENGTH_BUCKETS.map(() => 0);
  for (const row of rows) row.lengths.forEach((n, i) => (counts[i] = (counts[i] ?? 0) + n));
  return LENGTH_BUCKETS.map((bucket, i) => ({ label: bucket.label, count: counts[i]! }));
}

const named = (map: Map<string, string>, fallback: string) => (key: string) => map.get(key) ?? fallback;

export function shapeDashboard(
  filter: DashboardFilter,
  rows: DashboardRows,
  names: DashboardNames,
): Dashboard {
  const traces = rows.traces;
  const [all] = acceptanceBy(
    traces,
    () => "all",
    () => "All traces",
  );
  const verified = traces.map((r) => ({ versionId: r.versionId, outcome: r.verified, count: r.traces }));
  const overall = outcomeCounts(verified);
  const versionLabel = named(names.versions, "Unknown system message");
  const jobLabel = named(names.jobs, "Deleted job");
  const failed = (check: string) =>
    rows.flags.find((f) => f.check === check && f.outcome === "fail")?.traces ?? 0;
  const clusters = rows.clusters.reduce((sum, c) => sum + c.clusters, 0);
  const costUsd = traces.reduce((sum, r) => sum + r.costUsd, 0);
  return {
    filter,
    headline: {
      traces: all?.traces ?? 0,
      checked: traces.reduce((sum, r) => sum + r.checked, 0),
      decided: all?.decided ?? 0,
      conflict: all?.conflict ?? 0,
      acceptanceRate: all?.rate ?? null,
      verificationPassRate: overall.rate,
      contaminated: rows.contamination.traces,
      nearDuplicates: failed("near-duplicate"),
      costUsd,
    },
    bySystemMessage: acceptanceBy(traces, (r) => r.versionId, versionLabel).sort(byAcceptance),
    byJob: acceptanceBy(traces, (r) => r.jobId, jobLabel).sort(byAcceptance),
    byModel: acceptanceBy(
      traces,
      (r) => r.model,
      (m) => m,
    ).sort(byAcceptance),
    rejectReasons: rows.reasons
      .map((r) => ({
        label: r.reasonId ? (names.reasons.get(r.reasonId) ?? "Deleted reason") : "Written reason only",
        count: r.count,
      }))
      .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label)),
    verification: { overall, bySystemMessage: verificationByVersion(verified, versionLabel) },
    judge: judgeDistributions(rows.judge, names.rubricVersions),
    lengths: lengthHistogram(traces),
    duplicates: {
      exactDuplicates: failed("exact-duplicate"),
      nearDuplicates: failed("near-duplicate"),
      contaminated: rows.contamination.traces,
      contaminatedPrompts: rows.contamination.prompts,
      clusters,
      bestOfKNotSelected: failed("best-of-k"),
    },
    usage: {
      byJob: usageBy(traces, (r) => r.jobId, jobLabel),
      byModel: usageBy(
        traces,
        (r) => r.model,
        (m) => m,
      ),
    },
  };
}

/** Verification per version (those with verified traces), best pass rate first. */
function verificationByVersion(
  rows: ReadonlyArray<OutcomeRow & { versionId: string }>,
  labelOf: (key: string) => string,
) {
  const versions = [...new Set(rows.filter((r) => r.outcome !== null).map((r) => r.versionId))];
  return versions
    .map((key) => ({ key, label: labelOf(key), ...outcomeCounts(rows.filter((r) => r.versionId === key)) }))
    .sort((a, b) => (b.rate ?? -1) - (a.rate ?? -1) || b.total - a.total || a.label.localeCompare(b.label));
}
