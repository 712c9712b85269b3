import "server-only";
import { db, Prisma, type Tx } from "../db";
import { unindexed } from "../db";
import type { ActiveJob } from "./active-job";
import type { Done, LeasedItem, Outcome } from "./kind";
import { completeItem, type CompleteOutcome } from "./item-outcome";

type Entry = {
  item: LeasedItem;
  outcome: Outcome<unknown>;
  job: Pick<ActiveJob, "id" | "kind" | "config">;
  resolve: (outcome: CompleteOutcome) => void;
  reject: (error: unknown) => void;
};

export type Completer = {
  /** Stores a result (fenced by the item's lease); resolves once its transaction committed. */
  complete(item: LeasedItem, outcome: Outcome<unknown>, job: Entry["job"]): Promise<CompleteOutcome>;
  /** Resolves when everything handed in so far is settled. */
  idle(): Promise<void>;
};

const MAX_GROUP = 256;
const TX = { maxWait: 30_000, timeout: 60_000 };

/**
 * Groups results that arrive close together into one transaction: one fenced UPDATE marks the
 * group's items done (only those whose lease token still matches), then each job's kind writes
 * the results of exactly those items. If the group transaction fails for any reason, each item
 * is stored on its own (completeItem), so one bad result cannot hold the others back.
 */
export function createCompleter(options: { now: () => Date }): Completer {
  let queue: Entry[] = [];
  let writing = false;
  let scheduled = false;
  const idle: Array<() => void> = [];

  // Results that end in the same turn of the event loop, or while the writer is busy, form one
  // group: under load groups grow by themselves, and an idle worker waits for nothing.
  function schedule() {
    if (scheduled) return;
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      drain();
    });
  }

  function drain() {
    if (writing || queue.length === 0) return;
    const group = queue.slice(0, MAX_GROUP);
    queue = queue.slice(group.length);
    writing = true;
    void flush(group).finally(() => {
      writing = false;
      if (queue.length > 0) drain();
      else for (const resolve of idle.splice(0)) resolve();
    });
  }

  async function flush(group: Entry[]) {
    let outcomes: CompleteOutcome[];
    try {
      outcomes = await db().$transaction((tx) => storeGroup(tx, group, options.now()), TX);
    } catch {
      for (const entry of group) {
        try {
          entry.resolve(await completeItem(entry.item, entry.outcome, entry.job));
        } catch (error) {
          entry.reject(error);
        }
      }
      return;
    }
    group.forEach((entry, i) => entry.resolve(outcomes[i]!));
  }

  return {
    complete(item, outcome, job) {
      return new Promise<CompleteOutcome>((resolve, reject) => {
        queue.push({ item, outcome, job, resolve, reject });
        schedule();
      });
    },
    idle() {
      if (queue.length === 0 && !writing && !scheduled) return Promise.resolve();
      return new Promise<void>((resolve) => idle.push(resolve));
    },
  };
}

async function storeGroup(tx: Tx, group: Entry[], now: Date): Promise<CompleteOutcome[]> {
  const claimed = await markDone(tx, group, now);
  // By lease token, not id: a stale attempt of an item re-leased here may share the group.
  const ours = group.filter((e) => claimed.has(token(e.item)));
  const byJob = new Map<string, Entry[]>();
  for (const entry of ours) byJob.set(entry.job.id, [...(byJob.get(entry.job.id) ?? []), entry]);
  for (const entries of byJob.values()) {
    const { kind, config } = entries[0]!.job;
    const done: Array<Done<unknown>> = entries.map((e) => ({ item: e.item, ...e.outcome }));
    await kind.write(tx, done, config, now);
  }
  return group.map((e) => (claimed.has(token(e.item)) ? "stored" : "lost-lease"));
}

const token = (item: LeasedItem) => `${item.id}:${item.attempts}`;

/**
 * One fenced UPDATE for the group: each row still leased by its attempt becomes done and takes
 * that attempt's usage. Returns the lease tokens it claimed.
 */
async function markDone(tx: Tx, group: Entry[], now: Date): Promise<Set<string>> {
  const fences = group.map(
    ({ item }) =>
      Prisma.sql`("id" = ${item.id} AND "leaseOwner" = ${item.owner} AND "attempts" = ${item.attempts})`,
  );
  const perFence = (pick: (e: Entry) => number, type: "INTEGER" | "DOUBLE PRECISION") =>
    Prisma.sql`CASE ${Prisma.join(
      fences.map(
        (fence, i) => Prisma.sql`WHEN ${fence} THEN CAST(${pick(group[i]!)} AS ${Prisma.raw(type)})`,
      ),
      " ",
    )} END`;
  const rows = await tx.$queryRaw<Array<{ id: string; attempts: number | bigint }>>`
    UPDATE "JobItem"
    SET "status" = 'done', "leaseExpiresAt" = NULL, "lastError" = NULL, "updatedAt" = ${now},
      "completedAt" = ${now}, "inputTokens" = ${perFence((e) => e.outcome.usage.inputTokens, "INTEGER")},
      "outputTokens" = ${perFence((e) => e.outcome.usage.outputTokens, "INTEGER")},
      "costUsd" = ${perFence((e) => e.outcome.usage.costUsd, "DOUBLE PRECISION")}
    WHERE ${unindexed("status")} = 'running' AND "id" IN (${Prisma.join(group.map((e) => e.item.id))})
      AND (${Prisma.join(fences, " OR ")})
    RETURNING "id", "attempts"`;
  return new Set(rows.map((r) => `${r.id}:${Number(r.attempts)}`));
}
