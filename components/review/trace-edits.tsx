import type { TraceEditView } from "@/lib/review/trace-view";
import { TraceMarkdown } from "../markdown/trace-markdown";
import { Badge } from "../ui/badge";
import { formatUtc } from "../ui/format";

/** Who changed the trace and when, the teacher's original, and every version in between. */
export function TraceEdits({ edits, original }: { edits: TraceEditView[]; original: string }) {
  const [latest] = edits;
  if (!latest) return null;
  return (
    <div className="mt-4 space-y-2 border-t border-slate-100 pt-3 text-sm" data-testid="trace-edits">
      <p className="text-slate-600" data-testid="trace-edited-by">
        {latest.restoresOriginal ? "Restored to the original" : "Edited"} by{" "}
        <span className="font-medium text-slate-800">{latest.editorName}</span> at{" "}
        {formatUtc(latest.createdAt)}
        {latest.note && <>: “{latest.note}”</>}
      </p>
      <details data-testid="trace-original">
        <summary className="cursor-pointer font-medium text-slate-800">
          Original (the teacher&apos;s text)
        </summary>
        <div className="mt-2 rounded-md border border-slate-200 bg-slate-50 p-3">
          <TraceMarkdown content={original} />
        </div>
      </details>
      {edits.length > 1 && (
        <details>
          <summary className="cursor-pointer font-medium text-slate-800">
            History ({edits.length} edits)
          </summary>
          <ol className="mt-2 space-y-1">
            {edits.map((edit) => (
              <li key={edit.id} className="text-slate-600">
                {formatUtc(edit.createdAt)} · {edit.editorName}
                {edit.restoresOriginal && (
                  <Badge tone="blue" className="ml-1">
                    restored original
                  </Badge>
                )}
                {edit.note && <> · “{edit.note}”</>}
              </li>
            ))}
          </ol>
        </details>
      )}
    </div>
  );
}
