"use client";

import { useState, type FormEvent } from "react";
import type { RejectReasonView } from "@/lib/review/reason-schemas";
import { REASON_MAX } from "@/lib/review/schemas";
import { Button } from "../ui/button";
import { Field, Input } from "../ui/field";

export type Rejection = { reasonId: string | null; reason: string | null };

/**
 * Pick a reason from the taxonomy (keys 1-9 while the note is not focused), add a note if you
 * like; Enter submits, Escape cancels. A rejection needs a reason or a note.
 */
export function RejectForm({
  reasons,
  initial,
  onSubmit,
  onCancel,
}: {
  reasons: readonly RejectReasonView[];
  initial?: Rejection | null;
  onSubmit: (rejection: Rejection) => void;
  onCancel: () => void;
}) {
  const [reasonId, setReasonId] = useState<string | null>(initial?.reasonId ?? null);
  const [note, setNote] = useState(initial?.reason ?? "");
  const [error, setError] = useState<string>();
  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (!reasonId && !note.trim()) return setError("Pick a reason or say why you reject this trace.");
    onSubmit({ reasonId, reason: note.trim() || null });
  };
  return (
    <form onSubmit={submit} className="space-y-3" data-testid="reject-form">
      <fieldset>
        <legend className="mb-1 text-sm font-medium text-slate-800">Reason</legend>
        <div className="space-y-1">
          {reasons.map((reason, index) => (
            <label key={reason.id} className="flex cursor-pointer items-start gap-2 text-sm text-slate-700">
              <input
                type="radio"
                name="reject-reason"
                className="mt-1"
                checked={reasonId === reason.id}
                onChange={() => {
                  setReasonId(reason.id);
                  setError(undefined);
                }}
              />
              <span>
                {index < 9 && (
                  <kbd aria-hidden className="mr-1 rounded border border-slate-300 px-1 font-mono text-xs">
                    {index + 1}
                  </kbd>
                )}
                {reason.label}
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <Field
        label="Note"
        htmlFor="reject-note"
        error={error}
        hint="Optional with a reason · Enter submits · Escape cancels"
      >
        <Input
          id="reject-note"
          autoFocus
          value={note}
          maxLength={REASON_MAX}
          placeholder="What is wrong with this trace?"
          onChange={(e) => {
            setNote(e.target.value);
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
        <Button type="submit" variant="danger" size="sm">
          Submit rejection
        </Button>
        <Button variant="ghost" size="sm" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
