import "server-only";
import type { z } from "zod";
import { recordAudit } from "../audit";
import { can } from "../auth";
import { db, type Tx } from "../db";
import { ForbiddenError, InvalidInputError } from "../errors";
import { countUpTo } from "../review";
import { createJob, launchOnce } from "../runner";
import { firstTraceId } from "../traces";
import { sessionPlanKind } from "./plan-kind";
import {
  CreateSessionSchema,
  SessionPlanConfigSchema,
  type CreateSession,
  type CreateSessionInput,
} from "./schemas";
import { sessionTraceWhere } from "./selection";

/** Who is acting, as the server knows them (never as the client says). */
export type Actor = { id: string; role: string };

const TX = { maxWait: 30_000, timeout: 60_000 };

/**
 * Creates a session and the runner job that plans its items (the request returns at once; the
 * session is `planning` until the job has written every item, then `active`). Only active
 * accounts review; the adjudicator is an admin, a curator or one of the reviewers. `batch`: traces
 * per planning step (tests use small ones).
 */
export async function createSession(
  input: CreateSessionInput,
  actor: Actor,
  options: { batch?: number } = {},
): Promise<{ sessionId: string; jobId: string }> {
  if (!can(actor.role, "sessions:manage"))
    throw new ForbiddenError("Only admins and curators create sessions.");
  const session = CreateSessionSchema.parse(input);
  const none = session.filter.q
    ? (await countUpTo(session.filter, 1, Date.now() + 5_000)).count === 0
    : !(await firstTraceId(sessionTraceWhere(session.filter), [{ createdAt: "desc" }]));
  if (none) {
    throw new InvalidInputError("No traces match this filter: widen it, then create the session.");
  }
  // The planning job carries the form's key: a second submit gets the first one's session.
  const jobId = await launchOnce(session.launchKey, actor.id, (key) =>
    write(session, actor, key, options.batch),
  );
  const created = await db().reviewSession.findFirstOrThrow({
    where: { planJobId: jobId },
    select: { id: true },
  });
  return { sessionId: created.id, jobId };
}

async function write(session: CreateSession, actor: Actor, launchKey: string | null, batch?: number) {
  return db().$transaction(async (tx) => {
    await checkPeople(tx, session);
    const adjudicatorId = session.rule === "adjudicator" ? session.adjudicatorId! : null;
    const created = await tx.reviewSession.create({
      data: {
        name: session.name,
        description: session.description ?? null,
        createdById: actor.id,
        overlap: session.overlap,
        access: session.access,
        reservationMinutes: session.reservationMinutes,
        rule: session.rule,
        adjudicatorId,
        filter: JSON.parse(JSON.stringify(session.filter)) as object,
        status: "planning",
        reviewers: { create: session.reviewerIds.map((userId) => ({ userId })) },
      },
      select: { id: true },
    });
    const config = SessionPlanConfigSchema.parse({
      kind: "session-planning",
      sessionId: created.id,
      name: session.name,
      filter: session.filter,
      access: session.access,
      overlap: session.overlap,
      reviewerIds: session.reviewerIds,
      batch,
    } satisfies z.input<typeof SessionPlanConfigSchema>);
    const name = `Plan session ${session.name}`;
    const jobId = await createJob(
      {
        kind: sessionPlanKind,
        name,
        config,
        expectedItems: 1,
        actorId: actor.id,
        audit: { name, itemCount: 1, kind: "session-planning" },
        launchKey,
      },
      tx,
    );
    await tx.reviewSession.update({ where: { id: created.id }, data: { planJobId: jobId } });
    await recordAudit(
      {
        actorId: actor.id,
        action: "session.created",
        entityId: created.id,
        data: {
          before: null,
          after: {
            name: session.name,
            overlap: session.overlap,
            access: session.access,
            rule: session.rule,
            reservationMinutes: session.reservationMinutes,
            adjudicatorId,
            reviewerIds: session.reviewerIds,
            filter: session.filter,
            planJobId: jobId,
          },
        },
      },
      tx,
    );
    return jobId;
  }, TX);
}

/** Every reviewer is an active account, and the adjudicator may adjudicate. */
async function checkPeople(tx: Tx, session: CreateSession): Promise<void> {
  const ids = [
    ...new Set([...session.reviewerIds, ...(session.adjudicatorId ? [session.adjudicatorId] : [])]),
  ];
  const users = await tx.user.findMany({
    where: { id: { in: ids } },
    select: { id: true, name: true, role: true, deactivatedAt: true },
  });
  const byId = new Map(users.map((u) => [u.id, u]));
  const inactive = session.reviewerIds.filter((id) => !byId.get(id) || byId.get(id)!.deactivatedAt);
  if (inactive.length > 0) {
    const names = inactive.map((id) => byId.get(id)?.name ?? id).join(", ");
    throw new InvalidInputError(`Only active accounts can review; not: ${names}.`);
  }
  if (session.rule !== "adjudicator") return;
  const judge = byId.get(session.adjudicatorId!);
  if (!judge || judge.deactivatedAt)
    throw new InvalidInputError("The adjudicator must be an active account.");
  if (judge.role === "reviewer" && !session.reviewerIds.includes(judge.id)) {
    throw new InvalidInputError(
      "The adjudicator must be an admin, a curator or one of the session's reviewers.",
    );
  }
}
