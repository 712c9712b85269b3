"use client";

import { useAction } from "next-safe-action/hooks";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type ReactNode } from "react";
import { decideAction } from "@/lib/actions/review";
import { reviewFilterQuery } from "@/lib/review/filter";
import type { Decision, ReviewFilterStatus, ReviewStatus } from "@/lib/review/schemas";
import { actionErrorMessage } from "../ui/action-result";
import { Button } from "../ui/button";
import { Card, CardBody, CardHeader } from "../ui/card";
import { toast } from "../ui/toast";
import { RejectForm } from "./reject-form";
import { ShortcutsDialog } from "./shortcuts-dialog";
import { STATUS_LABELS, StatusBadge } from "./status-badge";
import { useReviewShortcuts } from "./use-review-shortcuts";

export type TraceReviewProps = {
  traceId: string;
  status: ReviewStatus;
  myDecision: { decision: Decision; reason: string | null; version: number } | null;
  nav: {
    previousId: string | null;
    nextId: string | null;
    nextPendingId: string | null;
    position: number | null;
    total: number;
  };
  filter: { status: ReviewFilterStatus; jobId?: string };
  canDecide: boolean;
  /** The prompt, system message, trace and reference answer (rendered on the server). */
  children: ReactNode;
  /** Metadata and the decisions so far. */
  sidebar: ReactNode;
};

const DONE: Record<Decision, string> = { approved: "Approved", rejected: "Rejected" };

export function TraceReview({
  traceId,
  status,
  myDecision,
  nav,
  filter,
  canDecide,
  children,
  sidebar,
}: TraceReviewProps) {
  const router = useRouter();
  const [shownStatus, setShownStatus] = useState(status);
  const [version, setVersion] = useState(myDecision?.version ?? 0);
  const [rejecting, setRejecting] = useState(false);
  const [help, setHelp] = useState(false);
  const href = (id: string) => `/review/${id}${reviewFilterQuery(filter)}`;
  const listHref = `/review${reviewFilterQuery(filter)}`;
  // In the Pending tab, wrap around to pending traces above this one; elsewhere just go down the list.
  const advanceTo = filter.status === "pending" ? nav.nextPendingId : nav.nextId;

  const decision = useAction(decideAction, {
    onSuccess: ({ data, input }) => {
      if (!data) return;
      setShownStatus(data.status);
      setVersion(data.version);
      setRejecting(false);
      const done = DONE[input.decision];
      if (advanceTo) {
        toast.success(`${done}. Moved on to the next trace in ${STATUS_LABELS[filter.status]}.`);
        router.push(href(advanceTo));
      } else {
        toast.info(`${done}. That was the last trace in ${STATUS_LABELS[filter.status]}.`);
        router.refresh();
      }
    },
    onError: ({ error }) => {
      toast.error(actionErrorMessage(error) ?? "The decision was not saved; try again.");
      // Someone changed my decision meanwhile: show it as it is now.
      if (error.serverError?.includes("changed since")) router.refresh();
    },
  });
  const busy = decision.isPending;
  const approve = () =>
    !busy && decision.execute({ traceId, decision: "approved", expectedVersion: version });
  const reject = (reason: string) =>
    decision.execute({ traceId, decision: "rejected", reason, expectedVersion: version });
  const go = (id: string | null, edge: string) => (id ? router.push(href(id)) : toast.info(edge));

  useReviewShortcuts({
    a: () => canDecide && approve(),
    r: () => canDecide && setRejecting(true),
    j: () => go(nav.nextId, "This is the last trace in this filter."),
    k: () => go(nav.previousId, "This is the first trace in this filter."),
    "?": () => setHelp((h) => !h),
    Escape: () => (help ? setHelp(false) : setRejecting(false)),
  });

  return (
    <>
      <div className="mb-4 flex flex-wrap items-center gap-3 text-sm text-slate-600">
        <Link href={listHref} className="text-indigo-700 hover:underline">
          ← {STATUS_LABELS[filter.status]} list
        </Link>
        <span data-testid="review-position">
          {nav.position !== null
            ? `${nav.position} of ${nav.total}`
            : `No longer in ${STATUS_LABELS[filter.status]} (${nav.total} left)`}
        </span>
        <div className="ml-auto flex items-center gap-2">
          <Button
            variant="secondary"
            size="sm"
            disabled={!nav.previousId}
            onClick={() => go(nav.previousId, "")}
          >
            ← Previous (k)
          </Button>
          <Button variant="secondary" size="sm" disabled={!nav.nextId} onClick={() => go(nav.nextId, "")}>
            Next (j) →
          </Button>
          <Button variant="ghost" size="sm" onClick={() => setHelp(true)} aria-label="Keyboard shortcuts">
            ?
          </Button>
        </div>
      </div>
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">{children}</div>
        <div className="space-y-6">
          <Card>
            <CardHeader
              title="Decision"
              actions={<StatusBadge status={shownStatus} testId="review-status" />}
            />
            <CardBody className="space-y-3">
              {myDecision && (
                <p className="text-sm text-slate-600" data-testid="my-decision">
                  You {myDecision.decision} this (v{myDecision.version})
                  {myDecision.reason ? `: “${myDecision.reason}”` : "."}
                </p>
              )}
              {!canDecide ? (
                <p className="text-sm text-slate-500">Your role can read traces but not decide.</p>
              ) : rejecting ? (
                <RejectForm
                  pending={busy}
                  initialReason={myDecision?.reason ?? ""}
                  onSubmit={reject}
                  onCancel={() => setRejecting(false)}
                />
              ) : (
                <div className="flex gap-2">
                  <Button variant="success" disabled={busy} onClick={approve}>
                    Approve{" "}
                    <kbd aria-hidden className="text-xs opacity-70">
                      a
                    </kbd>
                  </Button>
                  <Button variant="danger" disabled={busy} onClick={() => setRejecting(true)}>
                    Reject{" "}
                    <kbd aria-hidden className="text-xs opacity-70">
                      r
                    </kbd>
                  </Button>
                </div>
              )}
              <p className="text-xs text-slate-500">
                After a decision you move on to the next trace in {STATUS_LABELS[filter.status]}.
              </p>
            </CardBody>
          </Card>
          {sidebar}
        </div>
      </div>
      {help && <ShortcutsDialog onClose={() => setHelp(false)} />}
    </>
  );
}
