import "server-only";
import { dateFromRaw, dbKind, Prisma, type Tx } from "../db";

// The reads and writes every take and decision makes, as plain SQL: a Prisma model query costs
// about half a millisecond of CPU before it reaches the database, five times a raw one.

export type ItemRow = {
  id: string;
  sessionId: string;
  traceId: string;
  position: number;
  decided: number;
  state: string;
  verdict: string | null;
  verdictReason: string | null;
  resolvedById: string | null;
  resolvedAt: Date | null;
};

export type SlotRow = {
  id: string;
  reviewerId: string;
  state: string;
  reservedUntil: Date | null;
  decision: string | null;
  reasonId: string | null;
  reason: string | null;
  version: number;
  decidedAt: Date | null;
};

type Raw<T> = {
  [K in keyof T]: T[K] extends number ? number | bigint : T[K] extends Date | null ? unknown : T[K];
};

const ITEM = Prisma.sql`"id", "sessionId", "traceId", "position", "decided", "state", "verdict", "verdictReason",
  "resolvedById", "resolvedAt"`;
const SLOT = Prisma.sql`"id", "reviewerId", "state", "reservedUntil", "decision", "reasonId", "reason", "version",
  "decidedAt"`;

const date = (value: unknown) => dateFromRaw(value as Date | string | number | null);

function item(row: Raw<ItemRow>): ItemRow {
  return {
    ...row,
    position: Number(row.position),
    decided: Number(row.decided),
    resolvedAt: date(row.resolvedAt),
  };
}

function slot(row: Raw<SlotRow>): SlotRow {
  return {
    ...row,
    version: Number(row.version),
    reservedUntil: date(row.reservedUntil),
    decidedAt: date(row.decidedAt),
  };
}

/**
 * The session's trace as one item; with forUpdate its row stays locked on PostgreSQL until the
 * transaction ends (a holder is waited for, and what it committed is read).
 */
export async function selectItem(
  tx: Tx,
  sessionId: string,
  traceId: string,
  options: { forUpdate?: boolean } = {},
): Promise<ItemRow | null> {
  const lock = options.forUpdate && dbKind() === "postgres" ? Prisma.sql`FOR UPDATE` : Prisma.empty;
  const rows = await tx.$queryRaw<Array<Raw<ItemRow>>>`SELECT ${ITEM} FROM "ReviewSessionItem"
    WHERE "sessionId" = ${sessionId} AND "traceId" = ${traceId} ${lock}`;
  return rows[0] ? item(rows[0]) : null;
}

export async function selectSlots(tx: Tx, itemId: string): Promise<SlotRow[]> {
  const rows = await tx.$queryRaw<Array<Raw<SlotRow>>>`SELECT ${SLOT} FROM "ReviewSessionSlot"
    WHERE "itemId" = ${itemId}`;
  return rows.map(slot);
}

/** Writes the slot's changeable columns as given. */
export async function updateSlot(tx: Tx, s: SlotRow): Promise<void> {
  await tx.$executeRaw`UPDATE "ReviewSessionSlot" SET "state" = ${s.state}, "reservedUntil" = ${s.reservedUntil},
    "decision" = ${s.decision}, "reasonId" = ${s.reasonId}, "reason" = ${s.reason}, "version" = ${s.version},
    "decidedAt" = ${s.decidedAt}
    WHERE "id" = ${s.id}`;
}

/** Writes the item's count, state and verdict as given. */
export async function updateItem(tx: Tx, i: ItemRow): Promise<void> {
  await tx.$executeRaw`UPDATE "ReviewSessionItem" SET "decided" = ${i.decided}, "state" = ${i.state},
    "verdict" = ${i.verdict}, "verdictReason" = ${i.verdictReason}, "resolvedById" = ${i.resolvedById},
    "resolvedAt" = ${i.resolvedAt}
    WHERE "id" = ${i.id}`;
}
