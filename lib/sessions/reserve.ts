import "server-only";
import { db, Prisma, type Tx } from "../db";
import type { SessionSettings } from "./access";
import { holdsPlace } from "./item";
import { lockItems, lockSessionTakes } from "./lock";

const TX = { maxWait: 30_000, timeout: 30_000 };
type Candidate = { id: string; traceId: string; position: number };
export type TakenTraces = { traceIds: string[]; done: boolean };

/**
 * Open access: the reviewer's own reservations first (renewed for the session's reservation
 * time; an expired one only while its place is still free), then new reservations, in position
 * order, on open items where decided slots plus live reservations are fewer than k and the
 * reviewer has no slot. Someone else's expired reservation on such an item frees its place and
 * is deleted as the place is taken. The session's takes run one at a time (lockSessionTakes) and
 * each item is locked and recounted before its place is given, so no item ever has more than k
 * slots holding places, on either database, however many reviewers take at once.
 */
export async function reserveTraces(
  session: SessionSettings,
  reviewerId: string,
  limit: number,
  exclude: ReadonlySet<string>,
): Promise<TakenTraces> {
  return db().$transaction(async (tx) => {
    const now = new Date();
    const until = new Date(now.getTime() + session.reservationMinutes * 60_000);
    await lockSessionTakes(tx, session.id);
    const taken = await renewOwn(tx, session, reviewerId, limit, exclude, now, until);
    // Each round asks for what is still wanted; places lost to a recount are looked for further on.
    for (let cursor = -1; ;) {
      const want = limit - taken.length;
      if (want <= 0) return { traceIds: taken, done: false };
      const candidates = await openPlaces(tx, session, reviewerId, cursor, want, now);
      if (candidates.length === 0) return { traceIds: taken, done: true };
      cursor = candidates[candidates.length - 1]!.position;
      const wanted = candidates.filter((c) => !exclude.has(c.traceId));
      taken.push(...(await reservePlaces(tx, session, reviewerId, wanted, now, until)));
    }
  }, TX);
}

/** The reviewer's reservations still theirs, renewed; expired ones whose place was taken go. */
async function renewOwn(
  tx: Tx,
  session: SessionSettings,
  reviewerId: string,
  limit: number,
  exclude: ReadonlySet<string>,
  now: Date,
  until: Date,
): Promise<string[]> {
  const own = await tx.reviewSessionSlot.findMany({
    where: { sessionId: session.id, reviewerId, state: "reserved" },
    orderBy: { position: "asc" },
    select: { id: true, itemId: true, state: true, reservedUntil: true, item: { select: { traceId: true } } },
  });
  const chosen = own.filter((s) => !exclude.has(s.item.traceId)).slice(0, limit);
  if (chosen.length === 0) return [];
  await lockItems(
    tx,
    chosen.map((s) => s.itemId),
  );
  const others = await placesHeld(
    tx,
    chosen.map((s) => s.itemId),
    reviewerId,
    now,
  );
  const kept = chosen.filter((s) => holdsPlace(s, now) || (others.get(s.itemId) ?? 0) < session.overlap);
  const lost = chosen.filter((s) => !kept.includes(s));
  if (lost.length > 0)
    await tx.reviewSessionSlot.deleteMany({ where: { id: { in: lost.map((s) => s.id) } } });
  await tx.reviewSessionSlot.updateMany({
    where: { id: { in: kept.map((s) => s.id) } },
    data: { reservedUntil: until },
  });
  return kept.map((s) => s.item.traceId);
}

/**
 * Open items after `cursor` with a place for this reviewer, as counted now (the caller locks and
 * counts again before taking one). Walks (sessionId, state, position); each item's slots are
 * found by (itemId, reviewerId).
 */
async function openPlaces(
  tx: Tx,
  session: SessionSettings,
  reviewerId: string,
  cursor: number,
  limit: number,
  now: Date,
): Promise<Candidate[]> {
  const rows = await tx.$queryRaw<Array<{ id: string; traceId: string; position: number | bigint }>>`
    SELECT i."id", i."traceId", i."position" FROM "ReviewSessionItem" i
    WHERE i."sessionId" = ${session.id} AND i."state" = 'open' AND i."position" > ${cursor}
      AND NOT EXISTS (SELECT 1 FROM "ReviewSessionSlot" s WHERE s."itemId" = i."id" AND s."reviewerId" = ${reviewerId})
      AND (SELECT COUNT(*) FROM "ReviewSessionSlot" s WHERE s."itemId" = i."id"
           AND (s."state" <> 'reserved' OR s."reservedUntil" > ${now})) < ${session.overlap}
    ORDER BY i."position" LIMIT ${limit}`;
  return rows.map((r) => ({ id: r.id, traceId: r.traceId, position: Number(r.position) }));
}

/** Takes a place on each candidate that still has one once locked; returns their traces. */
async function reservePlaces(
  tx: Tx,
  session: SessionSettings,
  reviewerId: string,
  candidates: Candidate[],
  now: Date,
  until: Date,
): Promise<string[]> {
  if (candidates.length === 0) return [];
  const ids = candidates.map((c) => c.id);
  await lockItems(tx, ids);
  const slots = await tx.reviewSessionSlot.findMany({
    where: { itemId: { in: ids } },
    select: { id: true, itemId: true, reviewerId: true, state: true, reservedUntil: true },
  });
  const free = candidates.filter((c) => {
    const mine = slots.some((s) => s.itemId === c.id && s.reviewerId === reviewerId);
    const held = slots.filter((s) => s.itemId === c.id && holdsPlace(s, now)).length;
    return !mine && held < session.overlap;
  });
  if (free.length === 0) return [];
  const freeIds = new Set(free.map((c) => c.id));
  const expired = slots.filter((s) => freeIds.has(s.itemId) && !holdsPlace(s, now)).map((s) => s.id);
  if (expired.length > 0) await tx.reviewSessionSlot.deleteMany({ where: { id: { in: expired } } });
  await tx.reviewSessionSlot.createMany({
    data: free.map((c) => ({
      sessionId: session.id,
      itemId: c.id,
      reviewerId,
      position: c.position,
      state: "reserved",
      reservedUntil: until,
    })),
  });
  return free.map((c) => c.traceId);
}

/** Places held on each item by reviewers other than `reviewerId`. */
async function placesHeld(
  tx: Tx,
  itemIds: string[],
  reviewerId: string,
  now: Date,
): Promise<Map<string, number>> {
  const rows = await tx.$queryRaw<Array<{ itemId: string; n: number | bigint }>>`
    SELECT "itemId", COUNT(*) AS "n" FROM "ReviewSessionSlot"
    WHERE "itemId" IN (${Prisma.join(itemIds)}) AND "reviewerId" <> ${reviewerId}
      AND ("state" <> 'reserved' OR "reservedUntil" > ${now})
    GROUP BY "itemId"`;
  return new Map(rows.map((r) => [r.itemId, Number(r.n)]));
}
