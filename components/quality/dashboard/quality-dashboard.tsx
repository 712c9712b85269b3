"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { dashboardQuery, DashboardFilterSchema, type DashboardFilter } from "@/lib/quality/dashboard/schemas";
import type { Dashboard } from "@/lib/quality/dashboard/types";
import { fetchJson } from "../../fetch-json";
import { Button } from "../../ui/button";
import { Card } from "../../ui/card";
import { Notice } from "../../ui/notice";
import { AcceptancePanel } from "./acceptance-panel";
import { DashboardFilters } from "./dashboard-filters";
import { DuplicatesPanel } from "./duplicates-panel";
import { HeadlineFigures } from "./headline";
import { JudgePanel } from "./judge-panel";
import { LengthPanel } from "./length-panel";
import { ReasonsPanel } from "./reasons-panel";
import { UsagePanel } from "./usage-panel";
import { VerificationPanel } from "./verification-panel";

const sameFilter = (a: DashboardFilter, b: DashboardFilter) => dashboardQuery(a) === dashboardQuery(b);

/**
 * The dashboard: figures computed by the server for the URL's filter, refetched through
 * /api/quality/dashboard when the filter changes, on focus once a minute old, or on Refresh.
 */
export function QualityDashboard({
  initial,
  jobs,
}: {
  initial: Dashboard;
  jobs: Array<{ id: string; name: string }>;
}) {
  const [filter, setFilter] = useState<DashboardFilter>(initial.filter);
  const query = useQuery({
    queryKey: ["quality-dashboard", dashboardQuery(filter)],
    queryFn: () => fetchJson<Dashboard>(`/api/quality/dashboard${dashboardQuery(filter)}`),
    initialData: () => (sameFilter(filter, initial.filter) ? initial : undefined),
    placeholderData: keepPreviousData,
    // Each load reads every trace of the selection once: not on every focus.
    staleTime: 60_000,
  });
  const change = (next: DashboardFilter) => {
    const parsed = DashboardFilterSchema.safeParse(next);
    if (!parsed.success) return;
    setFilter(parsed.data);
    // The native history API: Next keeps its router in step without rendering the page again.
    window.history.replaceState(null, "", `/quality${dashboardQuery(parsed.data)}`);
  };
  const data = query.data;
  return (
    <div className="space-y-6">
      <Card className="flex flex-wrap items-end justify-between gap-3 px-5 py-4">
        <DashboardFilters filter={filter} jobs={jobs} onChange={change} />
        <div className="flex items-center gap-3">
          <span className="text-xs text-slate-500" aria-live="polite" data-testid="dashboard-status">
            {query.isFetching ? "Updating…" : query.isError ? "Could not refresh." : ""}
          </span>
          <Button
            variant="secondary"
            size="sm"
            onClick={() => void query.refetch()}
            disabled={query.isFetching}
          >
            Refresh
          </Button>
          <Link
            href={`/review${reviewQuery(filter)}`}
            className="text-xs font-medium text-indigo-700 hover:underline"
          >
            Review these traces
          </Link>
        </div>
      </Card>
      {query.isError && !data && (
        <Notice tone="error">The dashboard could not be loaded: {query.error.message}</Notice>
      )}
      {data && (
        <div
          className={query.isPlaceholderData ? "space-y-6 opacity-60" : "space-y-6"}
          data-testid="dashboard"
        >
          <HeadlineFigures headline={data.headline} />
          <AcceptancePanel
            title="Acceptance by system message"
            chartLabel="Acceptance rate by system message"
            groups={data.bySystemMessage}
            testId="chart-acceptance-message"
            lead
          />
          <div className="grid gap-6 lg:grid-cols-2">
            <AcceptancePanel
              title="Acceptance by job"
              chartLabel="Acceptance rate by job"
              groups={data.byJob}
              testId="chart-acceptance-job"
            />
            <AcceptancePanel
              title="Acceptance by teacher model"
              chartLabel="Acceptance rate by teacher model"
              groups={data.byModel}
              testId="chart-acceptance-model"
            />
            <ReasonsPanel reasons={data.rejectReasons} />
            <VerificationPanel
              verification={data.verification}
              bestOfKNotSelected={data.duplicates.bestOfKNotSelected}
            />
            <JudgePanel judge={data.judge} />
            <LengthPanel lengths={data.lengths} />
            <DuplicatesPanel duplicates={data.duplicates} />
            <UsagePanel usage={data.usage} />
          </div>
        </div>
      )}
    </div>
  );
}

/** The same selection in the review list (all statuses). */
function reviewQuery(filter: DashboardFilter): string {
  const params = new URLSearchParams({ status: "all" });
  if (filter.jobId) params.set("jobId", filter.jobId);
  if (filter.from) params.set("from", filter.from);
  if (filter.to) params.set("to", filter.to);
  return `?${params.toString()}`;
}
