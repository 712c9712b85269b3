import { listJobs } from "@/lib/jobs";
import { json, NoParams, NoQuery, route } from "@/lib/next/route";

export const dynamic = "force-dynamic";

export const GET = route({ permission: "read", params: NoParams, query: NoQuery }, async () =>
  json(await listJobs()),
);
