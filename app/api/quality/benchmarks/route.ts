import { z } from "zod";
import { json, route } from "@/lib/next/route";
import { uploadBenchmark } from "@/lib/quality";
import { BENCHMARK_FILE_MAX_BYTES } from "@/lib/quality/schemas";

/** POST the benchmark file's text as the body; its name and file name in the query string. */
export const POST = route(
  {
    permission: "quality:manage",
    params: z.object({}),
    query: z.object({ name: z.string().max(100), fileName: z.string().max(300) }),
  },
  async ({ query, request, user }) => {
    if (Number(request.headers.get("content-length") ?? 0) > BENCHMARK_FILE_MAX_BYTES)
      return json({ error: "The file is over 20 MB: split it into several benchmarks." }, 413);
    const content = await request.text();
    const created = await uploadBenchmark({ ...query, content }, user.id);
    return json(created, 201);
  },
);
