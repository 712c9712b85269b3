import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { LeasedItem } from "./kind";
import { storeOutcome } from "./store-outcome";

const item: LeasedItem = {
  id: "item-1",
  jobId: "job-1",
  ordinal: 0,
  promptId: null,
  systemMessageVersionId: null,
  attempts: 1,
  owner: "worker-a",
};
const down = () => Promise.reject(new Error("Can't reach database server at 127.0.0.1:5432"));

let logs: string[];
beforeEach(() => {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "performance"] });
  logs = [];
  vi.spyOn(console, "log").mockImplementation((line: string) => void logs.push(line));
  vi.spyOn(console, "error").mockImplementation((line: string) => void logs.push(line));
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe("storing an answer while the database is away", () => {
  it("keeps it and stores it once the database is back, logging the outage once", async () => {
    let tries = 0;
    const store = () => (++tries <= 5 ? down() : Promise.resolve("stored" as const));
    const stored = storeOutcome(store, item, new AbortController().signal);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(await stored).toBe("stored");
    expect(tries).toBe(6);
    expect(logs.filter((l) => l.includes("Can't reach database server"))).toHaveLength(1);
    expect(logs.some((l) => l.includes("item item-1 of job job-1 stored after 6 tries"))).toBe(true);
  });

  it("gives up after about a minute (the lease runs out; the item runs again)", async () => {
    let tries = 0;
    const stored = storeOutcome(() => (tries++, down()), item, new AbortController().signal);
    await vi.advanceTimersByTimeAsync(55_000);
    const before = tries;
    await vi.advanceTimersByTimeAsync(10_000);
    expect(await stored).toBe("error");
    expect(before).toBeGreaterThan(10);
    expect(logs.filter((l) => l.includes("storing item item-1"))).toHaveLength(2);
    expect(logs.some((l) => l.includes("gave up after"))).toBe(true);
  });

  it("stops at once when the call is aborted (the job cancelled, the worker stopping)", async () => {
    const controller = new AbortController();
    let tries = 0;
    const stored = storeOutcome(() => (tries++, down()), item, controller.signal);
    await vi.advanceTimersByTimeAsync(1_000);
    controller.abort("worker-stopping");
    await vi.advanceTimersByTimeAsync(0);
    expect(await stored).toBe("error");
    expect(tries).toBeLessThan(6);
  });

  it("returns what the store said when it answers at once, without a log line", async () => {
    expect(await storeOutcome(() => Promise.resolve("lost-lease"), item, new AbortController().signal)).toBe(
      "lost-lease",
    );
    expect(logs).toEqual([]);
  });
});
