import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  inFlightAroundBursts,
  pauseViolations,
  startScriptedTeacher,
  type ScriptedTeacher,
  type TimelineEntry,
} from "./index";
import { ask, askInTurn, endpointFor, type Answer } from "./test-client";

let teacher: ScriptedTeacher;
beforeAll(async () => {
  teacher = await startScriptedTeacher();
});
afterAll(() => teacher.close());
beforeEach(() => teacher.reset());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

describe("timeline", () => {
  it("records each request's arrival, in-flight count, status, send time and Retry-After", async () => {
    teacher.setScript({
      defaults: { latencyMs: 100 },
      faults: { bursts429: { gap: 4, length: 2, retryAfterSeconds: 3 } },
    });
    await Promise.all([0, 1, 2, 3].map((i) => ask(teacher.url, endpointFor(i), `q${i}`)));
    const limited = await askInTurn(teacher.url, 2);
    expect(limited.map((a) => [a.status, a.retryAfter])).toEqual([
      [429, "3"],
      [429, "3"],
    ]);

    const timeline = teacher.timeline();
    expect(timeline.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    const together = timeline.slice(0, 4);
    expect(together.map((e) => e.inFlight).sort()).toEqual([1, 2, 3, 4]);
    for (const entry of together) {
      expect(entry).toMatchObject({ status: 200 });
      expect(entry.sentMs! - entry.arrivalMs).toBeGreaterThanOrEqual(95);
      expect(entry).not.toHaveProperty("retryAfterSeconds");
    }
    const rateLimited = (seq: number, endpoint: TimelineEntry["endpoint"]) => ({
      seq,
      endpoint,
      arrivalMs: expect.any(Number),
      inFlight: 1,
      status: 429,
      sentMs: expect.any(Number),
      retryAfterSeconds: 3,
      burst: 0,
    });
    expect(timeline.slice(4)).toEqual([rateLimited(5, "chatCompletions"), rateLimited(6, "messages")]);
    for (let i = 1; i < timeline.length; i++)
      expect(timeline[i]!.arrivalMs).toBeGreaterThanOrEqual(timeline[i - 1]!.arrivalMs);
    expect(await (await fetch(teacher.url + "/__control/timeline")).json()).toEqual(timeline);
  });

  it("records refused requests, and no answer for one the client gave up on", async () => {
    teacher.setScript({ faults: { rateTimeout: 1, timeoutMs: 60_000 } });
    const gaveUp = new AbortController();
    const held = ask(teacher.url, "messages", "held", gaveUp.signal);
    await waitFor(() => teacher.stats().inFlight === 1);
    gaveUp.abort();
    await expect(held).rejects.toThrow();
    await waitFor(() => teacher.stats().inFlight === 0);
    await fetch(teacher.url + "/v1/chat/completions", { method: "POST", body: "{not json" });
    const [abandoned, refused] = teacher.timeline();
    expect(abandoned).toEqual({ seq: 1, endpoint: "messages", arrivalMs: expect.any(Number), inFlight: 1 });
    expect(refused).toMatchObject({ seq: 2, endpoint: "chatCompletions", status: 400 });
  });

  it("keeps the last keepTimeline requests and starts over on a stats reset", async () => {
    teacher.setScript({ keepTimeline: 3 });
    await askInTurn(teacher.url, 5);
    expect(teacher.timeline().map((e) => e.seq)).toEqual([3, 4, 5]);
    teacher.resetStats();
    expect(teacher.timeline()).toEqual([]);
    await askInTurn(teacher.url, 1);
    expect(teacher.timeline().map((e) => e.seq)).toEqual([1]);
    teacher.setScript({ keepTimeline: 0 });
    await askInTurn(teacher.url, 1);
    expect(teacher.timeline()).toEqual([]);
  });
});

describe("timeline analysis on a live server", () => {
  it("pauseViolations flags a request inside a pause, not one within the grace or after", async () => {
    teacher.setScript({
      rules: [{ match: { promptIncludes: "limit" }, fault: "429" }],
      faults: { retryAfterSeconds: 0.5 },
    });
    expect((await ask(teacher.url, "chatCompletions", "limit")).status).toBe(429);
    const sentMs = teacher.timeline()[0]!.sentMs!;
    await ask(teacher.url, "messages", "at once");
    await sleep(sentMs + 200 - performance.now());
    await ask(teacher.url, "chatCompletions", "too soon");
    await sleep(sentMs + 520 - performance.now());
    await ask(teacher.url, "messages", "after the pause");

    const violations = pauseViolations(teacher.timeline(), { graceMs: 100 });
    expect(violations.map((v) => [v.request.seq, v.pausedBy.seq])).toEqual([[3, 1]]);
    expect(violations[0]!.afterMs).toBeGreaterThanOrEqual(200);
  });

  const script = {
    defaults: { latencyMs: 20 },
    faults: { bursts429: { gap: 40, length: 4, retryAfterSeconds: 0.25 } },
  };

  it("shows a client that cuts and waits out Retry-After dropping on the burst and recovering", async () => {
    teacher.setScript(script);
    // Two bursts (requests 41-44 and 85-88), and enough after the second to see it recover.
    await client(teacher.url, 120, { max: 8, honourRetryAfter: true });
    const timeline = teacher.timeline();
    // A loaded machine may read a 429 late: requests already on their way are not a violation.
    expect(pauseViolations(timeline, { graceMs: 150 })).toEqual([]);
    const bursts = inFlightAroundBursts(timeline);
    expect(bursts.map((b) => [b.burst, b.rateLimited, b.before, b.later])).toEqual([
      [0, 4, 8, 8],
      [1, 4, 8, 8],
    ]);
    for (const b of bursts) expect(b.afterPause).toBeLessThan(b.before);
  });

  it("catches a client that neither waits nor cuts", async () => {
    // A long pause, so even a loaded machine reaches the next burst before it ends.
    teacher.setScript({
      ...script,
      faults: { bursts429: { ...script.faults.bursts429, retryAfterSeconds: 5 } },
    });
    await client(teacher.url, 120, { max: 8, honourRetryAfter: false });
    const timeline = teacher.timeline();
    expect(pauseViolations(timeline).length).toBeGreaterThan(0);
    // It reached the next burst before the pause was over: nothing to measure, and the matcher says so.
    const [first] = inFlightAroundBursts(timeline);
    expect(first!.afterPause).toBeUndefined();
    expect(() => expect(first!.afterPause).toBeLessThan(first!.before)).toThrow();
  });
});

/**
 * `total` requests at most `max` at a time; with honourRetryAfter, what the runner is meant to do:
 * on a 429 halve the limit and send nothing until Retry-After has passed, then add one per success.
 */
async function client(
  url: string,
  total: number,
  { max, honourRetryAfter }: { max: number; honourRetryAfter: boolean },
) {
  let limit = max;
  let open = 0;
  let sent = 0;
  let pausedUntil = 0;
  await new Promise<void>((resolve, reject) => {
    const pump = () => {
      const wait = pausedUntil - performance.now();
      if (wait > 0) return void setTimeout(pump, wait);
      for (; open < Math.floor(limit) && sent < total; open++, sent++)
        ask(url, endpointFor(sent), `item ${sent}`).then(settle, reject);
      if (open === 0 && sent === total) resolve();
    };
    const settle = (answer: Answer) => {
      open--;
      // Answers to requests sent before the pause began change nothing.
      const paused = performance.now() < pausedUntil;
      if (honourRetryAfter && answer.status === 429 && !paused) {
        limit = Math.max(1, limit / 2);
        pausedUntil = performance.now() + Number(answer.retryAfter) * 1000;
      } else if (answer.status === 200 && !paused) limit = Math.min(max, limit + 1);
      pump();
    };
    pump();
  });
}

async function waitFor(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error("condition not met in time");
    await sleep(10);
  }
}
