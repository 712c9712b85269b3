import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { renderReply, startScriptedTeacher, type ScriptedTeacher } from "../testing/scripted-teacher";
import { createBatchTeacher } from "./batch-teacher";
import type { BatchRequest, BatchResult, BatchStatus, BatchTeacher } from "./types";

let server: ScriptedTeacher;
beforeAll(async () => {
  server = await startScriptedTeacher();
});
afterAll(() => server.close());
beforeEach(() => {
  server.setScript({});
  server.reset();
});

const SYSTEM = "You are a careful teacher.";
const requests = (prompts: string[], extra: Partial<BatchRequest["request"]> = {}): BatchRequest[] =>
  prompts.map((prompt, i) => ({
    customId: `item-${i}`,
    request: { system: SYSTEM, prompt, temperature: 0.3, maxTokens: 256, ...extra },
  }));

async function collect(results: AsyncIterable<BatchResult>): Promise<Map<string, BatchResult>> {
  const byId = new Map<string, BatchResult>();
  for await (const result of results) byId.set(result.customId, result);
  return byId;
}

describe.each(["openai", "anthropic"] as const)("%s batch API on the scripted server", (kind) => {
  const teacher = (baseSuffix = ""): BatchTeacher =>
    createBatchTeacher({
      kind,
      baseUrl: (kind === "openai" ? server.baseUrlOpenAI : server.baseUrlAnthropic) + baseSuffix,
      model: `${kind}-batch-model`,
      apiKey: "sk-batch",
      timeoutMs: 10_000,
    });

  async function runToEnd(t: BatchTeacher, batch: BatchRequest[]) {
    const { externalId, inputFileId } = await t.submit(batch);
    let status: BatchStatus = await t.poll(externalId);
    for (let i = 0; status.state === "in_progress" && i < 200; i++) {
      await new Promise((r) => setTimeout(r, 10));
      status = await t.poll(externalId);
    }
    return { externalId, inputFileId, status, results: await collect(t.results(externalId, status)) };
  }

  it("submits, stays in progress until the batch is due, then returns every result by custom id", async () => {
    server.setScript({ requireApiKey: "sk-batch", batch: { completeAfterMs: 150 } });
    const t = teacher();
    const prompts = ["What is 2 + 2?", "Name a prime above 10.", "Why is the sky blue?"];
    const { externalId } = await t.submit(requests(prompts, { stop: ["END"] }));
    expect((await t.poll(externalId)).state).toBe("in_progress");
    const { status, results, inputFileId } = await runToEnd(t, requests(prompts, { stop: ["END"] }));
    expect(status.state).toBe("ended");
    expect(status.counts).toMatchObject({ total: 3, succeeded: 3, failed: 0 });
    expect(inputFileId === undefined).toBe(kind === "anthropic");
    expect([...results.keys()].sort()).toEqual(["item-0", "item-1", "item-2"]);
    prompts.forEach((prompt, i) => {
      const result = results.get(`item-${i}`)!;
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.completion.text).toBe(renderReply(undefined, SYSTEM, prompt));
      expect(result.completion).toMatchObject({ finishReason: "stop", model: `${kind}-batch-model` });
    });
    // The requests went out with the live path's parameters.
    const sent = server.lastRequests().filter((r) => r.endpoint === "batch");
    expect(sent).toHaveLength(3);
    expect(sent[0]!.body).toMatchObject(
      kind === "openai"
        ? { model: `${kind}-batch-model`, temperature: 0.3, max_tokens: 256, stop: ["END"] }
        : { model: `${kind}-batch-model`, max_tokens: 256, stop_sequences: ["END"], system: SYSTEM },
    );
  });

  it("captures reasoning in batch results", async () => {
    const form = kind === "openai" ? "field:reasoning_content" : "anthropic-thinking";
    server.setScript({ defaults: { reasoning: form, reasoningText: "Thinking about {{answer}}." } });
    const { results } = await runToEnd(teacher(), requests(["Why?"], { thinkingBudget: 1024 }));
    const result = results.get("item-0")!;
    expect(result.ok && result.completion.reasoning).toBe(
      renderReply("Thinking about {{answer}}.", "", "Why?"),
    );
    expect(result.ok && result.completion.usage.reasoningTokens).toBe(3);
  });

  it("turns per-request faults into retryable or final errors, and leaves dropped requests out", async () => {
    server.setScript({
      rules: [
        { match: { promptIncludes: "limit" }, fault: "429" },
        { match: { promptIncludes: "broken" }, fault: "500" },
        { match: { promptIncludes: "invalid" }, fault: "400" },
        { match: { promptIncludes: "slow" }, fault: "timeout" },
        { match: { promptIncludes: "lost" }, fault: "drop" },
      ],
    });
    const { results } = await runToEnd(
      teacher(),
      requests(["ok", "limit", "broken", "invalid", "slow", "lost"]),
    );
    const error = (id: string) => {
      const r = results.get(id)!;
      return r.ok ? undefined : r.error;
    };
    expect(results.get("item-0")!.ok).toBe(true);
    expect(error("item-1")).toMatchObject({ retryable: true });
    expect(error("item-2")).toMatchObject({ retryable: true });
    expect(error("item-3")).toMatchObject({ retryable: false });
    expect(error("item-3")!.message).toContain("refused this request on purpose");
    expect(error("item-4")).toMatchObject({ retryable: true });
    expect(error("item-4")!.message).toMatch(/did not run this request: the batch expired/);
    expect(results.has("item-5")).toBe(false);
  });

  it("cancels a batch at the provider", async () => {
    server.setScript({ batch: { completeAfterMs: 60_000 } });
    const t = teacher();
    const { externalId } = await t.submit(requests(["a", "b"]));
    await t.cancel(externalId);
    const status = await t.poll(externalId);
    expect(status.state).toBe("cancelled");
    const results = await collect(t.results(externalId, status));
    for (const result of results.values()) {
      expect(result.ok).toBe(false);
      expect(!result.ok && result.error.retryable).toBe(true);
    }
  });

  it("explains a server without a batch API", async () => {
    const error = await teacher("/nowhere")
      .submit(requests(["x"]))
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ retryable: false, status: 404 });
    expect((error as Error).message).toMatch(
      /does not offer the .* (API|Batches API) \(404\)\. Run this job in live mode/,
    );
  });
});

describe("OpenAI batch failures", () => {
  it("reports a batch that failed as a whole, with the provider's reason", async () => {
    server.setScript({ batch: { fail: "The model does not exist." } });
    const t = createBatchTeacher({ kind: "openai", baseUrl: server.baseUrlOpenAI, model: "m" });
    const { externalId } = await t.submit(requests(["x"]));
    expect(await t.poll(externalId)).toMatchObject({ state: "failed", error: "The model does not exist." });
  });
});
