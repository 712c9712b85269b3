import { describe, expect, it } from "vitest";
import { inFlightAroundBursts, pauseViolations, type TimelineEntry } from "./index";

let seq = 0;
/** A request that arrived at `at` ms with `inFlight` open and was answered 200 10 ms later. */
const ok = (at: number, inFlight = 1): TimelineEntry => ({
  seq: ++seq,
  endpoint: "chatCompletions",
  arrivalMs: at,
  inFlight,
  status: 200,
  sentMs: at + 10,
});
/** A 429 answered at once, with Retry-After and (optionally) its burst. */
const limited = (at: number, retryAfterSeconds: number, burst?: number, inFlight = 1): TimelineEntry => ({
  ...ok(at, inFlight),
  status: 429,
  sentMs: at,
  retryAfterSeconds,
  ...(burst === undefined ? {} : { burst }),
});
const seqs = (entries: TimelineEntry[]) => entries.map((e) => e.seq);

describe("pauseViolations", () => {
  it("flags arrivals after the grace and before Retry-After ran out, nothing else", () => {
    const limit = limited(1000, 1);
    const [early, inGrace, atGraceEnd, inside, atEnd, after] = [
      ok(990),
      ok(1049),
      ok(1050),
      ok(1500),
      ok(2000),
      ok(2001),
    ];
    const timeline = [early!, limit, inGrace!, atGraceEnd!, inside!, atEnd!, after!];
    const violations = pauseViolations(timeline);
    expect(violations).toEqual([{ request: inside, pausedBy: limit, afterMs: 500 }]);
    expect(seqs(pauseViolations(timeline, { graceMs: 0 }).map((v) => v.request))).toEqual(
      seqs([inGrace!, atGraceEnd!, inside!]),
    );
  });

  it("takes overlapping pauses together and ignores 429s without Retry-After", () => {
    const first = limited(1000, 1);
    const second = limited(1040, 2);
    const noWait = limited(5000, 0);
    const [a, b, c, d] = [ok(1500), ok(2500), ok(3100), ok(5200)];
    const violations = pauseViolations([first, second, a!, b!, c!, noWait, d!]);
    expect(violations.map((v) => [v.request.seq, v.pausedBy.seq])).toEqual([
      [a!.seq, second.seq],
      [b!.seq, second.seq],
    ]);
  });
});

describe("inFlightAroundBursts", () => {
  // 32 in flight before the burst, the burst (Retry-After 1 s) at 1000-1004, then a client at 8
  // for its first 32 requests after the pause, back at 32 later, and a second burst at 5000.
  const timeline = [
    ...Array.from({ length: 40 }, (_, i) => ok(10 + i * 25, i < 5 ? 1 : 32)),
    ...Array.from({ length: 5 }, (_, i) => limited(1000 + i, 1, 0, 32 - i)),
    ...Array.from({ length: 32 }, (_, i) => ok(2010 + i * 10, (i % 8) + 1)),
    ...Array.from({ length: 40 }, (_, i) => ok(3000 + i * 10, i < 20 ? 16 : 32)),
    ok(4999, 32),
    limited(5000, 1, 1, 32),
  ];

  it("reports in-flight before the burst, just after its pause and later, per burst", () => {
    const [first, second] = inFlightAroundBursts(timeline);
    expect(first).toEqual({
      burst: 0,
      startMs: 1000,
      rateLimited: 5,
      pauseEndMs: 2004,
      before: 32,
      afterPause: 8,
      later: 32,
    });
    expect(second).toMatchObject({ burst: 1, rateLimited: 1, before: 32 });
    expect(second!.afterPause).toBeUndefined();
    expect(second!.later).toBeUndefined();
  });

  it("takes the window before and the number of requests after as options", () => {
    const [first] = inFlightAroundBursts(timeline, { windowMs: 30, firstRequests: 50 });
    expect(first).toMatchObject({ before: 32, afterPause: 16, later: 32 });
    const [early] = inFlightAroundBursts([ok(0, 1), ok(10, 2), limited(20, 1, 0)], { windowMs: 5 });
    expect(early!.before).toBe(0);
  });
});
