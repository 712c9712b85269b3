// The quality dashboard's surface: the page and its route handler import from here.
export { dashboardJobs, loadDashboard } from "./load";
export { DashboardFilterSchema, dashboardQuery, parseDashboardFilter, type DashboardFilter } from "./schemas";
export type { Dashboard } from "./types";
