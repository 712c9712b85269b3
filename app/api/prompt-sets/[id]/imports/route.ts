import { json, NoQuery, route } from "@/lib/next/route";
import { listImports } from "@/lib/prompts";
import { ImportParamsSchema } from "@/lib/prompts/schemas";

export const dynamic = "force-dynamic";

/** A set's imports with their live progress, polled by its page while one runs. */
export const GET = route(
  { permission: "read", params: ImportParamsSchema, query: NoQuery },
  async ({ params }) => json({ imports: await listImports(params.id) }),
);
