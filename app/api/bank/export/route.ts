import { bankFileName, exportBank } from "@/lib/bank";
import { NoParams, NoQuery, route } from "@/lib/next/route";

export const GET = route({ permission: "read", params: NoParams, query: NoQuery }, async () => {
  const file = await exportBank();
  return new Response(JSON.stringify(file, null, 2) + "\n", {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="${bankFileName(new Date(file.exportedAt))}"`,
      "cache-control": "no-store",
    },
  });
});
