import { describe, expect, it } from "vitest";
import { db } from "../db/client";
import { ConflictError } from "../errors";
import { decide } from "../review/decide";
import { createTestUser } from "../testing/fixtures";
import { plannedSession } from "../testing/session-fixtures";

describe("a trace in an open session", () => {
  it("is decided in the session only: a decision beside it is refused, and allowed once the session closes", async () => {
    const world = await plannedSession({ traces: 2, reviewers: 2, overlap: 1 });
    const traceId = world.traces.traceIds[0]!;
    const curator = await createTestUser("curator");
    const refused = decide({ traceId, decision: "approved" }, curator.id);
    await expect(refused).rejects.toBeInstanceOf(ConflictError);
    await expect(refused).rejects.toThrow(/being reviewed in the session/);
    expect(await db().reviewDecision.count({ where: { traceId } })).toBe(0);

    await db().reviewSession.update({ where: { id: world.sessionId }, data: { status: "closed" } });
    await expect(decide({ traceId, decision: "approved" }, curator.id)).resolves.toMatchObject({
      status: "approved",
    });
  });
});
