"use client";

import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { createProviderAction, updateProviderAction } from "@/lib/actions/teachers";
import type { ProviderSummary } from "@/lib/teacher";
import { DEFAULT_BASE_URLS } from "@/lib/teacher/base-url";
import { PROVIDER_PRESETS } from "@/lib/teacher/presets";
import { ProviderKindSchema } from "@/lib/teacher/schemas";
import { actionErrorMessage } from "../ui/action-result";
import { Button } from "../ui/button";
import { Field, Input, Select } from "../ui/field";
import { toast } from "../ui/toast";
import { ApiKeyField } from "./api-key-field";
import { ConnectionResultNotice } from "./connection-result";
import { KIND_LABELS } from "./format";
import { initialState, toInput, type FieldErrors, type FormState } from "./form-state";
import { useConnectionTest } from "./use-connection-test";

/** Adds a teacher, or edits one (a blank key keeps the stored key, for the same endpoint). */
export function ProviderForm({ editing, onDone }: { editing?: ProviderSummary; onDone?: () => void }) {
  const router = useRouter();
  const [state, setState] = useState(() => initialState(editing));
  const [removeKey, setRemoveKey] = useState(false);
  const connection = useConnectionTest();
  const set = (patch: Partial<FormState>) => {
    setState((s) => ({ ...s, ...patch }));
    connection.clear("form");
  };
  // Field problems show under their fields; anything else as a toast.
  const onError = ({ error }: { error: Parameters<typeof actionErrorMessage>[0] }) => {
    if (!error.validationErrors) toast.error(actionErrorMessage(error) ?? "Could not save the teacher.");
  };
  const create = useAction(createProviderAction, {
    onSuccess: ({ data }) => {
      toast.success(`Teacher "${data?.name}" added.`);
      setState(initialState());
      connection.clear("form");
      router.refresh();
    },
    onError,
  });
  const update = useAction(updateProviderAction, {
    onSuccess: ({ data }) => {
      toast.success(`Teacher "${data?.name}" saved.`);
      router.refresh();
      onDone?.();
    },
    onError,
  });
  const preset = PROVIDER_PRESETS.find((p) => p.id === state.preset);
  const invalid = (editing ? update : create).result.validationErrors as FieldErrors | undefined;
  const problem = (field: string) => invalid?.[field]?._errors?.[0];
  const id = editing ? `edit-${editing.id}` : "new";

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (editing) update.execute({ ...toInput(state), id: editing.id, removeKey });
    else create.execute(toInput(state));
  };
  const test = () => {
    const { kind, baseUrl, model, apiKey } = toInput(state);
    void connection.run("form", {
      providerId: editing?.id,
      config: { kind, baseUrl, model, apiKey },
      removeKey,
    });
  };

  return (
    <form className="space-y-3" onSubmit={submit}>
      <Field label="Preset" htmlFor={`${id}-preset`} hint="Fills in the kind and base URL.">
        <Select
          id={`${id}-preset`}
          value={state.preset}
          onChange={(e) => {
            const next = PROVIDER_PRESETS.find((p) => p.id === e.target.value);
            if (!next) return;
            set(
              next.id === "custom"
                ? { preset: next.id }
                : { preset: next.id, kind: next.kind, baseUrl: next.baseUrl },
            );
          }}
        >
          {PROVIDER_PRESETS.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Name" error={problem("name")} htmlFor={`${id}-name`}>
        <Input
          id={`${id}-name`}
          value={state.name}
          onChange={(e) => set({ name: e.target.value })}
          required
        />
      </Field>
      <Field label="Kind" error={problem("kind")} htmlFor={`${id}-kind`}>
        <Select
          id={`${id}-kind`}
          value={state.kind}
          onChange={(e) => set({ kind: ProviderKindSchema.parse(e.target.value), preset: "custom" })}
        >
          {ProviderKindSchema.options.map((k) => (
            <option key={k} value={k}>
              {KIND_LABELS[k]}
            </option>
          ))}
        </Select>
      </Field>
      <Field
        label="Base URL"
        error={problem("baseUrl")}
        htmlFor={`${id}-base-url`}
        hint={
          editing?.hasApiKey
            ? "Leave empty for the provider's default endpoint. A new base URL needs its API key again."
            : "Leave empty for the provider's default endpoint."
        }
      >
        <Input
          id={`${id}-base-url`}
          value={state.baseUrl}
          placeholder={DEFAULT_BASE_URLS[state.kind]}
          onChange={(e) => set({ baseUrl: e.target.value, preset: "custom" })}
        />
      </Field>
      <Field label="Model" error={problem("model")} htmlFor={`${id}-model`} hint={preset?.hint}>
        <Input
          id={`${id}-model`}
          value={state.model}
          onChange={(e) => set({ model: e.target.value })}
          required
        />
      </Field>
      <ApiKeyField
        id={id}
        editing={editing}
        endpoint={{ kind: state.kind, baseUrl: state.baseUrl }}
        value={state.apiKey}
        removeKey={removeKey}
        error={problem("apiKey")}
        onChange={(apiKey) => set({ apiKey })}
        onRemoveKey={(remove) => {
          setRemoveKey(remove);
          connection.clear("form");
        }}
      />
      <div className="grid grid-cols-2 gap-3">
        <Field
          label="Input price"
          error={problem("inputPricePerMTok")}
          htmlFor={`${id}-input-price`}
          hint="$ per 1M tokens"
        >
          <Input
            id={`${id}-input-price`}
            type="number"
            min={0}
            step="any"
            value={state.inputPrice}
            onChange={(e) => set({ inputPrice: e.target.value })}
          />
        </Field>
        <Field
          label="Output price"
          error={problem("outputPricePerMTok")}
          htmlFor={`${id}-output-price`}
          hint="$ per 1M tokens"
        >
          <Input
            id={`${id}-output-price`}
            type="number"
            min={0}
            step="any"
            value={state.outputPrice}
            onChange={(e) => set({ outputPrice: e.target.value })}
          />
        </Field>
      </div>
      <div className="grid grid-cols-3 gap-3">
        <Field
          label="Max concurrency"
          error={problem("maxConcurrency")}
          htmlFor={`${id}-max-concurrency`}
          hint="requests at once"
        >
          <Input
            id={`${id}-max-concurrency`}
            type="number"
            min={1}
            step={1}
            value={state.maxConcurrency}
            onChange={(e) => set({ maxConcurrency: e.target.value })}
          />
        </Field>
        <Field
          label="Requests per minute"
          error={problem("requestsPerMinute")}
          htmlFor={`${id}-rpm`}
          hint="empty: no limit"
        >
          <Input
            id={`${id}-rpm`}
            type="number"
            min={1}
            step={1}
            value={state.requestsPerMinute}
            onChange={(e) => set({ requestsPerMinute: e.target.value })}
          />
        </Field>
        <Field
          label="Tokens per minute"
          error={problem("tokensPerMinute")}
          htmlFor={`${id}-tpm`}
          hint="input + output"
        >
          <Input
            id={`${id}-tpm`}
            type="number"
            min={1}
            step={1}
            value={state.tokensPerMinute}
            onChange={(e) => set({ tokensPerMinute: e.target.value })}
          />
        </Field>
      </div>
      <p className="text-xs text-slate-500">
        Limits are shared by every job and worker using this teacher; set them to your account&apos;s rate
        limits to avoid 429s.
      </p>
      <div className="flex flex-wrap gap-2 pt-1">
        <Button type="submit" disabled={create.isPending || update.isPending}>
          {editing ? "Save changes" : "Add teacher"}
        </Button>
        <Button
          variant="secondary"
          onClick={test}
          disabled={connection.testing === "form" || !state.model.trim()}
        >
          {connection.testing === "form" ? "Testing..." : "Test connection"}
        </Button>
        {editing && (
          <Button variant="ghost" onClick={onDone}>
            Cancel
          </Button>
        )}
      </div>
      {connection.results.form && <ConnectionResultNotice result={connection.results.form} />}
    </form>
  );
}
