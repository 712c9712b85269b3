// The review benchmark's measurements, run in the child process that seeded the database.
import { encodeCursor } from "../lib/review/cursor";
import { decide } from "../lib/review/decide";
import { listReviewPage, reviewCounts } from "../lib/review/queries";
import { TraceSelectionSchema } from "../lib/review/schemas";
import { QueueQuerySchema } from "../lib/review/queue-schemas";
import { reviewQueuePage } from "../lib/review/queue";
import type { Seeded } from "./review-seed";

type Stats = { p50: number; p95: number; max: number; runs: number };

/** The list filters rotated through: the common ones a curator uses. */
function filters(s: Seeded): Array<[string, Record<string, unknown>]> {
  const day = (n: number) => new Date(s.start + n * 86_400_000).toISOString();
  return [
    ["pending", { status: "pending" }],
    ["all", { status: "all" }],
    ["job + pending", { status: "pending", jobId: s.jobIds[1] }],
    ["job, any status", { status: "all", jobId: s.jobIds[3] }],
    ["system message", { status: "all", systemMessageId: s.messageIds[2] }],
    ["version + pending", { status: "pending", systemMessageVersionId: s.versionIds[5] }],
    ["reviewer", { status: "all", reviewerId: s.reviewerIds[1] }],
    ["reviewer + rejected", { status: "rejected", reviewerId: s.reviewerIds[4] }],
    ["reject reason", { status: "all", reasonId: s.reasonIds[2] }],
    ["a week", { status: "all", from: day(40), to: day(47) }],
    ["search, rare", { status: "all", q: "remainder" }],
    ["search, common", { status: "all", q: "apples" }],
    ["search + pending", { status: "pending", q: "total" }],
    ["flagged", { status: "all", flagged: "1" }],
    ["category + pending", { status: "pending", category: "rates" }],
    ["long outputs", { status: "all", minTokens: 600 }],
  ];
}

export async function measure(
  seeded: Seeded,
  options: { runs: number; warmup: number; log: (line: string) => void },
): Promise<{ next: Stats; list: Stats; decide: Stats; counts: Stats; byFilter: Record<string, Stats> }> {
  const { runs, warmup, log } = options;
  let seed = 7;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
  const anchor = () => {
    const a = seeded.anchors[Math.floor(random() * seeded.anchors.length)]!;
    return encodeCursor({ createdAt: new Date(a.createdAt), id: a.id });
  };

  // "Next trace in my queue" as the workbench asks for it (/api/review/queue): the next 10
  // pending traces after a place in the queue, each with everything the review page shows.
  const next = await timed(runs, warmup, (i) =>
    reviewQueuePage(
      QueueQuerySchema.parse({
        status: "pending",
        ...(i % 2 ? { jobId: seeded.jobIds[i % seeded.jobIds.length] } : {}),
        ...(i % 5 ? { after: anchor() } : {}),
      }),
      seeded.deciderId,
    ),
  );
  log(`next: p95 ${next.stats.p95.toFixed(1)} ms`);

  const rotation = filters(seeded);
  const byFilter: Record<string, number[]> = {};
  const list = await timed(runs, warmup, async (i) => {
    const [name, input] = rotation[i % rotation.length]!;
    const started = performance.now();
    await listReviewPage(TraceSelectionSchema.parse(input), { after: i % 2 ? anchor() : undefined });
    if (i < runs) (byFilter[name] ??= []).push(performance.now() - started);
  });
  log(`list: p95 ${list.stats.p95.toFixed(1)} ms`);

  const reasons = seeded.reasonIds;
  const decisions = await timed(runs, warmup, (i) => {
    const traceId = seeded.pendingIds[i % seeded.pendingIds.length]!;
    return i % 3 === 0
      ? decide(
          { traceId, decision: "rejected", reason: `Bench: ${reasons[i % reasons.length]}` },
          seeded.deciderId,
        )
      : decide({ traceId, decision: "approved" }, seeded.deciderId);
  });
  log(`decide: p95 ${decisions.stats.p95.toFixed(1)} ms`);

  const countSelections = [
    {},
    { jobId: seeded.jobIds[0] },
    { q: "remainder" },
    { reviewerId: seeded.reviewerIds[0] },
  ];
  const counts = await timed(40, 2, (i) => reviewCounts(countSelections[i % countSelections.length]!));
  return {
    next: next.stats,
    list: list.stats,
    decide: decisions.stats,
    counts: counts.stats,
    byFilter: Object.fromEntries(Object.entries(byFilter).map(([k, v]) => [k, stats(v)])),
  };
}

async function timed(runs: number, warmup: number, run: (i: number) => Promise<unknown>) {
  for (let i = 0; i < warmup; i++) await run(runs + i);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await run(i);
    times.push(performance.now() - started);
  }
  return { stats: stats(times) };
}

function stats(times: number[]): Stats {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  return { p50: at(0.5), p95: at(0.95), max: sorted.at(-1)!, runs: sorted.length };
}
