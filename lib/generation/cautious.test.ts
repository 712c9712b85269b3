import { describe, expect, it } from "vitest";
import type { LeasedItem } from "../runner/lease";
import { JobConfigSchema, type JobConfig } from "./schemas";
import { answer, fakeTeacher } from "../testing/job-fixtures";
import { executeCautious } from "./cautious";
import { STRATEGY_SYSTEM } from "./strategy";

const message = (n: number) => ({
  messageId: `m${n}`,
  name: `Strategy ${n}`,
  versionId: `v${n}`,
  version: 1,
  weight: 1,
  content: `Detailed instructions ${n}.`,
});

function config(params: Record<string, unknown>): JobConfig {
  return JobConfigSchema.parse({
    promptSet: { id: "set", name: "Set", promptCount: 1 },
    systemMessages: [message(1), message(2)],
    selection: { mode: "weighted", seed: 1 },
    provider: { id: "p", name: "P", kind: "openai", baseUrl: null, model: "m" },
    params: { temperature: 0.5, maxTokens: 4096, ...params },
    samplesPerPrompt: 1,
    concurrency: 1,
    maxAttempts: 1,
    cautious: { erasedSystemPrompt: "Be careful." },
  });
}

const item: LeasedItem = {
  id: "i",
  jobId: "j",
  ordinal: 0,
  promptId: "p1",
  systemMessageVersionId: null,
  attempts: 1,
  owner: "w",
};

async function choiceRequest(params: Record<string, unknown>) {
  const teacher = fakeTeacher((request) =>
    answer(request, { text: request.system === STRATEGY_SYSTEM ? "2" : "Answer." }),
  );
  const result = await executeCautious(
    {
      item,
      row: { sampleIndex: 0, payload: null, prompt: { id: "p1", text: "What is 2 + 2?", category: null } },
      config: config(params),
      teacher,
      signal: new AbortController().signal,
    },
    { id: "p1", text: "What is 2 + 2?", category: null },
    0,
  );
  expect(result).toMatchObject({ kind: "trace", systemMessageVersionId: "v2" });
  return teacher.calls.find((c) => c.system === STRATEGY_SYSTEM)!;
}

describe("executeCautious: the strategy question's token limit", () => {
  it("is short for a plain model", async () => {
    expect((await choiceRequest({})).maxTokens).toBe(256);
  });

  it("keeps the job's maxTokens for a reasoning model, which reasons before it replies", async () => {
    expect((await choiceRequest({ reasoningEffort: "high" })).maxTokens).toBe(4096);
    expect((await choiceRequest({ thinkingBudget: 2048 })).maxTokens).toBe(4096);
  });
});
