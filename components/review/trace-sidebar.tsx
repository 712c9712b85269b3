import Link from "next/link";
import type { TraceForReview } from "@/lib/review/trace-view";
import { Badge } from "../ui/badge";
import { DefinitionList, type DefinitionRow } from "../ui/definition-list";
import { Card, CardBody, CardHeader } from "../ui/card";

const number = new Intl.NumberFormat("en-US");

/** Where the trace came from and who has judged it. */
export function TraceSidebar({ view }: { view: TraceForReview }) {
  const { trace, job, decisions, strategy } = view;
  const rows: DefinitionRow[] = [
    [
      "Job",
      <Link key="job" href={`/jobs/${job.id}`} className="text-indigo-700 hover:underline">
        {job.name}
      </Link>,
    ],
    ["Model", trace.model],
    [
      "Finish reason",
      <span key="finish" className="inline-flex items-center gap-1">
        {trace.finishReason}
        {trace.truncated && <Badge tone="amber">truncated</Badge>}
      </span>,
    ],
    [
      "Tokens",
      `${number.format(trace.inputTokens)} in · ${number.format(trace.outputTokens)} out` +
        (trace.reasoningTokens > 0 ? ` (${number.format(trace.reasoningTokens)} reasoning)` : ""),
    ],
    ...(strategy
      ? ([
          [
            "Strategy",
            <span key="strategy" className="inline-flex flex-wrap items-center gap-1">
              {strategy.name} · v{strategy.version}
              <Badge tone={strategy.chosenBy === "fallback" ? "amber" : "indigo"}>
                {strategy.chosenBy === "fallback" ? "fallback" : "teacher's choice"}
              </Badge>
            </span>,
          ],
        ] as DefinitionRow[])
      : []),
    ...(trace.systemPromptErasable ? ([["Export", "System prompt erasable"]] as DefinitionRow[]) : []),
    ["Latency", `${number.format(trace.latencyMs)} ms`],
    ["Created", `${trace.createdAt.slice(0, 19).replace("T", " ")} UTC`],
  ];
  return (
    <>
      <Card>
        <CardHeader title="Metadata" />
        <CardBody>
          <DefinitionList rows={rows} />
        </CardBody>
      </Card>
      <Card>
        <CardHeader title="Decisions so far" />
        <CardBody>
          {decisions.length === 0 ? (
            <p className="text-sm text-slate-500">Nobody has decided yet.</p>
          ) : (
            <ul className="space-y-2 text-sm" data-testid="review-decisions">
              {decisions.map((d) => (
                <li key={d.reviewerId}>
                  <span className="font-medium text-slate-800">{d.reviewerName}</span>{" "}
                  <Badge tone={d.decision === "approved" ? "green" : "red"}>{d.decision}</Badge>
                  {d.reason && <p className="mt-0.5 text-slate-600">{d.reason}</p>}
                </li>
              ))}
            </ul>
          )}
        </CardBody>
      </Card>
    </>
  );
}
