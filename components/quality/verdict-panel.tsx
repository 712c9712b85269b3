import type { VerdictView } from "@/lib/traces";
import { checkLabel, OUTCOME_LABELS, OUTCOME_TONES } from "@/lib/quality/labels";
import { Badge } from "../ui/badge";
import { Card, CardBody, CardHeader } from "../ui/card";
import { MatchedSpans } from "./matched-spans";

const ORDER = { fail: 0, warn: 1, pass: 2, skip: 3 } as const;

/** The automatic checks beside the decision: what failed first, with the evidence to judge it by. */
export function VerdictPanel(props: {
  checkedAt: string | null;
  verdicts: VerdictView[];
  texts: { prompt: string; trace: string; reasoning: string | null };
}) {
  const verdicts = [...props.verdicts].sort((a, b) => ORDER[a.outcome] - ORDER[b.outcome]);
  const found = verdicts.filter((v) => v.outcome === "fail" || v.outcome === "warn");
  return (
    <Card>
      <CardHeader title="Automatic checks" />
      <CardBody>
        <ul className="space-y-3 text-sm" data-testid="review-verdicts">
          {verdicts.map((v) => (
            <li
              key={`${v.ofPrompt ? "prompt" : "trace"}-${v.check}`}
              data-check={v.check}
              data-outcome={v.outcome}
            >
              <div className="flex flex-wrap items-center gap-2">
                <span className="font-medium text-slate-800">{checkLabel(v.check)}</span>
                <Badge tone={OUTCOME_TONES[v.outcome]}>{OUTCOME_LABELS[v.outcome]}</Badge>
                {v.ofPrompt && <Badge tone="slate">the prompt</Badge>}
              </div>
              <p className="mt-0.5 text-slate-600">{v.summary}</p>
              {v.spans.length > 0 && <MatchedSpans spans={v.spans} texts={props.texts} />}
            </li>
          ))}
        </ul>
        {found.length === 0 && (
          <p className="text-sm text-slate-500" data-testid="review-checks-clear">
            {props.checkedAt
              ? "No check found a problem."
              : "Not checked yet: checks run as traces arrive and in scans."}
          </p>
        )}
      </CardBody>
    </Card>
  );
}
