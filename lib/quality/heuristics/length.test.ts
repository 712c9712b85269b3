import { describe, expect, it } from "vitest";
import { trace } from "./fixtures/trace";
import { checkLength, LengthSettingsSchema } from "./length";

describe("checkLength", () => {
  it("fails an empty or one-word output and passes three words", () => {
    expect(checkLength(trace({ output: "" })).outcome).toBe("fail");
    expect(checkLength(trace({ output: "72" })).outcome).toBe("fail");
    expect(checkLength(trace({ output: "It is 72." })).outcome).toBe("pass");
  });

  it("counts separate reasoning toward the minimum", () => {
    expect(checkLength(trace({ output: "72", reasoning: "48 in April and 24 in May." })).outcome).toBe(
      "pass",
    );
  });

  it("counts each Chinese character as a word", () => {
    const result = checkLength(trace({ output: "答案是七十二。" }));
    expect(result.outcome).toBe("pass");
    expect(result.evidence).toMatchObject({ words: 7 });
  });

  it("reports the character count as the score", () => {
    expect(checkLength(trace({ output: "It is 72." })).score).toBe(9);
  });

  it("warns over the generous word maximum; an Orca-Math bound fails over 1,800 characters", () => {
    expect(checkLength(trace({ output: "clip ".repeat(20_001) })).outcome).toBe("warn");
    const orca = LengthSettingsSchema.parse({ maxChars: 1800, overMaxOutcome: "fail" });
    expect(checkLength(trace({ output: "x".repeat(1801) + " is long" }), orca).outcome).toBe("fail");
    expect(checkLength(trace({ output: "x".repeat(1700) + " is fine" }), orca).outcome).toBe("pass");
  });
});
