import { z } from "zod";
import { json, route } from "@/lib/next/route";
import { jobQuality } from "@/lib/quality";

export const GET = route(
  { permission: "read", params: z.object({ id: z.string().min(1).max(200) }), query: z.object({}) },
  async ({ params }) => json(await jobQuality(params.id)),
);
