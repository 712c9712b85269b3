"use client";

import { useState } from "react";
import { count, percent, plural } from "@/lib/quality/dashboard/format";
import { acceptanceSummary } from "@/lib/quality/dashboard/summaries";
import type { Acceptance } from "@/lib/quality/dashboard/types";
import { Button } from "../../ui/button";
import { HorizontalBars } from "./bars";
import { ChartFigure, NothingYet, Panel } from "./chart-card";

const SHOWN = 12;

const barText = (g: Acceptance) =>
  g.rate === null
    ? `no decisions · ${plural(g.traces, "trace")}`
    : `${percent(g.rate)} · n=${count(g.decided)}`;

/** Acceptance rate per group, best first, each with how many decisions it rests on. */
export function AcceptancePanel({
  title,
  chartLabel,
  groups,
  testId,
  lead,
}: {
  title: string;
  /** How the aria-label names the chart: "Acceptance rate by system message". */
  chartLabel: string;
  groups: Acceptance[];
  testId: string;
  /** Say which group leads (the system-message panel: where the keepers come from). */
  lead?: boolean;
}) {
  const [all, setAll] = useState(false);
  const shown = all ? groups : groups.slice(0, SHOWN);
  const best = groups[0];
  const description =
    lead && best?.rate != null
      ? `Most keepers: ${best.label}, ${percent(best.rate)} of ${count(best.decided)} decided. Approved ÷ (approved + rejected); n = decided.`
      : "Approved ÷ (approved + rejected); n = decided traces. Conflicts wait for a verdict.";
  return (
    <Panel
      title={title}
      description={description}
      actions={
        groups.length > SHOWN && (
          <Button variant="ghost" size="sm" onClick={() => setAll(!all)}>
            {all ? `Top ${SHOWN}` : `All ${groups.length}`}
          </Button>
        )
      }
    >
      {groups.length === 0 ? (
        <NothingYet>No traces in this selection.</NothingYet>
      ) : (
        <ChartFigure
          testId={testId}
          summary={
            acceptanceSummary(chartLabel, shown) +
            (shown.length < groups.length ? ` ${groups.length - shown.length} more not shown.` : "")
          }
          table={{
            columns: ["Group", "Acceptance rate", "Approved", "Rejected", "Decided", "In conflict", "Traces"],
            rows: shown.map((g) => [
              g.label,
              percent(g.rate),
              g.approved,
              g.rejected,
              g.decided,
              g.conflict,
              g.traces,
            ]),
          }}
        >
          <HorizontalBars
            max={100}
            unit="%"
            data={shown.map((g) => ({
              label: g.label,
              value: g.rate === null ? 0 : Math.round(g.rate * 1000) / 10,
              text: barText(g),
            }))}
          />
        </ChartFigure>
      )}
    </Panel>
  );
}
