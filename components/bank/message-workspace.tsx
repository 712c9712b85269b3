"use client";

import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { saveVersionAction } from "@/lib/actions/bank";
import { actionErrorMessage } from "../ui/action-result";
import { Button } from "../ui/button";
import { Card, CardBody, CardHeader } from "../ui/card";
import { Field, Input, Textarea } from "../ui/field";
import { Notice } from "../ui/notice";
import { toast } from "../ui/toast";
import type { VersionRow } from "./types";
import { VersionHistory } from "./version-history";

const normalise = (s: string) => s.replace(/\r\n?/g, "\n").trim();

/** The current content, the editor that saves a new version, and the history it can restore from. */
export function MessageWorkspace({
  messageId,
  versions,
  canEdit,
}: {
  messageId: string;
  versions: VersionRow[]; // newest first
  canEdit: boolean;
}) {
  const router = useRouter();
  const latest = versions[0]!;
  const [draft, setDraft] = useState(latest.content);
  const [note, setNote] = useState("");
  const [base, setBase] = useState({ version: latest.version, content: latest.content });
  const [overtaken, setOvertaken] = useState<number | null>(null);

  // A newer version arrived (ours after saving, or someone else's): keep a draft that differs.
  if (latest.version !== base.version) {
    const untouched = draft === base.content || normalise(draft) === latest.content;
    setDraft(untouched ? latest.content : draft);
    setOvertaken(untouched ? null : latest.version);
    setBase({ version: latest.version, content: latest.content });
  }

  const save = useAction(saveVersionAction, {
    onSuccess: ({ data }) => {
      toast.success(`Saved as version ${data?.version}.`);
      setNote("");
      router.refresh();
    },
    onError: ({ error }) => {
      toast.error(actionErrorMessage(error) ?? "Could not save.");
      router.refresh(); // fetches the newer version a conflict is about
    },
  });
  const dirty = normalise(draft) !== latest.content;
  const submit = () => {
    if (dirty && !save.isPending) {
      save.execute({ messageId, content: draft, note: note || undefined, baseVersion: base.version });
    }
  };

  const restore = (v: VersionRow) => {
    setDraft(v.content);
    setNote(`restored version ${v.version}`);
    const editor = document.getElementById("message-content");
    editor?.scrollIntoView({ behavior: "smooth", block: "center" });
    editor?.focus({ preventScroll: true });
  };

  return (
    <div className="space-y-6">
      <Card>
        <CardHeader
          title={`Current content (version ${latest.version})`}
          description={canEdit ? "Saving adds a new version; earlier versions stay as they are." : undefined}
        />
        <CardBody>
          {canEdit ? (
            <form
              className="space-y-3"
              onSubmit={(e) => {
                e.preventDefault();
                submit();
              }}
            >
              {overtaken !== null && (
                <Notice tone="warning">
                  Version {overtaken} was saved by someone else while you were editing. Your draft is kept;
                  check the history below, then save again if your change still applies.
                </Notice>
              )}
              <Field
                label="Content"
                htmlFor="message-content"
                hint={`${draft.length} characters · Ctrl+Enter saves`}
              >
                <Textarea
                  id="message-content"
                  value={draft}
                  onChange={(e) => setDraft(e.target.value)}
                  onKeyDown={(e) => {
                    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
                      e.preventDefault();
                      submit();
                    }
                  }}
                  rows={Math.min(24, Math.max(8, draft.split("\n").length + 2))}
                  className="leading-relaxed"
                />
              </Field>
              <div className="flex flex-wrap items-end gap-3">
                <div className="min-w-64 flex-1">
                  <Field label="Note (optional)" htmlFor="version-note">
                    <Input
                      id="version-note"
                      value={note}
                      maxLength={500}
                      onChange={(e) => setNote(e.target.value)}
                      placeholder="e.g. tightened wording"
                    />
                  </Field>
                </div>
                <Button type="submit" disabled={!dirty || save.isPending}>
                  {save.isPending ? "Saving…" : "Save as new version"}
                </Button>
                <Button
                  variant="ghost"
                  disabled={!dirty || save.isPending}
                  onClick={() => {
                    setDraft(latest.content);
                    setNote("");
                    setOvertaken(null);
                  }}
                >
                  Discard changes
                </Button>
              </div>
            </form>
          ) : (
            <pre className="font-mono text-sm leading-relaxed whitespace-pre-wrap text-slate-800">
              {latest.content}
            </pre>
          )}
        </CardBody>
      </Card>
      <VersionHistory versions={versions} onRestore={canEdit ? restore : undefined} />
    </div>
  );
}
