"use client";

import { useState } from "react";
import type { TraceCommentView } from "@/lib/review/trace-view";
import { COMMENT_MAX } from "@/lib/review/queue-schemas";
import { Button } from "../../ui/button";
import { Card, CardBody, CardHeader } from "../../ui/card";
import { Textarea } from "../../ui/field";
import { formatUtc } from "../../ui/format";
import { toast } from "../../ui/toast";
import { postJson } from "./send";

/** Remarks on the trace for the team (c focuses the box; Ctrl/Cmd+Enter posts). */
export function CommentsPanel(props: {
  traceId: string;
  comments: readonly TraceCommentView[];
  canComment: boolean;
  onAdded: () => void;
}) {
  const [body, setBody] = useState("");
  const [sending, setSending] = useState(false);
  const post = async () => {
    if (!body.trim() || sending) return;
    setSending(true);
    const result = await postJson("/api/review/comments", { traceId: props.traceId, body }).catch(
      (e: Error) => ({
        ok: false as const,
        status: 0,
        error: e.message,
      }),
    );
    setSending(false);
    if (!result.ok) return toast.error(result.error);
    setBody("");
    props.onAdded();
  };
  return (
    <Card>
      <CardHeader title={`Comments${props.comments.length ? ` (${props.comments.length})` : ""}`} />
      <CardBody className="space-y-3">
        {props.comments.length > 0 && (
          <ul className="space-y-2 text-sm" data-testid="trace-comments">
            {props.comments.map((c) => (
              <li key={c.id}>
                <p className="text-xs text-slate-500">
                  {c.authorName} · {formatUtc(c.createdAt)}
                </p>
                <p className="whitespace-pre-wrap text-slate-800">{c.body}</p>
              </li>
            ))}
          </ul>
        )}
        {props.canComment && (
          <div className="space-y-2">
            <label htmlFor="comment-body" className="sr-only">
              Comment
            </label>
            <Textarea
              id="comment-body"
              rows={2}
              value={body}
              maxLength={COMMENT_MAX}
              placeholder="A note for the team (c)"
              onChange={(e) => setBody(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
                  e.preventDefault();
                  void post();
                } else if (e.key === "Escape") e.currentTarget.blur();
              }}
            />
            <Button
              size="sm"
              variant="secondary"
              disabled={!body.trim() || sending}
              onClick={() => void post()}
            >
              Add comment
            </Button>
          </div>
        )}
      </CardBody>
    </Card>
  );
}
