"use client";

import type { MyDecision } from "@/lib/review/keyboard-queue";
import type { RejectReasonView } from "@/lib/review/reason-schemas";
import type { ReviewStatus } from "@/lib/review/schemas";
import { Badge } from "../../ui/badge";
import { Button } from "../../ui/button";
import { Card, CardBody, CardHeader } from "../../ui/card";
import { RejectForm, type Rejection } from "../reject-form";
import { StatusBadge } from "../status-badge";

export function DecisionCard(props: {
  status: ReviewStatus;
  mine: MyDecision | null;
  flagged: boolean;
  blind: boolean;
  reasons: readonly RejectReasonView[];
  canDecide: boolean;
  rejecting: boolean;
  onApprove: () => void;
  onStartReject: () => void;
  onReject: (rejection: Rejection) => void;
  onCancelReject: () => void;
  advanceLabel: string;
}) {
  const { mine, reasons } = props;
  return (
    <Card>
      <CardHeader
        title="Decision"
        actions={
          <>
            {props.flagged && (
              <Badge tone="amber">
                <span data-testid="review-flagged">flagged</span>
              </Badge>
            )}
            {props.blind ? (
              <Badge tone="slate">blind</Badge>
            ) : (
              <StatusBadge status={props.status} testId="review-status" />
            )}
          </>
        }
      />
      <CardBody className="space-y-3">
        {mine && (
          <p className="text-sm text-slate-600" data-testid="my-decision">
            You {mine.decision} this
            {describeReason(mine, reasons)}
          </p>
        )}
        {!props.canDecide ? (
          <p className="text-sm text-slate-500">Your role can read traces but not decide.</p>
        ) : props.rejecting ? (
          <RejectForm
            reasons={reasons}
            initial={mine?.decision === "rejected" ? mine : null}
            onSubmit={props.onReject}
            onCancel={props.onCancelReject}
          />
        ) : (
          <div className="flex gap-2">
            <Button variant="success" onClick={props.onApprove}>
              Approve{" "}
              <kbd aria-hidden className="text-xs opacity-70">
                a
              </kbd>
            </Button>
            <Button variant="danger" onClick={props.onStartReject}>
              Reject{" "}
              <kbd aria-hidden className="text-xs opacity-70">
                r
              </kbd>
            </Button>
          </div>
        )}
        <p className="text-xs text-slate-500">
          A decision moves on at once to the next trace in {props.advanceLabel}; it is saved in the
          background. 1–9 reject with a reason, u undoes, ? lists every key.
        </p>
      </CardBody>
    </Card>
  );
}

export function describeReason(mine: MyDecision, reasons: readonly RejectReasonView[]): string {
  if (mine.decision !== "rejected") return ".";
  const label = reasons.find((r) => r.id === mine.reasonId)?.label;
  const parts = [label, mine.reason && `“${mine.reason}”`].filter(Boolean);
  return parts.length ? `: ${parts.join(" — ")}` : ".";
}
