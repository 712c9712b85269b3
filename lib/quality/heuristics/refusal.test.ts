import { describe, expect, it } from "vitest";
import { trace } from "./fixtures/trace";
import { checkRefusal, findRefusalPhrases } from "./refusal";

const HELPFUL_TAIL = " Here is a worked solution instead. ".padEnd(
  900,
  "The clips sold in May are half of those sold in April. ",
);

describe("checkRefusal", () => {
  it.each([
    "I'm sorry, but I can't help with that request.",
    "I’m sorry, but I cannot assist with creating malware or anything designed to harm computers.",
    "As an AI language model, I cannot provide a medical diagnosis. Please consult a doctor.",
    "I am unable to determine the answer from the information given.",
    "This request violates OpenAI's usage policies, so I won't be writing it.",
    "I must respectfully decline to write that essay.",
  ])("fails a short output that opens with a refusal: %s", (output) => {
    const result = checkRefusal(trace({ output }));
    expect(result.outcome).toBe("fail");
    expect(result.spans?.[0]?.field).toBe("trace");
  });

  it("locates the matched phrase, with curly apostrophes folded", () => {
    const output = "Well. I can’t help with that.";
    const result = checkRefusal(trace({ output }));
    const span = result.spans?.[0];
    expect(span).toBeDefined();
    expect(output.slice(span!.start, span!.end)).toBe("I can’t help with");
    expect(result.evidence?.matches).toEqual([
      expect.objectContaining({ phrase: "I can’t help with", strength: "strong" }),
    ]);
  });

  it("warns on a refusal at the start of a long answer that then helps (a partial refusal)", () => {
    const result = checkRefusal(
      trace({ output: `I can't help with the legal side of this.${HELPFUL_TAIL}` }),
    );
    expect(result.outcome).toBe("warn");
  });

  it("warns on a strong phrase deep inside a long answer", () => {
    const result = checkRefusal(
      trace({ output: `${HELPFUL_TAIL} Note that I cannot provide tax advice for your country.` }),
    );
    expect(result.outcome).toBe("warn");
    expect(result.summary).toMatch(/at character \d+/);
  });

  it("passes an apology deep inside a long answer", () => {
    const result = checkRefusal(
      trace({ output: `${HELPFUL_TAIL} I apologize for the confusion in my earlier step; 24 is right.` }),
    );
    expect(result.outcome).toBe("pass");
    expect(result.evidence?.matches).toHaveLength(1);
  });

  it("warns on a weak phrase opening a short output", () => {
    expect(
      checkRefusal(trace({ output: "As an AI, I don't know which of these you would prefer." })).outcome,
    ).toBe("warn");
  });

  it("passes ordinary answers and near-misses", () => {
    expect(checkRefusal(trace()).outcome).toBe("pass");
    expect(findRefusalPhrases("I can't help but notice that 48/2 = 24, so she sold 72 clips.")).toEqual([]);
    expect(findRefusalPhrases("The machine cannot provide more than 24 clips a day.")).toEqual([]);
  });
});
