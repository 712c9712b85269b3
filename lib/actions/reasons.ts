"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "../next";
import { createRejectReason, updateRejectReason } from "../review";
import { CreateReasonSchema, UpdateReasonSchema } from "../review/schemas";

export const createReasonAction = authedAction
  .metadata({ name: "reject-reason-create", permission: "reasons:manage" })
  .inputSchema(CreateReasonSchema)
  .action(async ({ parsedInput, ctx }) => {
    const created = await createRejectReason(parsedInput, ctx.user.id);
    revalidatePath("/reasons");
    return created;
  });

export const updateReasonAction = authedAction
  .metadata({ name: "reject-reason-update", permission: "reasons:manage" })
  .inputSchema(UpdateReasonSchema)
  .action(async ({ parsedInput, ctx }) => {
    const updated = await updateRejectReason(parsedInput, ctx.user.id);
    revalidatePath("/reasons");
    return updated;
  });
