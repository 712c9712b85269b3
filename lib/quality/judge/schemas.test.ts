import { describe, expect, it } from "vitest";
import { StartJudgeSchema } from "./schemas";

const base = { rubricVersionId: "v1", providerId: "p1" };

describe("a judge run's launch input", () => {
  it("starts from temperature 0 and 512 max tokens, whatever the form leaves out", () => {
    const parsed = StartJudgeSchema.parse(base);
    expect(parsed).toMatchObject({
      scope: {},
      mode: "live",
      concurrency: 4,
      maxAttempts: 3,
      onlyPending: false,
    });
    expect(parsed.params).toMatchObject({ temperature: 0, maxTokens: 512, stream: false });
    const form = StartJudgeSchema.parse({ ...base, params: { temperature: undefined, maxTokens: 300 } });
    expect(form.params).toMatchObject({ temperature: 0, maxTokens: 300 });
  });

  it("refuses a job and a prompt set together, and streaming in a batch run", () => {
    expect(StartJudgeSchema.safeParse({ ...base, scope: { jobId: "j", promptSetId: "s" } }).success).toBe(
      false,
    );
    const streamed = StartJudgeSchema.safeParse({ ...base, mode: "batch", params: { stream: true } });
    expect(streamed.error?.issues[0]).toMatchObject({ path: ["params", "stream"] });
    expect(StartJudgeSchema.safeParse({ ...base, params: { maxTokens: 0 } }).success).toBe(false);
  });
});
