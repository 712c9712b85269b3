import "server-only";
import { dateFromRaw, db, Prisma, type Tx } from "../db";
import type { SessionSettings } from "./access";
import { holdsPlace } from "./item";
import { beginWrite, lockFreeItems } from "./lock";

const TX = { maxWait: 30_000, timeout: 30_000 };
type Candidate = { id: string; traceId: string; position: number };
export type TakenTraces = { traceIds: string[]; done: boolean };
type Take = { taken: string[]; skipped: boolean };
type RawDate = Date | string | number | null;

/**
 * Open access: the reviewer's own reservations first (renewed for the session's reservation
 * time; an expired one only while its place is still free), then new reservations, in position
 * order, on open items where decided slots plus live reservations are fewer than k and the
 * reviewer has no slot. Someone else's expired reservation on such an item frees its place and
 * is deleted as the place is taken. Each item is locked and its slots counted again before a
 * place on it is given, so no item ever has more than k slots holding places, however many
 * reviewers take at once; on PostgreSQL an item another transaction holds is passed over for now
 * (SKIP LOCKED), so takers spread out instead of queueing.
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
    await beginWrite(tx);
    const own = await renewOwn(tx, session, reviewerId, limit, exclude, now, until);
    const taken = own.taken;
    let skipped = own.skipped;
    // Each round asks for what is still wanted; places lost to a recount are looked for further on.
    for (let cursor = -1; ;) {
      const want = limit - taken.length;
      if (want <= 0) return { traceIds: taken, done: false };
      const candidates = await openPlaces(tx, session, reviewerId, cursor, want, now);
      if (candidates.length === 0) return { traceIds: taken, done: !skipped };
      cursor = candidates[candidates.length - 1]!.position;
      const wanted = candidates.filter((c) => !exclude.has(c.traceId));
      const round = await reservePlaces(tx, session, reviewerId, wanted, now, until);
      taken.push(...round.taken);
      skipped ||= round.skipped;
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
): Promise<Take> {
  const own = (
    await tx.$queryRaw<Array<{ id: string; itemId: string; traceId: string; reservedUntil: RawDate }>>`
      SELECT s."id", s."itemId", i."traceId", s."reservedUntil"
      FROM "ReviewSessionSlot" s JOIN "ReviewSessionItem" i ON i."id" = s."itemId"
      WHERE s."sessionId" = ${session.id} AND s."reviewerId" = ${reviewerId} AND s."state" = 'reserved'
      ORDER BY s."position"`
  ).map((s) => ({ ...s, reservedUntil: dateFromRaw(s.reservedUntil) }));
  const chosen = own.filter((s) => !exclude.has(s.traceId)).slice(0, limit);
  if (chosen.length === 0) return { taken: [], skipped: false };
  const locked = await lockFreeItems(
    tx,
    chosen.map((s) => s.itemId),
  );
  const mine = chosen.filter((s) => locked.has(s.itemId));
  const others = await placesHeld(
    tx,
    mine.map((s) => s.itemId),
    reviewerId,
    now,
  );
  const live = (s: (typeof mine)[number]) =>
    holdsPlace({ state: "reserved", reservedUntil: s.reservedUntil }, now);
  const kept = mine.filter((s) => live(s) || (others.get(s.itemId) ?? 0) < session.overlap);
  const lost = mine.filter((s) => !kept.includes(s));
  if (lost.length > 0)
    await tx.reviewSessionSlot.deleteMany({ where: { id: { in: lost.map((s) => s.id) } } });
  if (kept.length > 0)
    await tx.$executeRaw`UPDATE "ReviewSessionSlot" SET "reservedUntil" = ${until}
      WHERE "id" IN (${Prisma.join(kept.map((s) => s.id))})`;
  return { taken: kept.map((s) => s.traceId), skipped: mine.length < chosen.length };
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
): Promise<Take> {
  if (candidates.length === 0) return { taken: [], skipped: false };
  const locked = await lockFreeItems(
    tx,
    candidates.map((c) => c.id),
  );
  const mine = candidates.filter((c) => locked.has(c.id));
  if (mine.length === 0) return { taken: [], skipped: true };
  const slots = (
    await tx.$queryRaw<
      Array<{ id: string; itemId: string; reviewerId: string; state: string; reservedUntil: RawDate }>
    >`
      SELECT "id", "itemId", "reviewerId", "state", "reservedUntil" FROM "ReviewSessionSlot"
      WHERE "itemId" IN (${Prisma.join(mine.map((c) => c.id))})`
  ).map((s) => ({ ...s, reservedUntil: dateFromRaw(s.reservedUntil) }));
  const free = mine.filter((c) => {
    const own = slots.some((s) => s.itemId === c.id && s.reviewerId === reviewerId);
    const held = slots.filter((s) => s.itemId === c.id && holdsPlace(s, now)).length;
    return !own && held < session.overlap;
  });
  const skipped = mine.length < candidates.length;
  if (free.length === 0) return { taken: [], skipped };
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
  return { taken: free.map((c) => c.traceId), skipped };
}

/** Places held on each item by reviewers other than `reviewerId`. */
async function placesHeld(
  tx: Tx,
  itemIds: string[],
  reviewerId: string,
  now: Date,
): Promise<Map<string, number>> {
  if (itemIds.length === 0) return new Map();
  const rows = await tx.$queryRaw<Array<{ itemId: string; n: number | bigint }>>`
    SELECT "itemId", COUNT(*) AS "n" FROM "ReviewSessionSlot"
    WHERE "itemId" IN (${Prisma.join(itemIds)}) AND "reviewerId" <> ${reviewerId}
      AND ("state" <> 'reserved' OR "reservedUntil" > ${now})
    GROUP BY "itemId"`;
  return new Map(rows.map((r) => [r.itemId, Number(r.n)]));
}
