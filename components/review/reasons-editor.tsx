"use client";

import { useAction } from "next-safe-action/hooks";
import { useState } from "react";
import { createReasonAction, updateReasonAction } from "@/lib/actions/reasons";
import { REASON_LABEL_MAX, type RejectReasonView } from "@/lib/review/reason-schemas";
import { actionErrorMessage } from "../ui/action-result";
import { Badge } from "../ui/badge";
import { Button } from "../ui/button";
import { Input } from "../ui/field";
import { toast } from "../ui/toast";

/** Add, rename, reorder and retire reject reasons (admins). */
export function ReasonsEditor({ reasons }: { reasons: RejectReasonView[] }) {
  const [label, setLabel] = useState("");
  const onError = ({ error }: { error: Parameters<typeof actionErrorMessage>[0] }) =>
    toast.error(actionErrorMessage(error) ?? "Not saved; try again.");
  const create = useAction(createReasonAction, {
    onSuccess: () => {
      setLabel("");
      toast.success("Reason added.");
    },
    onError,
  });
  const update = useAction(updateReasonAction, { onSuccess: () => toast.success("Saved."), onError });
  const active = reasons.filter((r) => !r.retired);
  return (
    <div className="divide-y divide-slate-100">
      <ol className="divide-y divide-slate-100" data-testid="reasons">
        {reasons.map((reason) => {
          const place = active.indexOf(reason);
          return (
            <li key={reason.id} className="flex flex-wrap items-center gap-3 px-5 py-3 text-sm">
              <span className="w-6 font-mono text-slate-500">{place >= 0 && place < 9 ? place + 1 : ""}</span>
              <ReasonLabel
                reason={reason}
                onRename={(next) => update.execute({ id: reason.id, label: next })}
              />
              {reason.retired && <Badge tone="slate">retired</Badge>}
              <div className="ml-auto flex gap-1">
                {!reason.retired && place > 0 && (
                  <Button
                    size="sm"
                    variant="ghost"
                    aria-label={`Move ${reason.label} up`}
                    onClick={() => update.execute({ id: reason.id, position: active[place - 1]!.position })}
                  >
                    ↑
                  </Button>
                )}
                {!reason.retired && place < active.length - 1 && (
                  <Button
                    size="sm"
                    variant="ghost"
                    aria-label={`Move ${reason.label} down`}
                    onClick={() => update.execute({ id: reason.id, position: active[place + 1]!.position })}
                  >
                    ↓
                  </Button>
                )}
                <Button
                  size="sm"
                  variant="secondary"
                  onClick={() => update.execute({ id: reason.id, retired: !reason.retired })}
                >
                  {reason.retired ? "Restore" : "Retire"}
                </Button>
              </div>
            </li>
          );
        })}
      </ol>
      <form
        className="flex gap-2 px-5 py-4"
        onSubmit={(e) => {
          e.preventDefault();
          create.execute({ label });
        }}
      >
        <Input
          aria-label="New reason"
          value={label}
          maxLength={REASON_LABEL_MAX}
          placeholder="A new reason, e.g. Unsafe advice"
          onChange={(e) => setLabel(e.target.value)}
        />
        <Button type="submit" disabled={!label.trim() || create.isPending}>
          Add reason
        </Button>
      </form>
    </div>
  );
}

function ReasonLabel({ reason, onRename }: { reason: RejectReasonView; onRename: (label: string) => void }) {
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState(reason.label);
  if (!editing)
    return (
      <button
        type="button"
        className="text-left text-slate-800 hover:text-indigo-700"
        onClick={() => setEditing(true)}
      >
        {reason.label}
        {reason.description && <span className="block text-xs text-slate-500">{reason.description}</span>}
      </button>
    );
  return (
    <form
      className="flex gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        setEditing(false);
        if (value.trim() && value.trim() !== reason.label) onRename(value.trim());
      }}
    >
      <Input
        aria-label={`Rename ${reason.label}`}
        autoFocus
        value={value}
        maxLength={REASON_LABEL_MAX}
        onChange={(e) => setValue(e.target.value)}
      />
      <Button type="submit" size="sm">
        Save
      </Button>
    </form>
  );
}
