import type { LaunchJobInput, RunMode } from "@/lib/generation/schemas";
import { REQUEST_DEFAULTS, type ReasoningEffort, type RequestParamsInput } from "@/lib/teacher/schemas";
import { actionErrorMessage } from "../ui/action-result";

/**
 * The request parameters as the inputs hold them, one per parameter of the schema: text (stop
 * sequences one per line), but a checkbox for stream, a menu for the effort, the timeout in seconds.
 */
export type ParamsState = {
  [K in Exclude<keyof RequestParamsInput, "timeoutMs">]-?: K extends "stream"
    ? boolean
    : K extends "reasoningEffort"
      ? "" | ReasoningEffort
      : string;
} & { timeoutSeconds: string };

/** The teacher, how the job runs, and its request parameters: what both launch forms share. */
export type GenerationState = {
  providerId: string;
  concurrency: string;
  maxAttempts: string;
  mode: RunMode;
  params: ParamsState;
};

export function initialGeneration(providerId: string): GenerationState {
  return {
    providerId,
    concurrency: "8",
    maxAttempts: "3",
    mode: "live",
    params: {
      temperature: String(REQUEST_DEFAULTS.temperature),
      maxTokens: String(REQUEST_DEFAULTS.maxTokens),
      topP: "",
      stop: "",
      seed: "",
      reasoningEffort: "",
      thinkingBudget: "",
      stream: REQUEST_DEFAULTS.stream,
      timeoutSeconds: String(REQUEST_DEFAULTS.timeoutMs / 1000),
    },
  };
}

const optionalNumber = (v: string) => (v.trim() === "" ? undefined : Number(v));

/** Stop sequences, one per line; "\n" and "\t" written out stand for a newline and a tab. */
export function parseStopLines(text: string): string[] {
  return text
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => line.replace(/\\n/g, "\n").replace(/\\t/g, "\t"));
}

type GenerationInput = Pick<LaunchJobInput, "providerId" | "concurrency" | "maxAttempts" | "mode"> & {
  params: RequestParamsInput;
};

/** What the server action gets; the server's schema has the last word on every value. */
export function generationInput(s: GenerationState): GenerationInput {
  const p = s.params;
  const timeout = optionalNumber(p.timeoutSeconds);
  return {
    providerId: s.providerId,
    concurrency: Number(s.concurrency),
    maxAttempts: Number(s.maxAttempts),
    mode: s.mode,
    params: {
      temperature: Number(p.temperature),
      maxTokens: Number(p.maxTokens),
      topP: optionalNumber(p.topP),
      stop: parseStopLines(p.stop),
      seed: optionalNumber(p.seed),
      reasoningEffort: p.reasoningEffort || undefined,
      thinkingBudget: optionalNumber(p.thinkingBudget),
      // The checkbox is off for a batch run, whatever it held before the mode changed.
      stream: s.mode === "live" && p.stream,
      timeoutMs: timeout === undefined ? undefined : Math.round(timeout * 1000),
    },
  };
}

/**
 * A failed launch in words. A parameter's error is named by its field, as the other fields'
 * are, not by the `params` group the launch input nests it in.
 */
export function launchErrorMessage(error: Parameters<typeof actionErrorMessage>[0]): string | undefined {
  const errors = error.validationErrors;
  if (!errors || typeof errors !== "object" || !("params" in errors)) return actionErrorMessage(error);
  const lifted = Object.entries(errors).flatMap(([key, value]) => {
    if (key !== "params" || !value || typeof value !== "object") return [[key, value]];
    const { _errors, ...fields } = value as { _errors?: unknown };
    return [...Object.entries(fields), ...(_errors ? [[key, { _errors }]] : [])];
  });
  return actionErrorMessage({ ...error, validationErrors: Object.fromEntries(lifted) });
}
