/** What went wrong with a next-safe-action call, in words for the person who made it. */
export function actionErrorMessage(result: {
  serverError?: string;
  validationErrors?: unknown;
}): string | undefined {
  if (result.serverError) return result.serverError;
  if (result.validationErrors) return firstValidationMessage(result.validationErrors) ?? "Check the form.";
  return undefined;
}

function firstValidationMessage(errors: unknown): string | undefined {
  if (!errors || typeof errors !== "object") return undefined;
  for (const [key, value] of Object.entries(errors)) {
    if (key === "_errors" && Array.isArray(value) && value.length) return String(value[0]);
    const nested = firstValidationMessage(value);
    if (nested) return key === "_errors" ? nested : `${key}: ${nested}`;
  }
  return undefined;
}
