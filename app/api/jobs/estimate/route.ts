import { estimateJob } from "@/lib/jobs";
import { EstimateQuerySchema } from "@/lib/generation/schemas";
import { json, NoParams, route } from "@/lib/next/route";

// What a launch would cost, recomputed by the launch forms as their fields change.
export const GET = route(
  { permission: "jobs:launch", params: NoParams, query: EstimateQuerySchema },
  async ({ query }) => json(await estimateJob(query)),
);
