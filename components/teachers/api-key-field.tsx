"use client";

import { KEY_STAYS_WITH_ENDPOINT, sameEndpoint } from "@/lib/teacher/base-url";
import type { ProviderSummary } from "@/lib/teacher";
import type { ProviderKind } from "@/lib/teacher/schemas";
import { Field, Input } from "../ui/field";

/**
 * The key field and, for a saved teacher with a key, "Remove the stored key". When the kind or
 * base URL typed differ from the saved ones, it says that the stored key will not go there.
 */
export function ApiKeyField({
  id,
  editing,
  endpoint,
  value,
  removeKey,
  error,
  onChange,
  onRemoveKey,
}: {
  id: string;
  editing?: ProviderSummary;
  endpoint: { kind: ProviderKind; baseUrl: string };
  value: string;
  removeKey: boolean;
  error?: string;
  onChange: (value: string) => void;
  onRemoveKey: (remove: boolean) => void;
}) {
  const stored = editing?.hasApiKey ?? false;
  const moved = stored && !sameEndpoint(endpoint, editing!);
  const hint = !stored ? (
    "Optional for local servers. Stored encrypted; never shown again."
  ) : moved && !value.trim() && !removeKey ? (
    <span className="text-amber-700" data-testid="key-needed">
      {KEY_STAYS_WITH_ENDPOINT}
    </span>
  ) : moved ? (
    "The stored key is only sent to the endpoint it was saved with: this one gets the key typed here."
  ) : (
    "A key is stored. Leave blank to keep it."
  );
  return (
    <>
      <Field label="API key" error={error} htmlFor={`${id}-api-key`} hint={hint}>
        <Input
          id={`${id}-api-key`}
          type="password"
          autoComplete="off"
          value={value}
          disabled={removeKey}
          onChange={(e) => onChange(e.target.value)}
        />
      </Field>
      {stored && (
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input type="checkbox" checked={removeKey} onChange={(e) => onRemoveKey(e.target.checked)} />
          Remove the stored key
        </label>
      )}
    </>
  );
}
