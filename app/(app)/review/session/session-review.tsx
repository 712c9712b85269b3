import Link from "next/link";
import { ReviewWorkbench } from "@/components/review/workbench/review-workbench";
import { Card, CardBody } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/roles";
import { NotFoundError } from "@/lib/errors";
import { requireUser } from "@/lib/next/current-user";
import { orNotFound } from "@/lib/next/or-not-found";
import { listRejectReasons } from "@/lib/review";
import { sessionQueuePage, sessionQueueTrace, viewableSession } from "@/lib/sessions";

/**
 * A reviewer's queue in a session: the trace in the address (a reload), or the next one the
 * session gives them (reserved or dealt), then the keyboard workbench takes over.
 */
export async function SessionReview({ sessionId, traceId }: { sessionId: string; traceId?: string }) {
  const user = await requireUser("review:decide");
  const session = await orNotFound(viewableSession(sessionId, user));
  const [first, reasons] = await orNotFound(
    Promise.all([
      traceId
        ? sessionQueueTrace(sessionId, traceId, user.id).then(
            (t) => t ?? Promise.reject(new NotFoundError("Trace", traceId)),
          )
        : sessionQueuePage({ sessionId, holding: [], limit: 1 }, user.id).then(
            (page) => page.traces[0] ?? null,
          ),
      listRejectReasons(),
    ]),
  );
  const sessionHref = `/sessions/${sessionId}`;
  if (!first)
    return (
      <>
        <PageHeader title={session.name} description="Team review session" />
        <Card>
          <CardBody className="space-y-2 text-sm text-slate-700">
            <p data-testid="session-queue-empty">
              {session.status === "planning"
                ? "The session is still being planned: its traces appear here in a moment."
                : "Nothing left for you in this session: every trace dealt or open to you is decided."}
            </p>
            <Link href={sessionHref} className="text-indigo-700 hover:underline">
              ← Back to the session
            </Link>
          </CardBody>
        </Card>
      </>
    );
  return (
    <ReviewWorkbench
      initial={first}
      query=""
      status="pending"
      sessionId={sessionId}
      basePath={`/review/session/${sessionId}`}
      listHref={sessionHref}
      listLabel={`Session: ${session.name}`}
      reasons={reasons}
      canDecide={can(user.role, "review:decide")}
    />
  );
}
