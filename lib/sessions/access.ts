import "server-only";
import { can } from "../auth";
import { db, type Tx } from "../db";
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

/** The session's settings; NotFoundError when there is none. */
export async function sessionSettings(client: Client, sessionId: string): Promise<SessionSettings> {
  const row = await client.reviewSession.findUnique({
    where: { id: sessionId },
    select: {
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
    },
  });
  if (!row) throw new NotFoundError("Session", sessionId);
  return { ...row, access: SessionAccessSchema.parse(row.access), rule: SessionRuleSchema.parse(row.rule) };
}

export async function isReviewerOf(client: Client, sessionId: string, userId: string): Promise<boolean> {
  const row = await client.reviewSessionReviewer.findUnique({
    where: { sessionId_userId: { sessionId, userId } },
    select: { userId: true },
  });
  return row !== null;
}

/** Only the session's reviewers take and decide its traces. */
export async function requireReviewer(client: Client, sessionId: string, userId: string): Promise<void> {
  if (!(await isReviewerOf(client, sessionId, userId)))
    throw new ForbiddenError("You are not a reviewer of this session.");
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
