"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "../next";
import { decide } from "../review";
import { DecideSchema } from "../review/schemas";
import { editTrace, EditTraceSchema } from "../traces";

export const decideAction = authedAction
  .metadata({ name: "review-decide", permission: "review:decide" })
  .inputSchema(DecideSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await decide(parsedInput, ctx.user.id);
    revalidatePath("/review", "layout");
    revalidatePath("/export");
    return result;
  });

// Whoever may judge a trace may correct it (curators and reviewers alike).
export const editTraceAction = authedAction
  .metadata({ name: "trace-edit", permission: "review:decide" })
  .inputSchema(EditTraceSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await editTrace(parsedInput, ctx.user.id);
    revalidatePath("/review", "layout");
    revalidatePath("/export");
    return result;
  });
