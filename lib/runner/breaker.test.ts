import { describe, expect, it } from "vitest";
import { BREAKER_STREAK, CircuitBreaker } from "./breaker";
import type { Failure } from "./failure";

const down: Failure = { retryable: true, message: "500 Internal Server Error from http://t/v1", status: 500 };
const refused: Failure = {
  retryable: false,
  message: "400 Bad Request: the prompt is too long",
  status: 400,
};
const strike = (n: number) => ({ itemId: `item-${n}`, attempts: 1 });

describe("circuit breaker", () => {
  it(`trips on the ${BREAKER_STREAK}th retryable failure in a row, handing back the earlier ones`, () => {
    const breaker = new CircuitBreaker();
    for (let i = 1; i < BREAKER_STREAK; i++)
      expect(breaker.failure("job", strike(i), down)).toEqual({ trip: false });
    const verdict = breaker.failure("job", strike(BREAKER_STREAK), down);
    expect(verdict.trip).toBe(true);
    if (!verdict.trip) return;
    expect(verdict.reason).toMatch(/failed requests in a row.*500 Internal Server Error.*resume the job/);
    expect(verdict.restore.map((s) => s.itemId)).toEqual(
      Array.from({ length: BREAKER_STREAK - 1 }, (_, i) => `item-${i + 1}`),
    );
    // The count starts over after a trip.
    expect(breaker.failure("job", strike(99), down)).toEqual({ trip: false });
  });

  it("a success in between starts the count over; item-specific refusals neither count nor reset", () => {
    const breaker = new CircuitBreaker(3);
    breaker.failure("job", strike(1), down);
    breaker.failure("job", strike(2), down);
    breaker.success("job");
    expect(breaker.failure("job", strike(3), down)).toEqual({ trip: false });
    expect(breaker.failure("job", strike(4), refused)).toEqual({ trip: false });
    expect(breaker.failure("job", strike(5), down)).toEqual({ trip: false });
    expect(breaker.failure("job", strike(6), down).trip).toBe(true);
  });

  it("trips at once when the provider account is out of credit, whatever the status", () => {
    const breaker = new CircuitBreaker();
    breaker.failure("job", strike(1), down);
    const quota: Failure = {
      retryable: false,
      message: "429 Too Many Requests from http://t/v1: the provider account is out of credit",
      status: 429,
      code: "quota",
    };
    const verdict = breaker.failure("job", strike(2), quota);
    expect(verdict).toMatchObject({ trip: true, restore: [strike(1)] });
    if (verdict.trip)
      expect(verdict.reason).toMatch(/^Paused: .*out of credit\. Add credit .*resume the job\.$/);
  });

  it("keeps jobs apart", () => {
    const breaker = new CircuitBreaker(2);
    breaker.failure("a", strike(1), down);
    expect(breaker.failure("b", strike(2), down)).toEqual({ trip: false });
    expect(breaker.failure("a", strike(3), down).trip).toBe(true);
  });

  it("trips at once on 401, 403 and 404, with what to do", () => {
    const breaker = new CircuitBreaker();
    const cases: Array<[number, RegExp]> = [
      [401, /API key on the Teachers page/],
      [403, /access to this model/],
      [404, /fixed when it is launched/],
    ];
    for (const [status, advice] of cases) {
      const verdict = breaker.failure("job", strike(status), {
        retryable: false,
        message: `${status} from http://t/v1: nope`,
        status,
      });
      expect(verdict.trip).toBe(true);
      if (verdict.trip) expect(verdict.reason).toMatch(advice);
    }
  });

  it("does not trip on the random faults of a flaky but working provider", () => {
    // 37% of requests failing at random (429, 500, timeouts, bad bodies): 100,000 requests.
    let seed = 42;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const breaker = new CircuitBreaker();
    let trips = 0;
    for (let i = 0; i < 100_000; i++) {
      if (random() < 0.37) trips += breaker.failure("job", strike(i), down).trip ? 1 : 0;
      else breaker.success("job");
    }
    expect(trips).toBeLessThanOrEqual(1);
  });
});
