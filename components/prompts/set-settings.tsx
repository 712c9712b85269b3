"use client";

import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { deletePromptSetAction, updatePromptSetAction } from "@/lib/actions/prompts";
import { toastActionError } from "../ui/action-result";
import { Button } from "../ui/button";
import { Field, Input, Textarea } from "../ui/field";
import { formatCount } from "../ui/format";
import { toast } from "../ui/toast";

const reportError = toastActionError("Failed.");

/** Rename or describe a set; delete it while no job uses it. */
export function SetSettings({
  set,
}: {
  set: { id: string; name: string; description: string | null; promptCount: number; jobCount: number };
}) {
  const router = useRouter();
  const [name, setName] = useState(set.name);
  const [description, setDescription] = useState(set.description ?? "");
  const update = useAction(updatePromptSetAction, {
    onSuccess: () => {
      toast.success("Saved.");
      router.refresh();
    },
    onError: reportError,
  });
  const remove = useAction(deletePromptSetAction, {
    onSuccess: ({ data }) => {
      const prompts = `${formatCount(data?.prompts ?? 0)} prompt${data?.prompts === 1 ? "" : "s"}`;
      if (data?.jobId) {
        // A big set goes batch by batch in the background: its job shows how far it got.
        toast.success(`Deleting "${set.name}" and its ${prompts} in the background.`);
        router.push(`/jobs/${data.jobId}`);
      } else {
        toast.success(`Deleted "${set.name}" and its ${prompts}.`);
        router.push("/prompts");
      }
    },
    onError: reportError,
  });
  const confirmDelete = () => {
    const what = `"${set.name}" and its ${set.promptCount.toLocaleString("en-US")} prompts`;
    if (window.confirm(`Delete ${what}? This cannot be undone.`)) remove.execute({ id: set.id });
  };
  return (
    <div className="space-y-4">
      <form
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          update.execute({ id: set.id, name, description });
        }}
      >
        <Field label="Name" htmlFor="set-name">
          <Input
            id="set-name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            required
            maxLength={120}
          />
        </Field>
        <Field label="Description" htmlFor="set-description">
          <Textarea
            id="set-description"
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            rows={3}
            maxLength={2000}
            className="font-sans"
          />
        </Field>
        <Button type="submit" variant="secondary" disabled={update.isPending}>
          Save
        </Button>
      </form>
      <div className="border-t border-slate-100 pt-3">
        <Button
          variant="danger"
          size="sm"
          onClick={confirmDelete}
          disabled={remove.isPending || set.jobCount > 0}
        >
          Delete set
        </Button>
        {set.jobCount > 0 && (
          <p className="mt-1 text-xs text-slate-500">
            Used by {set.jobCount} job{set.jobCount === 1 ? "" : "s"}: it cannot be deleted.
          </p>
        )}
      </div>
    </div>
  );
}
