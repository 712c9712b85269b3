import { describe, expect, it } from "vitest";
import { db } from "../db/client";
import { createTestUser } from "../testing/fixtures";
import { createTraces } from "../testing/trace-fixtures";
import { startExportDownload } from "./download";
import { exportStats } from "./queries";
import { ExportQuerySchema } from "./schemas";

const idsOf = async (body: ReadableStream<Uint8Array>) =>
  (await new Response(body).text())
    .trimEnd()
    .split("\n")
    .filter(Boolean)
    .map((line) => (JSON.parse(line) as { id: string }).id)
    .sort();

describe("export and contamination", () => {
  it("leaves out approved traces a contamination check failed, unless overridden with a reason that is audited", async () => {
    const created = await createTraces({ count: 4, status: "approved" });
    const [tainted, viaPrompt, ...clean] = created.traceIds;
    const curator = await createTestUser("curator");
    const contaminated = { check: "contamination", outcome: "fail", summary: "GSM8K test item 1" };
    await db().qualityVerdict.create({ data: { ...contaminated, traceId: tainted! } });
    const promptOf = await db().trace.findUniqueOrThrow({
      where: { id: viaPrompt! },
      select: { promptId: true },
    });
    await db().qualityVerdict.create({ data: { ...contaminated, promptId: promptOf.promptId } });
    // A trace sharing that prompt is left out with it.
    const sharing = await db().trace.findMany({
      where: { jobId: created.jobId, promptId: promptOf.promptId },
      select: { id: true },
    });
    const left = new Set([tainted!, ...sharing.map((t) => t.id)]);

    const stats = await exportStats({ jobId: created.jobId });
    expect(stats).toMatchObject({ rows: 4 - left.size, contaminated: left.size });
    const plain = await startExportDownload({ jobId: created.jobId, format: "jsonl" }, curator.id);
    expect(await idsOf(plain.body)).toEqual(created.traceIds.filter((id) => !left.has(id)).sort());
    expect(clean.every((id) => !left.has(id) || sharing.some((t) => t.id === id))).toBe(true);

    expect(
      ExportQuerySchema.safeParse({ includeContaminated: "1", contaminationReason: "eval" }).success,
    ).toBe(false);
    const reason = "An evaluation split, never used for training";
    const query = ExportQuerySchema.parse({
      jobId: created.jobId,
      includeContaminated: "1",
      contaminationReason: reason,
    });
    const overridden = await startExportDownload(query, curator.id);
    expect(await idsOf(overridden.body)).toEqual([...created.traceIds].sort());
    const audits = await db().auditEvent.findMany({
      where: { action: "export.downloaded", entityId: created.jobId },
      orderBy: { createdAt: "asc" },
    });
    expect(
      audits.map((a) => (a.data as { contaminationOverride: string | null }).contaminationOverride),
    ).toEqual([null, reason]);
  });
});
