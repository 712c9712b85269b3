"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "../next";
import {
  adjudicate,
  closeSession,
  createSession,
  decideInSession,
  releaseSessionTrace,
  retractInSession,
  takeSessionTraces,
} from "../sessions";
import {
  AdjudicateSchema,
  CreateSessionSchema,
  SessionDecideSchema,
  SessionRefSchema,
  SessionRetractSchema,
  SessionTraceSchema,
  TakeSessionTracesSchema,
} from "../sessions/schemas";

// Managing sessions: admins and curators (the lib functions check the role again).

export const createSessionAction = authedAction
  .metadata({ name: "session-create", permission: "sessions:manage" })
  .inputSchema(CreateSessionSchema)
  .action(async ({ parsedInput, ctx }) => {
    const created = await createSession(parsedInput, ctx.user);
    revalidatePath("/sessions");
    return created;
  });

export const closeSessionAction = authedAction
  .metadata({ name: "session-close", permission: "sessions:manage" })
  .inputSchema(SessionRefSchema)
  .action(async ({ parsedInput, ctx }) => {
    await closeSession(parsedInput.sessionId, ctx.user);
    revalidatePath("/sessions", "layout");
  });

// Settling disputes: the session's adjudicator, or admins and curators (checked in adjudicate).
export const adjudicateAction = authedAction
  .metadata({ name: "session-adjudicate", permission: "review:decide" })
  .inputSchema(AdjudicateSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await adjudicate(parsedInput, ctx.user.id);
    revalidatePath(`/sessions/${parsedInput.sessionId}`);
    revalidatePath("/review", "layout");
    return result;
  });

// The review workbench's calls: only the session's reviewers get anywhere (checked in lib).
// Taking reserves traces in open access, so it is a mutation, not a GET.

export const takeSessionTracesAction = authedAction
  .metadata({ name: "session-take", permission: "review:decide" })
  .inputSchema(TakeSessionTracesSchema)
  .action(({ parsedInput: { sessionId, ...opts }, ctx }) => takeSessionTraces(sessionId, ctx.user.id, opts));

export const sessionDecideAction = authedAction
  .metadata({ name: "session-decide", permission: "review:decide" })
  .inputSchema(SessionDecideSchema)
  .action(({ parsedInput, ctx }) => decideInSession(parsedInput, ctx.user.id));

export const sessionRetractAction = authedAction
  .metadata({ name: "session-retract", permission: "review:decide" })
  .inputSchema(SessionRetractSchema)
  .action(({ parsedInput, ctx }) => retractInSession(parsedInput, ctx.user.id));

export const sessionReleaseAction = authedAction
  .metadata({ name: "session-release", permission: "review:decide" })
  .inputSchema(SessionTraceSchema)
  .action(({ parsedInput, ctx }) =>
    releaseSessionTrace(parsedInput.sessionId, parsedInput.traceId, ctx.user.id),
  );
