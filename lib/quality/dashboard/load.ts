import "server-only";
import { jobsWithTraces } from "../../traces";
import { dashboardNames } from "./names";
import { judgeCounts, reasonCounts } from "./review-counts";
import type { DashboardRows } from "./rows";
import type { DashboardFilter } from "./schemas";
import { shapeDashboard } from "./shape";
import { traceGroups } from "./trace-groups";
import type { Dashboard } from "./types";
import { clusterCounts, contaminationCounts, flagCounts } from "./verdict-counts";

/** Every GROUP BY the dashboard needs for `filter`, then its panels. */
export async function loadDashboardRows(filter: DashboardFilter): Promise<DashboardRows> {
  const [traces, flags, clusters, reasons, judge, contamination] = await Promise.all([
    traceGroups(filter),
    flagCounts(filter),
    clusterCounts(filter),
    reasonCounts(filter),
    judgeCounts(filter),
    contaminationCounts(filter),
  ]);
  return { traces, flags, clusters, reasons, judge, contamination };
}

export async function loadDashboard(filter: DashboardFilter): Promise<Dashboard> {
  const rows = await loadDashboardRows(filter);
  return shapeDashboard(filter, rows, await dashboardNames(rows));
}

/** The jobs the filter offers: those with traces, newest first. */
export const dashboardJobs = (): Promise<Array<{ id: string; name: string }>> => jobsWithTraces();
