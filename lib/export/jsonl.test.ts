import { describe, expect, it } from "vitest";
import { db } from "../db/client";
import { decide } from "../review/decide";
import { createTestUser } from "../testing/fixtures";
import { createTraces } from "../testing/trace-fixtures";
import { exportApprovedJsonl, previewApprovedJsonl } from "./jsonl";
import type { ExportRecord } from "./record";

async function collect(filter: { jobId?: string }, batchSize?: number): Promise<string[]> {
  const lines: string[] = [];
  for await (const line of exportApprovedJsonl(filter, { batchSize })) lines.push(line);
  return lines;
}

const parse = (lines: string[]) => lines.map((l) => JSON.parse(l) as ExportRecord);

describe("exportApprovedJsonl", () => {
  it("exports exactly the approved traces, each with the system prompt of its own version", async () => {
    const created = await createTraces({ count: 6, content: (i) => `Trace #${i}\nline two` });
    const [a, b] = [await createTestUser("reviewer"), await createTestUser("curator")];
    const t = created.traceIds;
    await decide({ traceId: t[0]!, decision: "approved" }, a.id); // v1
    await decide({ traceId: t[1]!, decision: "approved" }, a.id); // v2
    await decide({ traceId: t[1]!, decision: "approved" }, b.id);
    await decide({ traceId: t[2]!, decision: "rejected", reason: "Wrong." }, a.id);
    await decide({ traceId: t[3]!, decision: "approved" }, a.id); // conflict
    await decide({ traceId: t[3]!, decision: "rejected", reason: "Skips." }, b.id);
    // t4, t5 stay pending.

    const lines = await collect({ jobId: created.jobId });
    expect(lines.every((l) => l.endsWith("\n") && l.indexOf("\n") === l.length - 1)).toBe(true);
    const records = parse(lines);
    expect(records.map((r) => r.id).sort()).toEqual([t[0], t[1]].sort());
    const byId = new Map(records.map((r) => [r.id, r]));
    const first = byId.get(t[0]!)!;
    const second = byId.get(t[1]!)!;
    expect(first.system_prompt).toBe(created.versionContents[0]);
    expect(second.system_prompt).toBe(created.versionContents[1]);
    expect(first.trace).toBe("Trace #0\nline two");
    expect(first).not.toHaveProperty("original_trace");
    expect(first.prompt).toContain("Question 1");
    expect(first.reference_answer).toBe("0");
    expect(first.category).toBe("arithmetic");
    expect(first.provenance).toEqual({
      job_id: created.jobId,
      job_name: created.jobName,
      item_id: created.itemIds[0],
      prompt_id: created.promptIds[0],
      prompt_set_id: created.promptSetId,
      prompt_external_id: "q-1",
      system_message_id: created.messageId,
      system_message_name: created.messageName,
      system_message_version_id: created.versionIds[0],
      system_message_version: 1,
      provider: created.providerName,
      provider_kind: "openai",
      model: "scripted-1",
      temperature: 0.7,
      max_tokens: 1024,
      finish_reason: "stop",
      truncated: false,
      input_tokens: 40,
      output_tokens: 120,
      generated_at: "2025-01-01T12:00:00.000Z",
      approved_by: [a.id],
    });
    expect(second.provenance.system_message_version).toBe(2);
    expect(second.provenance.system_message_version_id).toBe(created.versionIds[1]);
    expect([...second.provenance.approved_by].sort()).toEqual([a.id, b.id].sort());
  });

  it("never exports rejected, pending or conflict traces", async () => {
    const rejected = await createTraces({ count: 3, status: "rejected" });
    const pending = await createTraces({ count: 3 });
    const conflict = await createTraces({ count: 3, status: "conflict" });
    for (const jobId of [rejected.jobId, pending.jobId, conflict.jobId]) {
      expect(await collect({ jobId })).toEqual([]);
    }
    const everything = new Set(parse(await collect({})).map((r) => r.id));
    for (const id of [...rejected.traceIds, ...pending.traceIds, ...conflict.traceIds]) {
      expect(everything.has(id)).toBe(false);
    }
  });

  it("filters by job; without a job it exports every approved trace", async () => {
    const one = await createTraces({ count: 2, status: "approved" });
    const two = await createTraces({ count: 3, status: "approved" });
    expect(parse(await collect({ jobId: one.jobId })).map((r) => r.id)).toEqual([...one.traceIds].sort());
    expect(parse(await collect({ jobId: two.jobId })).map((r) => r.provenance.job_id)).toEqual(
      Array(3).fill(two.jobId),
    );
    const all = parse(await collect({})).map((r) => r.id);
    expect(all).toEqual(expect.arrayContaining([...one.traceIds, ...two.traceIds]));
    expect(await collect({ jobId: "no-such-job" })).toEqual([]);
  });

  it("streams more rows than one batch: each approved trace once, in id order", async () => {
    const big = await createTraces({ count: 1_200, status: "approved" });
    const lines = await collect({ jobId: big.jobId });
    const ids = parse(lines).map((r) => r.id);
    expect(ids).toHaveLength(1_200);
    expect(new Set(ids).size).toBe(1_200);
    expect(ids).toEqual([...big.traceIds].sort());
    // A batch boundary that falls exactly on the last row must not repeat or lose anything.
    expect(parse(await collect({ jobId: big.jobId }, 400)).map((r) => r.id)).toEqual(ids);
  }, 120_000);

  it("exports a reviewer's edited content as the trace and keeps the original", async () => {
    const created = await createTraces({ count: 1, status: "approved", content: "Original text" });
    await db().traceEdit.create({
      data: { traceId: created.traceIds[0]!, content: "Corrected text", editorId: "reviewer" },
    });
    const [record] = parse(await collect({ jobId: created.jobId }));
    expect(record).toMatchObject({ trace: "Corrected text", original_trace: "Original text" });
  });

  it("previews the first lines without reading the rest", async () => {
    const created = await createTraces({ count: 5, status: "approved" });
    const preview = await previewApprovedJsonl({ jobId: created.jobId }, 3);
    expect(parse(preview).map((r) => r.id)).toEqual([...created.traceIds].sort().slice(0, 3));
  });
});
