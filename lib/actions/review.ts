"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "../next/action-client";
import { decide } from "../review/decide";
import { DecideSchema } from "../review/schemas";

export const decideAction = authedAction
  .metadata({ name: "review-decide", permission: "review:decide" })
  .inputSchema(DecideSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await decide(parsedInput, ctx.user.id);
    revalidatePath("/review", "layout");
    revalidatePath("/export");
    return result;
  });
