"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "../next";
import { bulkDecide } from "../review";
import { BulkDecideSchema } from "../review/schemas";

/** Approve or reject a whole filtered selection, after its user confirmed the count. */
export const bulkDecideAction = authedAction
  .metadata({ name: "review-bulk-decide", permission: "review:bulk" })
  .inputSchema(BulkDecideSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await bulkDecide(parsedInput, ctx.user.id);
    revalidatePath("/review", "layout");
    revalidatePath("/export");
    return result;
  });
