import "server-only";
import { db, Prisma, type Tx } from "../db/client";
import type { ItemResult } from "../generation/types";
import { writeResult } from "../generation/write";
import { completeItem, type CompleteOutcome } from "./item-outcome";
import type { LeasedItem } from "./lease";
import type { JobConfig } from "../generation/schemas";
import { unindexed } from "../db/unindexed";
import { itemUsage, type ItemUsage } from "../generation/item-usage";
import { bufferTraceCreates } from "../generation/trace-buffer";

type Entry = {
  item: LeasedItem;
  result: ItemResult;
  config: JobConfig;
  resolve: (outcome: CompleteOutcome) => void;
  reject: (error: unknown) => void;
};

export type Completer = {
  /** Stores a result (fenced by the item's lease); resolves once its transaction committed. */
  complete(item: LeasedItem, result: ItemResult, config: JobConfig): Promise<CompleteOutcome>;
  /** Resolves when everything handed in so far is settled. */
  idle(): Promise<void>;
};

const MAX_GROUP = 256;
const TX = { maxWait: 30_000, timeout: 60_000 };

/**
 * Groups results that arrive close together into one transaction: one fenced UPDATE marks the
 * group's items done (only those whose lease token still matches), the results of exactly those
 * items are written. If the group transaction fails
 * for any reason, each item is stored on its own (completeItem), so one bad result cannot hold
 * the others back.
 */
export function createCompleter(options: { now: () => Date }): Completer {
  let queue: Entry[] = [];
  let writing = false;
  let scheduled = false;
  const idle: Array<() => void> = [];

  // Results that end in the same turn of the event loop, or while every writer is busy, form
  // one group: under load groups grow by themselves, and an idle worker waits for nothing.
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
          entry.resolve(await completeItem(entry.item, entry.result, entry.config));
        } catch (error) {
          entry.reject(error);
        }
      }
      return;
    }
    group.forEach((entry, i) => entry.resolve(outcomes[i]!));
  }

  return {
    complete(item, result, config) {
      return new Promise<CompleteOutcome>((resolve, reject) => {
        queue.push({ item, result, config, resolve, reject });
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
  const fences = group.map(
    ({ item }) =>
      Prisma.sql`("id" = ${item.id} AND "leaseOwner" = ${item.owner} AND "attempts" = ${item.attempts})`,
  );
  // Each claimed row takes the usage of the attempt whose fence it matched.
  const usages = group.map((e) => itemUsage(e.result, e.config));
  const perFence = (pick: (u: ItemUsage) => number, type: "INTEGER" | "DOUBLE PRECISION") =>
    Prisma.sql`CASE ${Prisma.join(
      fences.map(
        (fence, i) => Prisma.sql`WHEN ${fence} THEN CAST(${pick(usages[i]!)} AS ${Prisma.raw(type)})`,
      ),
      " ",
    )} END`;
  const claimedRows = await tx.$queryRaw<Array<{ id: string; attempts: number | bigint }>>`
    UPDATE "JobItem"
    SET "status" = 'done', "leaseExpiresAt" = NULL, "lastError" = NULL, "updatedAt" = ${now},
      "completedAt" = ${now}, "inputTokens" = ${perFence((u) => u.inputTokens, "INTEGER")},
      "outputTokens" = ${perFence((u) => u.outputTokens, "INTEGER")},
      "costUsd" = ${perFence((u) => u.costUsd, "DOUBLE PRECISION")}
    WHERE ${unindexed("status")} = 'running' AND "id" IN (${Prisma.join(group.map((e) => e.item.id))})
      AND (${Prisma.join(fences, " OR ")})
    RETURNING "id", "attempts"`;
  // By lease token, not id: a stale attempt of an item re-leased here may share the group.
  const token = (item: LeasedItem) => `${item.id}:${item.attempts}`;
  const claimed = new Set(claimedRows.map((r) => `${r.id}:${Number(r.attempts)}`));
  // An item that somehow has its trace already makes the INSERT fail: the group then falls back
  // to one transaction per item, where completeItem marks it done without a second trace.
  const ours = group.filter((e) => claimed.has(token(e.item)));
  const buffer = bufferTraceCreates(tx);
  for (const entry of ours) await writeResult(buffer.tx, entry.item, entry.result, entry.config);
  await buffer.flush();
  await setCosts(tx, ours);
  return group.map((e) => (claimed.has(token(e.item)) ? "stored" : "lost-lease"));
}

/** Trace.costUsd for the traces just written, in one statement. */
async function setCosts(tx: Tx, entries: Entry[]) {
  const costs: Array<[string, number]> = [];
  for (const { item, result, config } of entries) {
    if (result.kind !== "trace") continue;
    const cost = itemUsage(result, config).costUsd;
    if (cost > 0) costs.push([item.id, cost]);
  }
  if (costs.length === 0) return;
  const cases = costs.map(([id, cost]) => Prisma.sql`WHEN ${id} THEN CAST(${cost} AS DOUBLE PRECISION)`);
  await tx.$executeRaw`
    UPDATE "Trace" SET "costUsd" = CASE "itemId" ${Prisma.join(cases, " ")} END
    WHERE "itemId" IN (${Prisma.join(costs.map(([id]) => id))})`;
}
