"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "../next";
import { cancelImport } from "../prompts";
import { createPromptSet, deletePromptSet, updatePromptSet } from "../prompts";
import {
  CreatePromptSetSchema,
  DeletePromptSetSchema,
  ImportRefSchema,
  UpdatePromptSetSchema,
} from "../prompts/schemas";

export const createPromptSetAction = authedAction
  .metadata({ name: "create-prompt-set", permission: "prompts:import" })
  .inputSchema(CreatePromptSetSchema)
  .action(async ({ parsedInput, ctx }) => {
    const set = await createPromptSet(parsedInput, ctx.user.id);
    revalidatePath("/prompts");
    return set;
  });

export const updatePromptSetAction = authedAction
  .metadata({ name: "update-prompt-set", permission: "prompts:import" })
  .inputSchema(UpdatePromptSetSchema)
  .action(async ({ parsedInput, ctx }) => {
    await updatePromptSet(parsedInput, ctx.user.id);
    revalidatePath("/prompts");
    revalidatePath(`/prompts/${parsedInput.id}`);
  });

export const deletePromptSetAction = authedAction
  .metadata({ name: "delete-prompt-set", permission: "prompts:import" })
  .inputSchema(DeletePromptSetSchema)
  .action(async ({ parsedInput, ctx }) => {
    const deletion = await deletePromptSet(parsedInput, ctx.user.id);
    revalidatePath("/prompts");
    if (deletion.jobId) revalidatePath("/jobs");
    return deletion;
  });

export const cancelImportAction = authedAction
  .metadata({ name: "cancel-import", permission: "prompts:import" })
  .inputSchema(ImportRefSchema)
  .action(async ({ parsedInput, ctx }) => {
    await cancelImport(parsedInput.importId, ctx.user.id);
    revalidatePath("/jobs");
  });
