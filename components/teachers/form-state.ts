import type { ProviderSummary } from "@/lib/teacher";
import { PROVIDER_PRESETS } from "@/lib/teacher/presets";
import type { ProviderFormValues, ProviderKind } from "@/lib/teacher/schemas";

// The add/edit form keeps strings (as inputs do) and converts them on submit.
export type FormState = {
  preset: string;
  name: string;
  kind: ProviderKind;
  baseUrl: string;
  model: string;
  apiKey: string;
  inputPrice: string;
  outputPrice: string;
  maxConcurrency: string;
  requestsPerMinute: string;
  tokensPerMinute: string;
};

export function initialState(editing?: ProviderSummary): FormState {
  if (!editing) {
    const first = PROVIDER_PRESETS[0]!;
    return {
      preset: first.id,
      name: "",
      kind: first.kind,
      baseUrl: first.baseUrl,
      model: "",
      apiKey: "",
      inputPrice: "",
      outputPrice: "",
      maxConcurrency: "",
      requestsPerMinute: "",
      tokensPerMinute: "",
    };
  }
  const preset = PROVIDER_PRESETS.find(
    (p) => p.kind === editing.kind && p.baseUrl === (editing.baseUrl ?? ""),
  );
  return {
    preset: preset?.id ?? "custom",
    name: editing.name,
    kind: editing.kind,
    baseUrl: editing.baseUrl ?? "",
    model: editing.model,
    apiKey: "",
    inputPrice: editing.inputPricePerMTok?.toString() ?? "",
    outputPrice: editing.outputPricePerMTok?.toString() ?? "",
    maxConcurrency: editing.maxConcurrency?.toString() ?? "",
    requestsPerMinute: editing.requestsPerMinute?.toString() ?? "",
    tokensPerMinute: editing.tokensPerMinute?.toString() ?? "",
  };
}

export type FieldErrors = Record<string, { _errors?: string[] } | undefined>;

const number = (text: string) => (text.trim() === "" ? null : Number(text));

export function toInput(s: FormState): ProviderFormValues {
  return {
    name: s.name,
    kind: s.kind,
    baseUrl: s.baseUrl,
    model: s.model,
    apiKey: s.apiKey,
    inputPricePerMTok: number(s.inputPrice),
    outputPricePerMTok: number(s.outputPrice),
    maxConcurrency: number(s.maxConcurrency),
    requestsPerMinute: number(s.requestsPerMinute),
    tokensPerMinute: number(s.tokensPerMinute),
  };
}
