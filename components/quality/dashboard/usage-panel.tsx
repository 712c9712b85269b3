"use client";

import { useState } from "react";
import { compact, usd } from "@/lib/quality/dashboard/format";
import { usageSummary } from "@/lib/quality/dashboard/summaries";
import type { Dashboard } from "@/lib/quality/dashboard/types";
import { cn } from "../../ui/cn";
import { HorizontalBars } from "./bars";
import { ChartFigure, NothingYet, Panel } from "./chart-card";

const SHOWN = 12;
const VIEWS = { job: "By job", model: "By model" } as const;

/** What the teacher cost and wrote, per job or per model. */
export function UsagePanel({ usage }: { usage: Dashboard["usage"] }) {
  const [view, setView] = useState<keyof typeof VIEWS>("job");
  const groups = (view === "job" ? usage.byJob : usage.byModel).slice(0, SHOWN);
  const priced = groups.some((g) => g.costUsd > 0);
  return (
    <Panel
      title="Tokens and cost"
      description={
        priced
          ? "Teacher spend, costliest first; tokens are input + output."
          : "No prices recorded: bars show tokens (input + output)."
      }
      actions={
        <div role="group" aria-label="Sum by" className="flex rounded-md border border-slate-200 p-0.5">
          {(Object.keys(VIEWS) as Array<keyof typeof VIEWS>).map((key) => (
            <button
              key={key}
              type="button"
              aria-pressed={view === key}
              onClick={() => setView(key)}
              className={cn(
                "rounded px-2 py-0.5 text-xs font-medium",
                view === key ? "bg-indigo-600 text-white" : "text-slate-600 hover:bg-slate-100",
              )}
            >
              {VIEWS[key]}
            </button>
          ))}
        </div>
      }
    >
      {groups.length === 0 ? (
        <NothingYet>No traces in this selection.</NothingYet>
      ) : (
        <ChartFigure
          testId="chart-usage"
          summary={usageSummary(view === "job" ? "Cost by job" : "Cost by model", groups)}
          table={{
            columns: [view === "job" ? "Job" : "Model", "Cost", "Input tokens", "Output tokens", "Traces"],
            rows: groups.map((g) => [g.label, usd(g.costUsd), g.inputTokens, g.outputTokens, g.traces]),
          }}
        >
          <HorizontalBars
            color="#0ea5e9"
            decimals={priced}
            data={groups.map((g) => ({
              label: g.label,
              value: priced ? g.costUsd : g.inputTokens + g.outputTokens,
              text: `${usd(g.costUsd)} · ${compact(g.inputTokens + g.outputTokens)} tok`,
            }))}
          />
        </ChartFigure>
      )}
    </Panel>
  );
}
