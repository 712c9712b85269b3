import "server-only";
import { can, userNames } from "../auth";
import { db } from "../db";
import { jobsWithTraces } from "../traces";
import { isReviewerOf, viewableSession } from "./access";
import { mayAdjudicate } from "./adjudicate";
import { TraceSelectionSchema } from "./schemas";

type Viewer = { id: string; role: string };

export type SessionSummary = {
  id: string;
  name: string;
  status: string;
  access: string;
  rule: string;
  overlap: number;
  itemCount: number;
  complete: number;
  disputed: number;
  reviewers: number;
  createdAt: string;
};

const LIST_LIMIT = 200;

/** Sessions newest first: every one for admins and curators, else those the viewer reviews or adjudicates. */
export async function listSessions(viewer: Viewer): Promise<SessionSummary[]> {
  const mine = can(viewer.role, "sessions:manage")
    ? {}
    : { OR: [{ reviewers: { some: { userId: viewer.id } } }, { adjudicatorId: viewer.id }] };
  const sessions = await db().reviewSession.findMany({
    where: mine,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: LIST_LIMIT,
    select: {
      id: true,
      name: true,
      status: true,
      access: true,
      rule: true,
      overlap: true,
      itemCount: true,
      createdAt: true,
      _count: { select: { reviewers: true } },
    },
  });
  const ids = sessions.map((s) => s.id);
  const states = ids.length
    ? await db().reviewSessionItem.groupBy({
        by: ["sessionId", "state"],
        where: { sessionId: { in: ids }, state: { not: "open" } },
        _count: { _all: true },
      })
    : [];
  const count = (sessionId: string, which: (state: string) => boolean) =>
    states.filter((g) => g.sessionId === sessionId && which(g.state)).reduce((n, g) => n + g._count._all, 0);
  return sessions.map(({ _count, createdAt, ...s }) => ({
    ...s,
    reviewers: _count.reviewers,
    complete: count(s.id, () => true),
    disputed: count(s.id, (state) => state === "disputed"),
    createdAt: createdAt.toISOString(),
  }));
}

export type SessionDetail = Awaited<ReturnType<typeof getSessionDetail>>;

/** One session as its page shows it, with what the viewer may do there. */
export async function getSessionDetail(sessionId: string, viewer: Viewer) {
  const settings = await viewableSession(sessionId, viewer);
  const row = await db().reviewSession.findUniqueOrThrow({
    where: { id: sessionId },
    select: {
      description: true,
      filter: true,
      createdById: true,
      planJobId: true,
      reviewers: { select: { userId: true } },
    },
  });
  const reviewerIds = row.reviewers.map((r) => r.userId);
  const names = await userNames([...reviewerIds, row.createdById, settings.adjudicatorId]);
  const filter = TraceSelectionSchema.safeParse(row.filter);
  return {
    ...settings,
    createdAt: settings.createdAt.toISOString(),
    closedAt: settings.closedAt?.toISOString() ?? null,
    description: row.description,
    filter: filter.success ? filter.data : null,
    planJobId: row.planJobId,
    createdByName: names.get(row.createdById) ?? null,
    adjudicatorName: settings.adjudicatorId ? (names.get(settings.adjudicatorId) ?? null) : null,
    reviewers: reviewerIds.map((id) => ({ id, name: names.get(id) ?? id })),
    viewer: {
      isReviewer: await isReviewerOf(db(), sessionId, viewer.id),
      canManage: can(viewer.role, "sessions:manage"),
      canAdjudicate: mayAdjudicate(settings, viewer),
    },
  };
}

/** What the create form offers: active accounts, the jobs with traces, and the reject reasons. */
export async function sessionFormChoices() {
  const [people, jobs, reasons] = await Promise.all([
    db().user.findMany({
      where: { deactivatedAt: null },
      orderBy: [{ name: "asc" }, { id: "asc" }],
      select: { id: true, name: true, email: true, role: true },
    }),
    jobsWithTraces(),
    rejectReasons(),
  ]);
  return { people, jobs, reasons };
}

/** The reject reasons on offer, in their order (the adjudication buttons). */
export function rejectReasons(): Promise<Array<{ id: string; label: string }>> {
  return db().rejectReason.findMany({
    where: { retiredAt: null },
    orderBy: { position: "asc" },
    select: { id: true, label: true },
  });
}
