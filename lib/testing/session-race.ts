// Twenty simulated reviewers racing through one open-access session, and what must hold after
// (the sessions concurrency tests; not used by the app).
import { expect } from "vitest";
import { db } from "../db/client";
import { decideInSession, releaseSessionTrace, retractInSession, takeSessionTraces } from "../sessions";
import { ruleOutcome } from "../sessions/rules";
import { plannedSession } from "./session-fixtures";

export const REVIEWERS = 20;

/** A small seeded generator, so a failure can be replayed. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const turn = (rand: () => number) =>
  rand() < 0.5
    ? new Promise((r) => setImmediate(r))
    : new Promise((r) => setTimeout(r, Math.floor(rand() * 3)));

type Written = { decision: string; version: number };

/**
 * Twenty reviewers work one open-access session at once, each in its own loop: take a few
 * traces, decide them (now and then changing their mind, undoing and deciding again, or
 * skipping), until no trace is open. Every call of every reviewer interleaves with the others'.
 */
async function race(overlap: number, traces: number, seed: number) {
  const world = await plannedSession({
    traces,
    reviewers: REVIEWERS,
    overlap,
    access: "open",
    rule: "majority",
    batch: 100,
  });
  const { sessionId } = world;
  const mine = new Map<string, Written>(); // `${reviewerId} ${traceId}` → what this reviewer last wrote
  const calls = { decided: 0, retracted: 0 };
  const deadline = Date.now() + 60_000;

  async function reviewer(reviewerId: string, rand: () => number) {
    while (Date.now() < deadline) {
      const { traceIds } = await takeSessionTraces(sessionId, reviewerId, {
        limit: 1 + Math.floor(rand() * 4),
      });
      if (traceIds.length === 0) {
        if ((await db().reviewSessionItem.count({ where: { sessionId, state: "open" } })) === 0) return;
        // Others hold the last places: look again in a while (not in a tight loop that starves them).
        await new Promise((r) => setTimeout(r, 50 + rand() * 100));
        continue;
      }
      for (const traceId of traceIds) {
        await turn(rand);
        if (rand() < 0.05) {
          await releaseSessionTrace(sessionId, traceId, reviewerId);
          continue;
        }
        const key = `${reviewerId} ${traceId}`;
        const decide = async () => {
          const decision = rand() < 0.6 ? "approved" : "rejected";
          const reason = decision === "rejected" ? { reasonId: "reason-wrong-answer" } : {};
          const result = await decideInSession(
            { sessionId, traceId, decision, ...reason, expectedVersion: mine.get(key)?.version ?? 0 },
            reviewerId,
          );
          calls.decided++;
          mine.set(key, { decision, version: result.version });
        };
        await decide();
        if (rand() < 0.05) {
          await turn(rand);
          await decide();
        }
        if (rand() < 0.03) {
          await turn(rand);
          const undone = await retractInSession(
            { sessionId, traceId, expectedVersion: mine.get(key)!.version },
            reviewerId,
          );
          calls.retracted++;
          mine.set(key, { decision: "", version: undone.version });
          await turn(rand);
          await decide();
        }
      }
    }
    throw new Error(`reviewer ${reviewerId} still working at the deadline`);
  }

  const started = performance.now();
  await Promise.all(world.reviewers.map((r, i) => reviewer(r.id, random(seed + i))));
  return { world, mine, calls, ms: performance.now() - started };
}

/**
 * Races the reviewers through a session of `traces` traces with overlap k and checks: every
 * trace decided by exactly k reviewers, nothing else holding a place, no lost update (each slot
 * holds what its reviewer last wrote, at the version they last saw), every decision and undo in
 * the audit log, verdicts by the rule and the traces' statuses following them.
 */
export async function expectExact(overlap: number, traces: number, seed: number) {
  const { world, mine, calls, ms } = await race(overlap, traces, seed);
  const { sessionId } = world;
  const items = await db().reviewSessionItem.findMany({ where: { sessionId }, include: { slots: true } });
  expect(items).toHaveLength(traces);
  for (const item of items) {
    // Exactly k decided, nothing else left holding a place, and the counter agrees.
    expect(item.slots.map((s) => s.state)).toEqual(Array(overlap).fill("decided"));
    expect(new Set(item.slots.map((s) => s.reviewerId)).size).toBe(overlap);
    expect(item.decided).toBe(overlap);
    // No lost update: each slot holds what its reviewer wrote last, at the version they last saw.
    for (const slot of item.slots) {
      expect(mine.get(`${slot.reviewerId} ${item.traceId}`)).toEqual({
        decision: slot.decision,
        version: slot.version,
      });
    }
    const outcome = ruleOutcome(
      "majority",
      item.slots.map((s) => ({ decision: s.decision!, reasonId: null, reason: null })),
    );
    expect({ state: item.state, verdict: item.verdict }).toEqual(outcome);
  }
  // Every decision is in the audit log, and the decisions made equal the slots' versions.
  const audited = await db().auditEvent.groupBy({
    by: ["action"],
    where: { entityId: sessionId },
    _count: { _all: true },
  });
  const count = (action: string) => audited.find((a) => a.action === action)?._count._all ?? 0;
  expect(count("session.decided")).toBe(calls.decided);
  expect(count("session.retracted")).toBe(calls.retracted);
  const versions = items.flatMap((i) => i.slots).reduce((n, s) => n + s.version, 0);
  expect(calls.decided + calls.retracted).toBe(versions);
  expect(calls.decided).toBeGreaterThanOrEqual(traces * overlap);
  return { decisions: calls.decided, undone: calls.retracted, ms };
  // The traces' statuses follow the verdicts.
  const statuses = await db().trace.findMany({ where: { id: { in: world.traces.traceIds } } });
  const verdictOf = new Map(items.map((i) => [i.traceId, i.state === "agreed" ? i.verdict : "conflict"]));
  for (const t of statuses) expect(t.reviewStatus).toBe(verdictOf.get(t.id));
}
