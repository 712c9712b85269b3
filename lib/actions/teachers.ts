"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "../next";
import { createProvider, deleteProvider, updateProvider } from "../teacher";
import {
  ProviderIdSchema,
  ProviderInputSchema,
  TestConnectionSchema,
  UpdateProviderSchema,
} from "../teacher/schemas";
import { testConnectionFor } from "../teacher";

export const createProviderAction = authedAction
  .metadata({ name: "create-provider", permission: "providers:manage" })
  .inputSchema(ProviderInputSchema)
  .action(async ({ parsedInput, ctx }) => {
    const provider = await createProvider(parsedInput, ctx.user.id);
    revalidatePath("/teachers");
    return provider;
  });

export const updateProviderAction = authedAction
  .metadata({ name: "update-provider", permission: "providers:manage" })
  .inputSchema(UpdateProviderSchema)
  .action(async ({ parsedInput, ctx }) => {
    const provider = await updateProvider(parsedInput, ctx.user.id);
    revalidatePath("/teachers");
    return provider;
  });

export const deleteProviderAction = authedAction
  .metadata({ name: "delete-provider", permission: "providers:manage" })
  .inputSchema(ProviderIdSchema)
  .action(async ({ parsedInput, ctx }) => {
    await deleteProvider(parsedInput.id, ctx.user.id);
    revalidatePath("/teachers");
  });

/** A saved teacher, or the form's unsaved values (with the stored key when editing). */
export const testConnectionAction = authedAction
  .metadata({ name: "test-provider-connection", permission: "providers:manage" })
  .inputSchema(TestConnectionSchema)
  .action(async ({ parsedInput }) => testConnectionFor(parsedInput));
