import type { VerdictView } from "@/lib/traces";

const CONTEXT = 60;
const SHOWN = 4;
const FIELD_LABELS = { prompt: "prompt", trace: "answer", reasoning: "reasoning" } as const;

/** The text a check matched (a benchmark item's words), highlighted in a little context. */
export function MatchedSpans(props: {
  spans: VerdictView["spans"];
  texts: { prompt: string; trace: string; reasoning: string | null };
}) {
  const shown = props.spans.slice(0, SHOWN);
  return (
    <ul className="mt-1 space-y-1" data-testid="matched-spans">
      {shown.map((span, i) => {
        const text =
          (span.field === "prompt"
            ? props.texts.prompt
            : span.field === "trace"
              ? props.texts.trace
              : props.texts.reasoning) ?? "";
        const start = Math.max(0, Math.min(span.start, text.length));
        const end = Math.max(start, Math.min(span.end, text.length));
        const before = text.slice(Math.max(0, start - CONTEXT), start);
        return (
          <li key={i} className="rounded bg-slate-50 px-2 py-1 text-xs text-slate-600">
            <span className="mr-1 text-slate-400">{FIELD_LABELS[span.field]}:</span>
            {start > CONTEXT && "…"}
            {before}
            <mark className="bg-amber-200 text-slate-900">{text.slice(start, end)}</mark>
            {text.slice(end, end + CONTEXT)}
            {end + CONTEXT < text.length && "…"}
          </li>
        );
      })}
      {props.spans.length > SHOWN && (
        <li className="text-xs text-slate-500">and {props.spans.length - SHOWN} more matched passages</li>
      )}
    </ul>
  );
}
