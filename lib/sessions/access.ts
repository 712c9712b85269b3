import "server-only";
import { can } from "../auth";
import { dateFromRaw, db, type Tx } from "../db";
import { ConflictError, ForbiddenError, NotFoundError } from "../errors";
import { SessionAccessSchema, SessionRuleSchema, type SessionAccess, type SessionRule } from "./schemas";

export type SessionSettings = {
  id: string;
  name: string;
  status: string;
  access: SessionAccess;
  rule: SessionRule;
  overlap: number;
  reservationMinutes: number;
  adjudicatorId: string | null;
  createdAt: Date;
  closedAt: Date | null;
};

type Client = Pick<Tx, "reviewSession" | "reviewSessionReviewer">;

const SETTINGS = {
  id: true,
  name: true,
  status: true,
  access: true,
  rule: true,
  overlap: true,
  reservationMinutes: true,
  adjudicatorId: true,
  createdAt: true,
  closedAt: true,
} as const;

/** The session's settings; NotFoundError when there is none. */
export async function sessionSettings(client: Client, sessionId: string): Promise<SessionSettings> {
  const row = await client.reviewSession.findUnique({ where: { id: sessionId }, select: SETTINGS });
  if (!row) throw new NotFoundError("Session", sessionId);
  return { ...row, access: SessionAccessSchema.parse(row.access), rule: SessionRuleSchema.parse(row.rule) };
}

/**
 * The settings of a session `userId` reviews (one query: this runs on every take and decision);
 * NotFoundError without the session, ForbiddenError when they are not one of its reviewers.
 */
export async function reviewerSession(
  client: Pick<Tx, "$queryRaw">,
  sessionId: string,
  userId: string,
): Promise<SessionSettings> {
  type Row = Omit<SessionSettings, "overlap" | "reservationMinutes" | "createdAt" | "closedAt"> &
    Record<"overlap" | "reservationMinutes" | "member", number | bigint> &
    Record<"createdAt" | "closedAt", Date | string | number | null>;
  const [row] = await client.$queryRaw<Row[]>`
    SELECT s."id", s."name", s."status", s."access", s."rule", s."overlap", s."reservationMinutes",
      s."adjudicatorId", s."createdAt", s."closedAt",
      CASE WHEN EXISTS (SELECT 1 FROM "ReviewSessionReviewer" r WHERE r."sessionId" = s."id" AND r."userId" = ${userId})
        THEN 1 ELSE 0 END AS "member"
    FROM "ReviewSession" s WHERE s."id" = ${sessionId}`;
  if (!row) throw new NotFoundError("Session", sessionId);
  if (Number(row.member) !== 1) throw new ForbiddenError("You are not a reviewer of this session.");
  return {
    id: row.id,
    name: row.name,
    status: row.status,
    access: SessionAccessSchema.parse(row.access),
    rule: SessionRuleSchema.parse(row.rule),
    overlap: Number(row.overlap),
    reservationMinutes: Number(row.reservationMinutes),
    adjudicatorId: row.adjudicatorId,
    createdAt: dateFromRaw(row.createdAt)!,
    closedAt: dateFromRaw(row.closedAt),
  };
}

export async function isReviewerOf(client: Client, sessionId: string, userId: string): Promise<boolean> {
  const row = await client.reviewSessionReviewer.findUnique({
    where: { sessionId_userId: { sessionId, userId } },
    select: { userId: true },
  });
  return row !== null;
}

/** Decisions are taken while the session is active only. */
export function requireActive(session: SessionSettings): void {
  if (session.status === "active") return;
  if (session.status === "planning")
    throw new ConflictError("This session is still being planned: its traces are not ready yet.");
  if (session.status === "closed")
    throw new ConflictError("This session is closed: it takes no more decisions.");
  throw new ConflictError("This session's planning failed: it takes no decisions.");
}

/** Admins and curators see every session; anyone else the sessions they review or adjudicate. */
export async function canViewSession(
  viewer: { id: string; role: string },
  session: Pick<SessionSettings, "id" | "adjudicatorId">,
): Promise<boolean> {
  if (can(viewer.role, "sessions:manage") || session.adjudicatorId === viewer.id) return true;
  return isReviewerOf(db(), session.id, viewer.id);
}

/** The session as `viewer` may see it; NotFoundError (not Forbidden: no hint it exists) otherwise. */
export async function viewableSession(
  sessionId: string,
  viewer: { id: string; role: string },
): Promise<SessionSettings> {
  const session = await sessionSettings(db(), sessionId);
  if (!(await canViewSession(viewer, session))) throw new NotFoundError("Session", sessionId);
  return session;
}
