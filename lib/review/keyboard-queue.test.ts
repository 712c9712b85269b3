import { describe, expect, it } from "vitest";
import { apply, initialQueueState, mineOf, resume, type QueueItem, type QueueView } from "./keyboard-queue";

const item = (id: string, extra: Partial<QueueItem> = {}): QueueItem => ({
  id,
  status: "pending",
  mine: null,
  others: [],
  flagged: false,
  ...extra,
});
const view = (ids: string[], extra: Partial<QueueView> = {}): QueueView => ({
  items: ids.map((id) => item(id)),
  forwardDone: false,
  backwardDone: true,
  advanceSkipsDecided: true,
  ...extra,
});

describe("the keyboard queue", () => {
  it("a decision applies to the trace on screen, is sent, and moves on at once", () => {
    const { state, effects } = apply(initialQueueState("t1"), view(["t1", "t2", "t3"]), [
      { type: "approve" },
    ]);
    expect(state.currentId).toBe("t2");
    expect(state.local.t1).toMatchObject({ mine: { decision: "approved" }, status: "approved" });
    expect(effects).toEqual([
      { type: "decide", traceId: "t1", decision: { decision: "approved", reasonId: null, reason: null } },
    ]);
  });

  it("keys pressed while the next trace loads wait and then apply in order, to the right traces", () => {
    const loaded = view(["t1", "t2"]);
    // a, a, 3 (reject with a reason), j: the second a lands on t2, the 3 waits for t3 to arrive.
    let { state, effects } = apply(initialQueueState("t1"), loaded, [
      { type: "approve" },
      { type: "approve" },
      { type: "reject", reasonId: "reason-style", reason: null },
      { type: "next" },
    ]);
    expect(effects.filter((e) => e.type === "decide").map((e) => (e as { traceId: string }).traceId)).toEqual(
      ["t1", "t2"],
    );
    expect(effects.filter((e) => e.type === "load")).toHaveLength(1);
    expect(state.currentId).toBe("t2");
    expect(state.waiting.map((c) => c.type)).toEqual(["advance", "reject", "next"]);
    // More keys while still loading join the end of the line, with no second load request.
    ({ state, effects } = apply(state, loaded, [{ type: "flag" }]));
    expect(effects).toEqual([]);
    // t3 and t4 arrive: the move finishes, the rejection hits t3, j goes to t4, the flag hits t4.
    ({ state, effects } = resume(state, view(["t1", "t2", "t3", "t4", "t5"])));
    expect(state.waiting).toEqual([]);
    expect(state.local.t3).toMatchObject({ mine: { decision: "rejected", reasonId: "reason-style" } });
    expect(state.currentId).toBe("t5");
    expect(effects.map((e) => e.type)).toEqual(["decide", "flag"]);
    expect(effects[1]).toMatchObject({ traceId: "t5" });
  });

  it("undo puts my previous decision back, returns to its trace and says what to send", () => {
    const v = view(["t1", "t2", "t3"]);
    let { state } = apply(initialQueueState("t1"), v, [
      { type: "approve" },
      { type: "prev" },
      { type: "reject", reasonId: null, reason: "changed my mind" },
    ]);
    expect(state.history.map((h) => h.traceId)).toEqual(["t1", "t1"]);
    let effects;
    ({ state, effects } = apply(state, v, [{ type: "undo" }]));
    expect(state.currentId).toBe("t1");
    expect(mineOf(state, v.items[0]!)).toMatchObject({ decision: "approved" });
    expect(effects).toEqual([
      { type: "undo", traceId: "t1", restore: { decision: "approved", reasonId: null, reason: null } },
    ]);
    ({ state, effects } = apply(state, v, [{ type: "undo" }]));
    expect(mineOf(state, v.items[0]!)).toBeNull();
    expect(effects).toEqual([{ type: "undo", traceId: "t1", restore: null }]);
    ({ effects } = apply(state, v, [{ type: "undo" }]));
    expect(effects).toEqual([{ type: "notice", message: "Nothing to undo." }]);
  });

  it("moving on in a pending queue passes over traces I decided; next-unreviewed skips decided ones", () => {
    const v = view(["t1", "t2", "t3", "t4"], { forwardDone: true });
    let { state } = apply(initialQueueState("t2"), v, [
      { type: "approve" },
      { type: "prev" },
      { type: "prev" },
    ]);
    expect(state.currentId).toBe("t1");
    ({ state } = apply(state, v, [{ type: "approve" }]));
    expect(state.currentId).toBe("t3"); // t2 was decided here: passed over
    ({ state } = apply(state, v, [
      { type: "approve" },
      { type: "prev" },
      { type: "prev" },
      { type: "prev" },
    ]));
    expect(state.currentId).toBe("t1");
    ({ state } = apply(state, v, [{ type: "nextUnreviewed" }]));
    expect(state.currentId).toBe("t4");
  });

  it("at the end of a finished queue a move says so and stays", () => {
    const { state, effects } = apply(initialQueueState("t1"), view(["t1"], { forwardDone: true }), [
      { type: "approve" },
      { type: "next" },
    ]);
    expect(state.currentId).toBe("t1");
    expect(effects.filter((e) => e.type === "notice")).toHaveLength(2);
  });

  it("skip and flag: skip moves without deciding; flag toggles", () => {
    const { state, effects } = apply(initialQueueState("t1"), view(["t1", "t2"]), [
      { type: "flag" },
      { type: "flag" },
      { type: "skip" },
    ]);
    expect(effects.map((e) => e.type)).toEqual(["flag", "flag", "release"]);
    expect(effects[1]).toMatchObject({ flagged: false });
    expect(state.currentId).toBe("t2");
    expect(state.local.t1?.mine).toBeUndefined();
  });
});
