import { describe, expect, it } from "vitest";
import { db } from "../db/client";
import { overview } from "./queries";

describe("overview", () => {
  it("counts what the corpus holds", async () => {
    const empty = await overview();
    expect(empty.traces.total).toBe(0);
    await db().systemMessage.createMany({
      data: [
        { name: "on", tags: [], enabled: true },
        { name: "off", tags: [], enabled: false },
      ],
    });
    const set = await db().promptSet.create({ data: { name: "s" } });
    await db().prompt.create({ data: { promptSetId: set.id, text: "q", contentHash: "h" } });
    const counts = await overview();
    expect(counts.messages).toEqual({ enabled: 1, total: 2 });
    expect(counts.prompts).toEqual({ sets: 1, prompts: 1 });
  });
});
