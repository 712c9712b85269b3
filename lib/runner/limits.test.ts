import { describe, expect, it } from "vitest";
import { db } from "../db/client";
import { countWords } from "../testing/scripted-teacher";
import { estimateAttempt } from "../generation/estimate-attempt";
import { tracesKind } from "../generation";
import { leaseForJob, type JobLease } from "./lease-job";
import {
  applyRefunds,
  countFitting,
  forgetProviderLimits,
  neverFits,
  pruneReservations,
  UNLIMITED,
  WINDOW_MS,
} from "./limits";
import { JobConfigSchema } from "../generation/schemas";
import { createWorld, launchInput, launchPlanned, type World } from "../testing/job-fixtures";

type Limits = { maxConcurrency?: number; requestsPerMinute?: number; tokensPerMinute?: number };

async function limitedWorld(limits: Limits, prompts = 30) {
  const world = await createWorld({ prompts });
  await db().provider.update({ where: { id: world.provider.id }, data: limits });
  forgetProviderLimits();
  return world;
}

async function jobOf(world: World, extra: Record<string, unknown> = {}) {
  const id = await launchPlanned(launchInput(world, { concurrency: 64, ...extra }), null);
  const row = await db().job.findUniqueOrThrow({ where: { id } });
  await db().job.update({ where: { id }, data: { status: "running" } });
  const config = JobConfigSchema.parse(row.config);
  return {
    id,
    providerId: row.providerId!,
    config,
    kind: tracesKind,
    settings: tracesKind.settings(config as never),
  };
}

type TestJob = Awaited<ReturnType<typeof jobOf>>;

// Reservations are dated the end of their second: on a whole second, that is the lease time.
const wholeSecond = () => Math.ceil(Date.now() / 1_000) * 1_000 + 1_000;

const lease = (job: TestJob, at: number, want = 64, workerId = "w1"): Promise<JobLease> =>
  leaseForJob({ job, workerId, want, leaseMs: 600_000, now: () => new Date(at) });

/** Marks leased items done, as a completed call would (their slots free up). */
async function finish(result: JobLease) {
  await db().jobItem.updateMany({
    where: { id: { in: result.grants.map((g) => g.item.id) } },
    data: { status: "done", leaseExpiresAt: null },
  });
}

async function windowSums(providerId: string, at: number) {
  const rows = await db().providerRateReservation.findMany({
    where: { providerId, at: { gt: new Date(at - WINDOW_MS) } },
  });
  return {
    requests: rows.reduce((n, r) => n + r.requests, 0),
    tokens: rows.reduce((n, r) => n + r.tokens, 0),
  };
}

describe("limit arithmetic", () => {
  it("fits candidates in order until one would break a limit", () => {
    const e = { requests: 1, tokens: 100 };
    const usage = { inFlight: 2, requests: 5, tokens: 300 };
    expect(countFitting([e, e, e, e], UNLIMITED, usage)).toBe(4);
    expect(countFitting([e, e, e, e], { ...UNLIMITED, maxConcurrency: 4 }, usage)).toBe(2);
    expect(countFitting([e, e, e, e], { ...UNLIMITED, requestsPerMinute: 8 }, usage)).toBe(3);
    expect(countFitting([e, e, e, e], { ...UNLIMITED, tokensPerMinute: 550 }, usage)).toBe(2);
    // A big item first blocks the smaller ones behind it: no starvation of large prompts.
    expect(
      countFitting([{ requests: 1, tokens: 500 }, e], { ...UNLIMITED, tokensPerMinute: 700 }, usage),
    ).toBe(0);
  });

  it("says when a request can never fit the per-minute budget", () => {
    expect(neverFits({ requests: 1, tokens: 2_000 }, { ...UNLIMITED, tokensPerMinute: 1_000 })).toMatch(
      /up to 2,000 tokens.*limit of 1,000 tokens per minute/,
    );
    expect(neverFits({ requests: 2, tokens: 10 }, { ...UNLIMITED, requestsPerMinute: 1 })).toMatch(
      /2 requests/,
    );
    expect(neverFits({ requests: 1, tokens: 10 }, { ...UNLIMITED, tokensPerMinute: 10 })).toBeNull();
  });

  it("estimates at least what the scripted teacher counts (words in, max tokens out)", async () => {
    const world = await createWorld({ prompts: 1 });
    const job = await jobOf(world, { maxTokens: 50 });
    const system = job.config.systemMessages[0]!;
    for (const prompt of ["a b c d e f g", "x", "word ".repeat(300), "  spaced   out  words  "]) {
      const estimate = estimateAttempt(job.config, {
        systemMessageVersionId: system.versionId,
        promptText: prompt,
        payload: null,
      });
      expect(estimate.requests).toBe(1);
      expect(estimate.tokens).toBeGreaterThanOrEqual(countWords(system.content) + countWords(prompt) + 50);
    }
  });
});

