import type { LaunchJobInput, ReasoningEffort, RunMode } from "@/lib/generation/schemas";

/** The teacher and request fields both launch forms share, as the inputs hold them (strings). */
export type GenerationState = {
  providerId: string;
  temperature: string;
  maxTokens: string;
  concurrency: string;
  maxAttempts: string;
  topP: string;
  stop: string;
  providerSeed: string;
  reasoningEffort: "" | ReasoningEffort;
  thinkingBudget: string;
  stream: boolean;
  timeoutSeconds: string;
  mode: RunMode;
};

export function initialGeneration(providerId: string): GenerationState {
  return {
    providerId,
    temperature: "0.7",
    maxTokens: "1024",
    concurrency: "8",
    maxAttempts: "3",
    topP: "",
    stop: "",
    providerSeed: "",
    reasoningEffort: "",
    thinkingBudget: "",
    stream: false,
    timeoutSeconds: "180",
    mode: "live",
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

type GenerationInput = Pick<
  LaunchJobInput,
  | "providerId"
  | "temperature"
  | "maxTokens"
  | "concurrency"
  | "maxAttempts"
  | "topP"
  | "stop"
  | "providerSeed"
  | "reasoningEffort"
  | "thinkingBudget"
  | "stream"
  | "timeoutMs"
  | "mode"
>;

/** What the server action gets; the server's schema has the last word on every value. */
export function generationInput(s: GenerationState): GenerationInput {
  const timeout = optionalNumber(s.timeoutSeconds);
  return {
    providerId: s.providerId,
    temperature: Number(s.temperature),
    maxTokens: Number(s.maxTokens),
    concurrency: Number(s.concurrency),
    maxAttempts: Number(s.maxAttempts),
    topP: optionalNumber(s.topP),
    stop: parseStopLines(s.stop),
    providerSeed: optionalNumber(s.providerSeed),
    reasoningEffort: s.reasoningEffort || undefined,
    thinkingBudget: optionalNumber(s.thinkingBudget),
    stream: s.mode === "live" && s.stream,
    timeoutMs: timeout === undefined ? undefined : Math.round(timeout * 1000),
    mode: s.mode,
  };
}
