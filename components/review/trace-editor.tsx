"use client";

import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { useState, type ReactNode } from "react";
import { editTraceAction } from "@/lib/actions/review";
import { EDIT_NOTE_MAX, TRACE_EDIT_MAX } from "@/lib/traces/schemas";
import { actionErrorMessage } from "../ui/action-result";
import { Button } from "../ui/button";
import { Input, Textarea } from "../ui/field";
import { toast } from "../ui/toast";
import { useReviewShortcuts } from "./use-review-shortcuts";

export type TraceEditorProps = {
  traceId: string;
  /** The text as it stands (newest edit, or the teacher's). */
  content: string;
  /** The teacher's text, to start a revert from. */
  original: string;
  /** The newest edit the page shows (null: none), so a save cannot overwrite a newer one unseen. */
  latestEditId: string | null;
  canEdit: boolean;
  /** After a save: the caller reloads the trace (default: refresh the page). */
  onSaved?: () => void;
  /** The current text, rendered on the server. */
  children: ReactNode;
};

/** The trace's text, and (key e) a textarea to correct it: Ctrl/Cmd+Enter saves, Escape cancels. */
export function TraceEditor({
  traceId,
  content,
  original,
  latestEditId,
  canEdit,
  onSaved,
  children,
}: TraceEditorProps) {
  const router = useRouter();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(content);
  const [note, setNote] = useState("");

  const save = useAction(editTraceAction, {
    onSuccess: ({ data }) => {
      setEditing(false);
      setNote("");
      toast.success(
        data?.restoresOriginal ? "Restored the teacher's original text." : "Saved. Export uses your edit.",
      );
      if (onSaved) onSaved();
      else router.refresh();
    },
    onError: ({ error }) => {
      toast.error(actionErrorMessage(error) ?? "The edit was not saved; try again.");
      // Someone saved a newer edit: show it (the draft stays in the box).
      if (error.serverError?.includes("edited since")) {
        if (onSaved) onSaved();
        else router.refresh();
      }
    },
  });

  const start = () => {
    if (!canEdit) return;
    if (!editing) {
      setDraft(content);
      setEditing(true);
    }
    requestAnimationFrame(() => document.getElementById("trace-edit")?.focus());
  };
  const cancel = () => setEditing(false);
  const submit = () => {
    if (save.isPending) return;
    if (!draft.trim()) return toast.error("The trace cannot be empty.");
    save.execute({ traceId, content: draft, note: note.trim() || undefined, expectedEditId: latestEditId });
  };
  useReviewShortcuts({ e: start });

  if (!editing) {
    return (
      <div className="space-y-3">
        <div data-testid="review-trace">{children}</div>
        {canEdit && (
          <div className="flex justify-end">
            <Button variant="secondary" size="sm" onClick={start}>
              Edit{" "}
              <kbd aria-hidden className="text-xs opacity-70">
                e
              </kbd>
            </Button>
          </div>
        )}
      </div>
    );
  }
  return (
    <div className="space-y-2">
      <label htmlFor="trace-edit" className="sr-only">
        Trace text
      </label>
      <Textarea
        id="trace-edit"
        autoFocus
        rows={Math.min(30, Math.max(8, draft.split("\n").length + 1))}
        value={draft}
        maxLength={TRACE_EDIT_MAX}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            submit();
          } else if (e.key === "Escape") {
            e.preventDefault();
            cancel();
          }
        }}
      />
      <Input
        aria-label="Note"
        value={note}
        maxLength={EDIT_NOTE_MAX}
        placeholder="Note (optional): what you corrected"
        onChange={(e) => setNote(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            e.preventDefault();
            submit();
          } else if (e.key === "Escape") cancel();
        }}
      />
      <div className="flex flex-wrap items-center gap-2">
        <Button size="sm" disabled={save.isPending} onClick={submit}>
          Save <span className="text-xs opacity-70">Ctrl+Enter</span>
        </Button>
        <Button variant="ghost" size="sm" onClick={cancel}>
          Cancel <span className="text-xs opacity-70">Esc</span>
        </Button>
        {draft !== original && (
          <Button variant="ghost" size="sm" className="ml-auto" onClick={() => setDraft(original)}>
            Start from the original
          </Button>
        )}
      </div>
      <p className="text-xs text-slate-500">
        Markdown. The teacher&apos;s original is kept; saving adds a new version beside it.
      </p>
    </div>
  );
}
