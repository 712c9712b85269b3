import { jobProgress } from "@/lib/jobs";
import { JobIdParamsSchema } from "@/lib/runner/schemas";
import { json, NoQuery, route } from "@/lib/next/route";

export const dynamic = "force-dynamic";

export const GET = route(
  { permission: "read", params: JobIdParamsSchema, query: NoQuery },
  async ({ params }) => json(await jobProgress(params.id)),
);
