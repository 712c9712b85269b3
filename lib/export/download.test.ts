import { describe, expect, it } from "vitest";
import { db } from "../db/client";
import { NotFoundError } from "../errors";
import { createTestUser } from "../testing/fixtures";
import { createTraces } from "../testing/trace-fixtures";
import { startExportDownload } from "./download";
import { exportFileName, slugify } from "./file-name";
import { countApproved, listExportJobs } from "./queries";
import { ExportQuerySchema } from "./schemas";
import { linesToStream } from "./stream";

describe("export download", () => {
  it("streams the approved lines of one job and audits who exported what", async () => {
    const created = await createTraces({ count: 3, status: "approved", jobName: "GSM8K · run #2" });
    const curator = await createTestUser("curator");
    const download = await startExportDownload({ jobId: created.jobId, format: "jsonl" }, curator.id);
    expect(download.fileName).toMatch(/^tracebank-gsm8k-run-2-\d{8}-\d{6}\.jsonl$/);
    expect(download.contentType).toContain("application/x-ndjson");
    const text = await new Response(download.body).text();
    const ids = text
      .trimEnd()
      .split("\n")
      .map((l) => (JSON.parse(l) as { id: string }).id);
    expect(ids).toEqual([...created.traceIds].sort());
    const audit = await db().auditEvent.findFirstOrThrow({
      where: { action: "export.downloaded", entityId: created.jobId },
    });
    expect(audit.actorId).toBe(curator.id);
    expect(audit.data).toMatchObject({
      jobId: created.jobId,
      format: "jsonl",
      fileName: download.fileName,
      erase: false,
      reasoning: "answer",
    });
  });

  it("exports everything as 'all' and refuses an unknown job", async () => {
    const curator = await createTestUser("curator");
    const all = await startExportDownload({ format: "jsonl" }, curator.id);
    expect(all.fileName).toMatch(/^tracebank-all-/);
    await all.body.cancel();
    await expect(
      startExportDownload({ jobId: "missing", format: "jsonl" }, curator.id),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it("counts approved traces per job for the export page", async () => {
    const created = await createTraces({ count: 2, status: "approved" });
    await createTraces({ count: 2, status: "rejected" });
    expect(await countApproved({ jobId: created.jobId })).toBe(2);
    const jobs = await listExportJobs();
    expect(jobs.find((j) => j.id === created.jobId)?.approvedCount).toBe(2);
    expect(jobs.filter((j) => j.approvedCount === 0).length).toBeGreaterThan(0);
  });
});

describe("linesToStream", () => {
  it("pulls lines only as the reader asks, and stops the generator on cancel", async () => {
    let produced = 0;
    let finished = false;
    async function* lines() {
      try {
        for (let i = 0; i < 1_000; i++) {
          produced++;
          yield `${i}\n`;
        }
      } finally {
        finished = true;
      }
    }
    const reader = linesToStream(lines()).getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toBe("0\n");
    expect(produced).toBeLessThanOrEqual(3);
    await reader.cancel();
    expect(finished).toBe(true);
    expect(produced).toBeLessThan(1_000);
  });
});

describe("exportFileName", () => {
  it("uses the job slug or 'all' and a UTC timestamp", () => {
    const at = new Date(Date.UTC(2025, 2, 4, 5, 6, 7));
    expect(exportFileName(null, at)).toBe("tracebank-all-20250304-050607.jsonl");
    expect(exportFileName("Ünïcode Job / 2", at)).toBe("tracebank-unicode-job-2-20250304-050607.jsonl");
    expect(exportFileName("???", at)).toBe("tracebank-job-20250304-050607.jsonl");
    expect(slugify("a".repeat(100))).toHaveLength(60);
  });
});

describe("ExportQuerySchema", () => {
  const defaults = {
    format: "jsonl",
    erase: false,
    reasoning: "answer",
    reasoningTag: "think",
    includeContaminated: false,
  };

  it("treats a blank job as everything and accepts only jsonl", () => {
    expect(ExportQuerySchema.parse({ jobId: "  " })).toEqual(defaults);
    expect(ExportQuerySchema.parse({ jobId: "j1", format: "jsonl" })).toEqual({ ...defaults, jobId: "j1" });
    expect(ExportQuerySchema.safeParse({ format: "csv" }).success).toBe(false);
  });

  it("reads the erasure and reasoning options, and refuses odd values", () => {
    expect(
      ExportQuerySchema.parse({ erase: "1", reasoning: "reasoning-answer", reasoningTag: "thought" }),
    ).toEqual({
      ...defaults,
      erase: true,
      reasoning: "reasoning-answer",
      reasoningTag: "thought",
    });
    expect(ExportQuerySchema.parse({ erase: "false", reasoningTag: "" })).toMatchObject({
      erase: false,
      reasoningTag: "",
    });
    expect(ExportQuerySchema.safeParse({ erase: "yes" }).success).toBe(false);
    expect(ExportQuerySchema.safeParse({ reasoning: "all" }).success).toBe(false);
    expect(ExportQuerySchema.safeParse({ reasoningTag: "<script>" }).success).toBe(false);
  });
});
