import { db } from "../../../db";
// A fixture beside the dashboard it feeds; lib/testing has no index to import it through.
// eslint-disable-next-line tracebank/domain-boundaries
import { createTraces } from "../../../testing/trace-fixtures";

type Status = "approved" | "rejected" | "conflict" | "pending";
type Outcome = "pass" | "fail" | "warn";

/**
 * Two small jobs whose every figure on the dashboard is known (for vitest and e2e alike):
 * A (6 traces, model scripted-1, 2025-01-01): v1 [0,2,4] approved, rejected, pending;
 *   v2 [1,3,5] approved, approved, conflict. Verification pass 0,1,3; fail 2; warn 4. Trace 5
 *   contaminated. Near-duplicate cluster kept 0, dropped 1 and 3. Best-of-K dropped 2 and 4.
 *   Judge "Correctness <tag>" v1: 5, 4, 2, 4 on traces 0-3. $0.01 each, 120-125 output tokens.
 * B (4 traces, model scripted-2, 2025-02-01): v1 [0,2] rejected, approved; v2 [1,3] rejected,
 *   pending. Verification fail 0, pass 1. Exact-duplicate cluster kept 0, dropped 1. Prompt of
 *   trace 3 contaminated. Judge 1 on trace 0. $0.50 each, 3,000-3,003 output tokens.
 */
export async function seedDashboard(reviewerPrefix = "dash") {
  const a = await createTraces({ count: 6, createdAt: new Date(Date.UTC(2025, 0, 1, 12)) });
  const b = await createTraces({ count: 4, createdAt: new Date(Date.UTC(2025, 1, 1, 12)) });
  const client = db();
  const rename = (id: string, name: string) => client.systemMessage.update({ where: { id }, data: { name } });
  const messages = { a: `Careful steps ${a.tag}`, b: `Plain answer ${b.tag}` };
  await rename(a.messageId, messages.a);
  await rename(b.messageId, messages.b);
  const jobNames = { a: `Dashboard A ${a.tag}`, b: `Dashboard B ${b.tag}` };
  await client.job.update({ where: { id: a.jobId }, data: { name: jobNames.a } });
  await client.job.update({ where: { id: b.jobId }, data: { name: jobNames.b } });
  const costs = async (ids: string[], data: { model?: string; costUsd: number; outputTokens?: number }) => {
    for (const [i, id] of ids.entries())
      await client.trace.update({
        where: { id },
        data: {
          ...data,
          outputTokens: data.outputTokens === undefined ? undefined : data.outputTokens + i,
          checkedAt: new Date(),
        },
      });
  };
  await costs(a.traceIds, { costUsd: 0.01 });
  await costs(b.traceIds, { model: "scripted-2", costUsd: 0.5, outputTokens: 3000 });

  const review = async (ids: string[], statuses: Status[]) => {
    for (const [i, status] of statuses.entries()) {
      const traceId = ids[i]!;
      await client.trace.update({ where: { id: traceId }, data: { reviewStatus: status } });
      const reject = { decision: "rejected", reasonId: i % 2 ? "reason-truncated" : "reason-wrong-answer" };
      const decisions =
        status === "approved"
          ? [{ decision: "approved" }]
          : status === "rejected"
            ? [reject]
            : status === "conflict"
              ? [{ decision: "approved" }, reject]
              : [];
      for (const [n, d] of decisions.entries())
        await client.reviewDecision.create({
          data: { traceId, reviewerId: `${reviewerPrefix}-reviewer-${n}`, ...d },
        });
    }
  };
  await review(a.traceIds, ["approved", "approved", "rejected", "approved", "pending", "conflict"]);
  await review(b.traceIds, ["rejected", "rejected", "approved", "pending"]);

  const verdict = (traceId: string, check: string, outcome: Outcome, clusterId: string | null = null) =>
    client.qualityVerdict.create({
      data: { traceId, check, outcome, summary: `${check} ${outcome}`, clusterId },
    });
  const verify = (ids: string[], outcomes: Outcome[]) =>
    Promise.all(outcomes.map((o, i) => verdict(ids[i]!, "verification", o)));
  await verify(a.traceIds, ["pass", "pass", "fail", "pass", "warn"]);
  await verify(b.traceIds, ["fail", "pass"]);
  await verdict(a.traceIds[5]!, "contamination", "fail");
  await client.qualityVerdict.create({
    data: { promptId: b.promptIds[3]!, check: "contamination", outcome: "fail", summary: "GSM8K test item" },
  });
  const cluster = async (check: string, ids: string[]) => {
    const { id } = await client.qualityCluster.create({
      data: { check, subject: "trace", size: ids.length, similarity: 0.9, representativeId: ids[0]! },
    });
    for (const [i, traceId] of ids.entries()) await verdict(traceId, check, i === 0 ? "pass" : "fail", id);
  };
  await cluster("near-duplicate", [a.traceIds[0]!, a.traceIds[1]!, a.traceIds[3]!]);
  await cluster("exact-duplicate", [b.traceIds[0]!, b.traceIds[1]!]);
  await verdict(a.traceIds[2]!, "best-of-k", "fail");
  await verdict(a.traceIds[4]!, "best-of-k", "fail");

  const rubric = await client.judgeRubric.create({
    data: {
      name: `Correctness ${a.tag}`,
      versions: { create: { version: 1, instructions: "Is it right?" } },
    },
    include: { versions: true },
  });
  const rubricVersionId = rubric.versions[0]!.id;
  const judged: Array<[string, number]> = [
    [a.traceIds[0]!, 5],
    [a.traceIds[1]!, 4],
    [a.traceIds[2]!, 2],
    [a.traceIds[3]!, 4],
    [b.traceIds[0]!, 1],
  ];
  for (const [traceId, score] of judged)
    await client.judgeScore.create({
      data: { traceId, rubricVersionId, score, reason: "fixture", model: "judge-1" },
    });

  return { a, b, messages, jobNames, rubricName: rubric.name, rubricVersionId };
}
export type SeededDashboard = Awaited<ReturnType<typeof seedDashboard>>;
