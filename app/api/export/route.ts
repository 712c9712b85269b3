import { startExportDownload } from "@/lib/export/download";
import { ExportQuerySchema } from "@/lib/export/schemas";
import { NoParams, route } from "@/lib/next/route";

// Streams approved traces as JSONL, one line pulled from the database pager per read.
export const GET = route(
  { permission: "export", params: NoParams, query: ExportQuerySchema },
  async ({ query, user }) => {
    const download = await startExportDownload(query, user.id);
    return new Response(download.body, {
      headers: {
        "content-type": download.contentType,
        "content-disposition": `attachment; filename="${download.fileName}"`,
        "cache-control": "no-store",
        "x-content-type-options": "nosniff",
      },
    });
  },
);