describe("provider limits across jobs (leaseForJob)", () => {
  it("caps calls in flight for the provider across its jobs, and frees slots as calls end", async () => {
    const world = await limitedWorld({ maxConcurrency: 3 });
    const a = await jobOf(world);
    const b = await jobOf(world);
    const t = Date.now();
    const first = await lease(a, t);
    expect(first.grants).toHaveLength(3);
    expect((await lease(b, t)).grants).toHaveLength(0);
    await finish({ grants: first.grants.slice(0, 2) });
    const second = await lease(b, t + 1);
    expect(second.grants).toHaveLength(2);
    expect(second.grants.every((g) => g.item.jobId === b.id)).toBe(true);
  });

  it("still honours each job's own concurrency", async () => {
    const world = await limitedWorld({ maxConcurrency: 10 });
    const job = await jobOf(world, { concurrency: 4 });
    const t = Date.now();
    expect((await lease(job, t, 64, "w1")).grants).toHaveLength(4);
    expect((await lease(job, t, 64, "w2")).grants).toHaveLength(0);
  });

  it("keeps requests per minute over a rolling window shared by the provider's jobs", async () => {
    const world = await limitedWorld({ requestsPerMinute: 10 });
    const a = await jobOf(world);
    const b = await jobOf(world);
    const t = wholeSecond();
    const fromA = await lease(a, t, 6);
    expect(fromA.grants).toHaveLength(6);
    await finish(fromA);
    const fromB = await lease(b, t + 1_000);
    expect(fromB.grants).toHaveLength(4);
    await finish(fromB);
    expect((await lease(a, t + 30_000)).grants).toHaveLength(0);
    // The first reservation leaves the window WINDOW_MS (more than a minute) after it was made.
    // (Leases in the same second share a row dated the end of that second: never earlier.)
    expect((await lease(a, t + WINDOW_MS - 1)).grants).toHaveLength(0);
    const later = await lease(a, t + WINDOW_MS + 1);
    expect(later.grants).toHaveLength(6);
    expect(await windowSums(world.provider.id, t + WINDOW_MS + 1)).toMatchObject({ requests: 10 });
  });

  it("keeps tokens per minute, and gives back what a call did not use", async () => {
    const world = await limitedWorld({ tokensPerMinute: 1_000 });
    const job = await jobOf(world, { maxTokens: 200 });
    const t = Date.now() + 1_000;
    const first = await lease(job, t);
    const each = first.grants[0]!.estimate.tokens;
    expect(first.grants).toHaveLength(Math.floor(1_000 / each));
    expect((await lease(job, t + 1)).grants).toHaveLength(0);
    // The calls used 30 tokens each: refunds bring the window down to the real usage.
    await finish(first);
    const refund = first.grants.reduce((n, g) => n + g.estimate.tokens - 30, 0);
    await applyRefunds(db(), new Map([[first.grants[0]!.reservationId!, { requests: 0, tokens: refund }]]));
    expect(await windowSums(world.provider.id, t + 2)).toEqual({
      requests: first.grants.length,
      tokens: 30 * first.grants.length,
    });
    const second = await lease(job, t + 2);
    expect(second.grants.length).toBe(Math.floor((1_000 - 30 * first.grants.length) / each));
  });

  it("reports a job whose single request can never fit the budget", async () => {
    const world = await limitedWorld({ tokensPerMinute: 100 });
    const job = await jobOf(world, { maxTokens: 500 });
    const result = await lease(job, Date.now());
    expect(result.grants).toHaveLength(0);
    expect(result.blocked).toMatch(/tokens per minute/);
  });

  it("never exceeds the limits when many leases race (two jobs, eight workers)", async () => {
    const world = await limitedWorld({ maxConcurrency: 12, requestsPerMinute: 20 }, 60);
    const jobs = [await jobOf(world), await jobOf(world)];
    const t = Date.now() + 1_000;
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => lease(jobs[i % 2]!, t + i, 5, `racer-${i}`)),
    );
    const granted = results.flatMap((r) => r.grants);
    expect(granted).toHaveLength(12);
    expect(new Set(granted.map((g) => g.item.id)).size).toBe(12);
    await finish({ grants: granted });
    const more = await Promise.all(
      Array.from({ length: 8 }, (_, i) => lease(jobs[i % 2]!, t + 100 + i, 5, `racer-${i}`)),
    );
    expect(more.flatMap((r) => r.grants)).toHaveLength(8);
    expect((await windowSums(world.provider.id, t + 200)).requests).toBe(20);
    const inFlight = await db().jobItem.count({
      where: { jobId: { in: jobs.map((j) => j.id) }, status: "running" },
    });
    expect(inFlight).toBeLessThanOrEqual(12);
  });

  it("prunes reservations long out of the window", async () => {
    const world = await limitedWorld({ requestsPerMinute: 1_000 });
    const job = await jobOf(world);
    const t = wholeSecond();
    await lease(job, t, 2);
    await lease(job, t + 10 * 60_000, 2);
    await pruneReservations(db(), world.provider.id, new Date(t + 10 * 60_000)); // each poll
    const rows = await db().providerRateReservation.findMany({ where: { providerId: world.provider.id } });
    expect(rows.map((r) => r.at.getTime())).toEqual([t + 10 * 60_000]);
  });

  it("keeps one reservation row per second, dated no earlier than its leases", async () => {
    const world = await limitedWorld({ requestsPerMinute: 1_000 });
    const job = await jobOf(world);
    const t = wholeSecond() + 250;
    const first = await lease(job, t, 2);
    const second = await lease(job, t + 500, 3);
    const third = await lease(job, t + 900, 1);
    expect(second.grants[0]!.reservationId).toBe(first.grants[0]!.reservationId);
    expect(third.grants[0]!.reservationId).not.toBe(first.grants[0]!.reservationId);
    const rows = await db().providerRateReservation.findMany({
      where: { providerId: world.provider.id },
      orderBy: { at: "asc" },
    });
    expect(rows.map((r) => [r.at.getTime() - t, r.requests])).toEqual([
      [750, 5],
      [1_750, 1],
    ]);
  });
});
