"use server";

import { revalidatePath } from "next/cache";
import { createMessage, importBank, saveVersion, seedBank, updateMetadata } from "../bank";
import {
  CreateMessageSchema,
  ImportBankSchema,
  SaveVersionSchema,
  UpdateMetadataSchema,
} from "../bank/schemas";
import { authedAction } from "../next";

const refresh = (id?: string) => {
  revalidatePath("/bank");
  if (id) revalidatePath(`/bank/${id}`);
};

export const createMessageAction = authedAction
  .metadata({ name: "create-system-message", permission: "bank:edit" })
  .inputSchema(CreateMessageSchema)
  .action(async ({ parsedInput, ctx }) => {
    const created = await createMessage(parsedInput, ctx.user.id);
    refresh();
    return created;
  });

export const saveVersionAction = authedAction
  .metadata({ name: "save-system-message-version", permission: "bank:edit" })
  .inputSchema(SaveVersionSchema)
  .action(async ({ parsedInput, ctx }) => {
    const saved = await saveVersion(parsedInput, ctx.user.id);
    refresh(parsedInput.messageId);
    return saved;
  });

export const updateMetadataAction = authedAction
  .metadata({ name: "update-system-message", permission: "bank:edit" })
  .inputSchema(UpdateMetadataSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await updateMetadata(parsedInput, ctx.user.id);
    refresh(parsedInput.messageId);
    return result;
  });

export const importBankAction = authedAction
  .metadata({ name: "import-bank", permission: "bank:edit" })
  .inputSchema(ImportBankSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await importBank(parsedInput, ctx.user.id);
    refresh();
    return result;
  });

export const seedBankAction = authedAction
  .metadata({ name: "seed-bank", permission: "bank:edit" })
  .action(async ({ ctx }) => {
    const result = await seedBank(ctx.user.id);
    refresh();
    return result;
  });
