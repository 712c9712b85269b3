import { toast } from "./toast";

/** What went wrong with a next-safe-action call, in words for the person who made it. */
export function actionErrorMessage(result: {
  serverError?: string;
  validationErrors?: unknown;
}): string | undefined {
  if (result.serverError) return result.serverError;
  if (result.validationErrors) return firstValidationMessage(result.validationErrors) ?? "Check the form.";
  return undefined;
}

/** A useAction onError that toasts what went wrong, or `fallback` when the action cannot say. */
export const toastActionError =
  (fallback: string) =>
  ({ error }: { error: Parameters<typeof actionErrorMessage>[0] }) =>
    toast.error(actionErrorMessage(error) ?? fallback);

function firstValidationMessage(errors: unknown): string | undefined {
  if (!errors || typeof errors !== "object") return undefined;
  for (const [key, value] of Object.entries(errors)) {
    if (key === "_errors" && Array.isArray(value) && value.length) return String(value[0]);
    const nested = firstValidationMessage(value);
    if (nested) return key === "_errors" ? nested : `${key}: ${nested}`;
  }
  return undefined;
}
