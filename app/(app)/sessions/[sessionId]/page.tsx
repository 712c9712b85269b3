import Link from "next/link";
import { Suspense } from "react";
import { AdjudicationQueue } from "@/components/sessions/adjudication-queue";
import { AgreementOnDemand, AgreementPanel } from "@/components/sessions/agreement-panel";
import { CloseSessionButton } from "@/components/sessions/session-actions";
import { SessionLive } from "@/components/sessions/session-live";
import { SessionSettingsCard } from "@/components/sessions/session-settings";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/next/current-user";
import { orNotFound } from "@/lib/next/or-not-found";
import {
  AGREEMENT_ON_DEMAND,
  getSessionDetail,
  rejectReasons,
  sessionAgreement,
  sessionProgress,
} from "@/lib/sessions";

export const metadata = { title: "Session" };

export default async function SessionPage({
  params,
  searchParams,
}: {
  params: Promise<{ sessionId: string }>;
  searchParams: Promise<{ agreement?: string | string[] }>;
}) {
  const user = await requireUser("read");
  const { sessionId } = await params;
  const { agreement } = await searchParams;
  const [session, progress, reasons] = await orNotFound(
    Promise.all([getSessionDetail(sessionId, user), sessionProgress(sessionId, user), rejectReasons()]),
  );
  const { viewer } = session;
  const reviewing = session.status === "active" && viewer.isReviewer;
  const adjudicating = session.status !== "planning" && session.status !== "failed";
  const showAgreement = adjudicating && (viewer.canManage || viewer.canAdjudicate);
  // Agreement reads every decision of the session: past a size, only when asked for.
  const agreementAsked = progress.itemCount <= AGREEMENT_ON_DEMAND || agreement === "1";
  return (
    <>
      <PageHeader
        title={session.name}
        description={session.description ?? undefined}
        actions={
          <>
            {reviewing && (
              <Link
                href={`/review/session/${session.id}`}
                className="rounded-md bg-indigo-600 px-3.5 py-2 text-sm font-medium text-white hover:bg-indigo-500"
              >
                Start reviewing
              </Link>
            )}
            {viewer.canManage && session.status === "active" && <CloseSessionButton sessionId={session.id} />}
          </>
        }
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <SessionLive sessionId={session.id} initial={progress} />
          {adjudicating && (viewer.canAdjudicate || viewer.canManage) && (
            <AdjudicationQueue
              sessionId={session.id}
              canAdjudicate={viewer.canAdjudicate}
              reasons={reasons}
            />
          )}
          {showAgreement &&
            (agreementAsked ? (
              <Suspense fallback={<p className="text-sm text-slate-500">Measuring agreement…</p>}>
                <Agreement sessionId={session.id} />
              </Suspense>
            ) : (
              <AgreementOnDemand
                href={`/sessions/${session.id}?agreement=1`}
                itemCount={progress.itemCount}
              />
            ))}
        </div>
        <div className="space-y-6">
          <SessionSettingsCard session={session} />
        </div>
      </div>
    </>
  );
}

async function Agreement({ sessionId }: { sessionId: string }) {
  return <AgreementPanel figures={await sessionAgreement(sessionId)} />;
}
