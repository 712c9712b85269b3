// Sessions over fixture traces for the sessions tests (not used by the app).
import { db } from "../db/client";
import { runJobNow } from "../runner";
import { createSession } from "../sessions";
import type { CreateSessionInput } from "../sessions/schemas";
import { createTestUser } from "./fixtures";
import { createTraces, type CreatedTraces } from "./trace-fixtures";

export type SessionWorld = {
  sessionId: string;
  jobId: string;
  traces: CreatedTraces;
  curator: { id: string; role: string };
  reviewers: Array<{ id: string; role: string }>;
};

/**
 * Fixture traces, a curator and `reviewers` reviewer accounts, and a session over the traces'
 * job, planned to the end on this process's runner (small planning batches unless told).
 */
export async function plannedSession(
  options: {
    traces?: number;
    reviewers?: number;
    batch?: number;
    plan?: boolean;
    traceStatus?: "pending" | "approved";
  } & Partial<Omit<CreateSessionInput, "reviewerIds" | "filter">> = {},
): Promise<SessionWorld> {
  const {
    traces: count = 6,
    reviewers: people = 3,
    batch = 4,
    plan = true,
    traceStatus,
    ...settings
  } = options;
  const traces = await createTraces({ count, status: traceStatus });
  const curator = await createTestUser("curator");
  const reviewers = [];
  for (let i = 0; i < people; i++) reviewers.push(await createTestUser("reviewer"));
  const { sessionId, jobId } = await createSession(
    {
      name: `Session ${traces.tag}`,
      filter: { status: traceStatus ?? "pending", jobId: traces.jobId },
      reviewerIds: reviewers.map((r) => r.id),
      overlap: 2,
      access: "assigned",
      rule: "majority",
      ...settings,
    },
    curator,
    { batch },
  );
  if (plan) await runJobNow(jobId);
  return { sessionId, jobId, traces, curator, reviewers };
}

export const sessionRow = (sessionId: string) =>
  db().reviewSession.findUniqueOrThrow({ where: { id: sessionId } });

export const traceStatus = async (traceId: string) =>
  (await db().trace.findUniqueOrThrow({ where: { id: traceId }, select: { reviewStatus: true } }))
    .reviewStatus;
