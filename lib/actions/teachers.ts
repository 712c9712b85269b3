"use server";

import { revalidatePath } from "next/cache";
import { returnValidationErrors } from "next-safe-action";
import { authedAction } from "../next";
import {
  createProvider,
  deleteProvider,
  ProviderFieldError,
  testConnectionFor,
  updateProvider,
} from "../teacher";
import {
  ProviderIdSchema,
  ProviderInputSchema,
  TestConnectionSchema,
  UpdateProviderSchema,
} from "../teacher/schemas";

// A refusal of one field (a host off the allowlist, a new endpoint without its key) shows under
// that field, as the schema's own messages do.
async function underField<T>(save: () => Promise<T>): Promise<T> {
  try {
    return await save();
  } catch (error) {
    if (!(error instanceof ProviderFieldError)) throw error;
    const problem = { _errors: [error.message] };
    return returnValidationErrors(
      ProviderInputSchema,
      error.field === "baseUrl" ? { baseUrl: problem } : { apiKey: problem },
    );
  }
}

export const createProviderAction = authedAction
  .metadata({ name: "create-provider", permission: "providers:manage" })
  .inputSchema(ProviderInputSchema)
  .action(async ({ parsedInput, ctx }) => {
    const provider = await underField(() => createProvider(parsedInput, ctx.user.id));
    revalidatePath("/teachers");
    return provider;
  });

export const updateProviderAction = authedAction
  .metadata({ name: "update-provider", permission: "providers:manage" })
  .inputSchema(UpdateProviderSchema)
  .action(async ({ parsedInput, ctx }) => {
    const provider = await underField(() => updateProvider(parsedInput, ctx.user.id));
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

/** A saved teacher, or the form's unsaved values (the stored key only for the saved endpoint). */
export const testConnectionAction = authedAction
  .metadata({ name: "test-provider-connection", permission: "providers:manage" })
  .inputSchema(TestConnectionSchema)
  .action(async ({ parsedInput, ctx }) => testConnectionFor(parsedInput, ctx.user.id));
