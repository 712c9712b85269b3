import { DashboardFilterSchema, loadDashboard } from "@/lib/quality/dashboard";
import { json, NoParams, route } from "@/lib/next/route";

export const dynamic = "force-dynamic";

/** The quality dashboard's figures for `?jobId=…&from=YYYY-MM-DD&to=YYYY-MM-DD`, refetched by the page. */
export const GET = route(
  { permission: "read", params: NoParams, query: DashboardFilterSchema },
  async ({ query }) => json(await loadDashboard(query)),
);
