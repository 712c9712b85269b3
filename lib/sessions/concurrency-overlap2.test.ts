import { describe, expect, it } from "vitest";
import { expectExact } from "../testing/session-race";

describe("exactly k under concurrency: 20 reviewers, open access, overlap 2", () => {
  it("500 traces, about 1,000 decisions, all at once", async () => {
    const { decisions } = await expectExact(2, 500, 7);
    expect(decisions).toBeGreaterThanOrEqual(1_000);
  }, 60_000);
});
