"use client";

import { useState, type FormEvent } from "react";
import { REASON_MAX } from "@/lib/review/schemas";
import { Button } from "../ui/button";
import { Field, Input } from "../ui/field";

/** The reason input: opens focused; Enter submits, Escape cancels. */
export function RejectForm({
  pending,
  initialReason,
  onSubmit,
  onCancel,
}: {
  pending: boolean;
  initialReason?: string;
  onSubmit: (reason: string) => void;
  onCancel: () => void;
}) {
  const [reason, setReason] = useState(initialReason ?? "");
  const [error, setError] = useState<string>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) return setError("Say why you reject this trace.");
    onSubmit(reason.trim());
  };
  return (
    <form onSubmit={submit} className="space-y-2">
      <Field label="Reason" htmlFor="reject-reason" error={error} hint="Enter submits · Escape cancels">
        <Input
          id="reject-reason"
          autoFocus
          value={reason}
          maxLength={REASON_MAX}
          placeholder="What is wrong with this trace?"
          onChange={(e) => {
            setReason(e.target.value);
            setError(undefined);
          }}
          onKeyDown={(e) => {
            if (e.key === "Escape") {
              e.preventDefault();
              onCancel();
            }
          }}
        />
      </Field>
      <div className="flex gap-2">
        <Button type="submit" variant="danger" size="sm" disabled={pending}>
          Submit rejection
        </Button>
        <Button variant="ghost" size="sm" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
