import type { TraceForReview } from "@/lib/review/trace-view";
import { TraceMarkdown } from "../markdown/trace-markdown";
import { Badge } from "../ui/badge";
import { Card, CardBody, CardHeader } from "../ui/card";
import { StrategyNote } from "./strategy-note";
import { TraceEditor } from "./trace-editor";
import { TraceEdits } from "./trace-edits";

/** What the teacher was asked, with which system message, and what it wrote. */
export function TraceDetails({
  view,
  canEdit,
  onEdited,
}: {
  view: TraceForReview;
  canEdit: boolean;
  /** Called after an edit is saved (the queue reloads the trace); without it the page refreshes. */
  onEdited?: () => void;
}) {
  const { prompt, systemMessage, trace, strategy, edits } = view;
  return (
    <>
      <Card>
        <CardHeader
          title="Prompt"
          actions={
            <>
              {prompt.category && <Badge tone="blue">{prompt.category}</Badge>}
              {prompt.externalId && <Badge>{prompt.externalId}</Badge>}
            </>
          }
        />
        <CardBody>
          <p className="text-sm whitespace-pre-wrap text-slate-900" data-testid="review-prompt">
            {prompt.text}
          </p>
        </CardBody>
      </Card>
      <Card>
        <details>
          <summary className="cursor-pointer px-5 py-3 text-sm">
            <span className="font-semibold text-slate-900">System message: </span>
            <span data-testid="review-system-message">
              {systemMessage.name} · v{systemMessage.version}
            </span>
            {strategy && (
              <span
                className={`ml-2 text-xs ${strategy.chosenBy === "fallback" ? "text-amber-700" : "text-indigo-700"}`}
              >
                {strategy.chosenBy === "fallback"
                  ? "seeded pick: the teacher named no strategy"
                  : "chosen by the teacher"}
              </span>
            )}
          </summary>
          <CardBody className="space-y-3 border-t border-slate-100">
            {strategy && <StrategyNote strategy={strategy} />}
            <p className="text-sm whitespace-pre-wrap text-slate-700">{systemMessage.content}</p>
          </CardBody>
        </details>
      </Card>
      {trace.reasoning && (
        <Card>
          <details data-testid="review-reasoning">
            <summary className="cursor-pointer px-5 py-3 text-sm">
              <span className="font-semibold text-slate-900">Reasoning</span>{" "}
              <span className="text-xs text-slate-500">
                {trace.reasoningTokens > 0
                  ? `${trace.reasoningTokens.toLocaleString("en-US")} tokens · `
                  : ""}
                returned apart from the answer
              </span>
            </summary>
            <CardBody className="border-t border-slate-100">
              <TraceMarkdown content={trace.reasoning} />
            </CardBody>
          </details>
        </Card>
      )}
      <Card>
        <CardHeader
          title="Trace"
          actions={
            <>
              {edits.length > 0 && <Badge tone="indigo">edited</Badge>}
              {trace.truncated && (
                <Badge tone="amber" className="uppercase">
                  truncated
                </Badge>
              )}
            </>
          }
        />
        <CardBody>
          <TraceEditor
            traceId={view.id}
            content={trace.content}
            original={trace.original}
            latestEditId={edits[0]?.id ?? null}
            canEdit={canEdit}
            onSaved={onEdited}
          >
            <TraceMarkdown content={trace.content} />
          </TraceEditor>
          <TraceEdits edits={edits} original={trace.original} />
        </CardBody>
      </Card>
      <Card>
        <details>
          <summary className="cursor-pointer px-5 py-3 text-sm font-semibold text-slate-900">
            Reference answer
          </summary>
          <CardBody className="border-t border-slate-100">
            {prompt.referenceAnswer ? (
              <p className="text-sm whitespace-pre-wrap text-slate-700" data-testid="review-reference">
                {prompt.referenceAnswer}
              </p>
            ) : (
              <p className="text-sm text-slate-500">This prompt has no reference answer.</p>
            )}
          </CardBody>
        </details>
      </Card>
    </>
  );
}
