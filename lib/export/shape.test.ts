import { describe, expect, it } from "vitest";
import { db } from "../db/client";
import { createTraces } from "../testing/trace-fixtures";
import { exportApprovedJsonl } from "./jsonl";
import { exportStats } from "./queries";
import type { ExportRecord } from "./record";
import { traceText } from "./record";
import { DEFAULT_SHAPE, type ExportShape } from "./schemas";

type Line = ExportRecord & { reasoning?: string };

/** The job's lines, in the order of its trace ids as created (the file is in id order). */
async function lines(created: { jobId: string; traceIds: string[] }, shape?: ExportShape): Promise<Line[]> {
  const out = new Map<string, Line>();
  for await (const line of exportApprovedJsonl({ jobId: created.jobId }, { shape })) {
    const record = JSON.parse(line) as Line;
    out.set(record.id, record);
  }
  return created.traceIds.map((id) => out.get(id)!);
}

/** Two approved traces: the first made in cautious mode with reasoning, the second plain. */
async function cautiousTraces() {
  const created = await createTraces({ count: 2, status: "approved", content: (i) => `Answer ${i}` });
  const job = await db().job.findUniqueOrThrow({ where: { id: created.jobId } });
  await db().job.update({
    where: { id: created.jobId },
    data: {
      config: { ...(job.config as object), cautious: { erasedSystemPrompt: "Think first, then answer." } },
    },
  });
  await db().trace.update({
    where: { id: created.traceIds[0] },
    data: {
      reasoning: "First, 0 + 0 = 0.",
      reasoningTokens: 12,
      systemPromptErasable: true,
      strategy: {
        messageId: created.messageId,
        name: created.messageName,
        versionId: created.versionIds[0],
        version: 1,
        reply: "1",
        chosenBy: "number",
      },
    },
  });
  return created;
}

describe("export shape", () => {
  it("by default keeps the system prompt and the answer, with the reasoning in its own field", async () => {
    const created = await cautiousTraces();
    const [first, second] = await lines(created);
    expect(first).toMatchObject({
      system_prompt: created.versionContents[0],
      trace: "Answer 0",
      reasoning: "First, 0 + 0 = 0.",
    });
    expect(first!.provenance).toMatchObject({
      strategy: { name: created.messageName, version: 1, chosen_by: "number" },
      reasoning_tokens: 12,
    });
    expect(first!.provenance).not.toHaveProperty("original_system_prompt");
    expect(second).not.toHaveProperty("reasoning");
    expect(second!.provenance).not.toHaveProperty("strategy");
  });

  it("erases the system prompt of erasable traces only, keeping the original in provenance", async () => {
    const created = await cautiousTraces();
    const [first, second] = await lines(created, { ...DEFAULT_SHAPE, erase: true });
    expect(first!.system_prompt).toBe("Think first, then answer.");
    expect(first!.provenance).toMatchObject({ original_system_prompt: created.versionContents[0] });
    expect(second!.system_prompt).toBe(created.versionContents[1]);
    expect(second!.provenance).not.toHaveProperty("original_system_prompt");
  });

  it("puts the reasoning before the answer when asked, tagged or plain", async () => {
    const created = await cautiousTraces();
    const tagged = await lines(created, { ...DEFAULT_SHAPE, reasoning: "reasoning-answer" });
    expect(tagged[0]!.trace).toBe("<think>\nFirst, 0 + 0 = 0.\n</think>\n\nAnswer 0");
    expect(tagged[0]!.reasoning).toBe("First, 0 + 0 = 0.");
    expect(tagged[1]!.trace).toBe("Answer 1");
    const plain = await lines(created, { ...DEFAULT_SHAPE, reasoning: "reasoning-answer", reasoningTag: "" });
    expect(plain[0]!.trace).toBe("First, 0 + 0 = 0.\n\nAnswer 0");
  });

  it("puts the reviewer's correction after the reasoning", async () => {
    expect(
      traceText("Fixed.", "Why.", { ...DEFAULT_SHAPE, reasoning: "reasoning-answer", reasoningTag: "r" }),
    ).toBe("<r>\nWhy.\n</r>\n\nFixed.");
    expect(traceText("Fixed.", null, { ...DEFAULT_SHAPE, reasoning: "reasoning-answer" })).toBe("Fixed.");
  });

  it("counts the rows erasure and reasoning touch", async () => {
    const created = await cautiousTraces();
    expect(await exportStats({ jobId: created.jobId })).toEqual({
      rows: 2,
      erasable: 1,
      withReasoning: 1,
      contaminated: 0,
    });
  });
});
