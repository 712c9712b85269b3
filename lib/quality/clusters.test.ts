import { describe, expect, it } from "vitest";
import { db } from "../db/client";
import { runJobNow } from "../runner";
import { createTestUser } from "../testing/fixtures";
import { createTraces } from "../testing/trace-fixtures";
import { listClusters, resolveCluster } from "./clusters";
import { startScan } from "./scan/start";

const RATIONALE =
  "Natalia sold 48/2 = 24 clips in May. Natalia sold 48 + 24 = 72 clips altogether in April and May, so the answer is 72 clips in all.";

describe("duplicate clusters", () => {
  it("a scan clusters near-identical traces; keep one rejects the rest as duplicates, once, audited", async () => {
    const curator = await createTestUser("curator");
    const created = await createTraces({
      count: 5,
      content: (i) =>
        i < 3
          ? `${RATIONALE}${i === 0 ? "" : i === 1 ? " Done." : " That is all."}`
          : `A different answer number ${i}: the train goes ${i * 60} km in ${i} hours at 60 km per hour, so the distance is ${i * 60} km.`,
    });
    const jobId = await startScan({ scope: { jobId: created.jobId }, parts: ["duplicates"] }, curator.id);
    await runJobNow(jobId);
    expect((await db().job.findUniqueOrThrow({ where: { id: jobId } })).status).toBe("completed");

    const { clusters } = await listClusters({
      check: "near-duplicate",
      subject: "trace",
      resolved: false,
      page: 1,
    });
    const ours = clusters.find((c) => c.members.some((m) => created.traceIds.includes(m.id)))!;
    expect(ours.size).toBe(3);
    expect(new Set(ours.members.map((m) => m.id))).toEqual(new Set(created.traceIds.slice(0, 3)));

    const keep = created.traceIds[1]!;
    expect(await resolveCluster({ clusterId: ours.id, keepId: keep }, curator.id)).toEqual({ rejected: 2 });
    const statuses = await db().trace.findMany({
      where: { id: { in: created.traceIds } },
      select: { id: true, reviewStatus: true },
    });
    const status = new Map(statuses.map((t) => [t.id, t.reviewStatus]));
    expect(created.traceIds.map((id) => status.get(id))).toEqual([
      "rejected",
      "pending",
      "rejected",
      "pending",
      "pending",
    ]);
    const decision = await db().reviewDecision.findFirstOrThrow({ where: { traceId: created.traceIds[0]! } });
    expect(decision).toMatchObject({ reviewerId: curator.id, reasonId: "reason-duplicate" });
    await expect(resolveCluster({ clusterId: ours.id, keepId: keep }, curator.id)).rejects.toThrow(
      /resolved already/,
    );
    const audit = await db().auditEvent.findFirstOrThrow({
      where: { action: "quality.cluster-resolved", entityId: ours.id },
    });
    expect(audit.data).toMatchObject({ kept: keep, rejected: 2 });
  });
});
