"use client";

import { MAX_SEED } from "@/lib/generation/schemas";
import { Field, Input, Select, Textarea } from "../ui/field";
import type { GenerationState } from "./generation-state";

export type TeacherOption = { id: string; name: string; model: string; hasApiKey: boolean };

type NumberKey = "temperature" | "maxTokens" | "concurrency" | "maxAttempts";

/** The teacher, its main request parameters, and the advanced ones folded away. */
export function GenerationFields({
  value,
  onChange,
  teachers,
  children,
}: {
  value: GenerationState;
  onChange: (next: GenerationState) => void;
  teachers: TeacherOption[];
  /** Fields shown between the main numbers and the advanced ones (e.g. samples per prompt). */
  children?: React.ReactNode;
}) {
  const set = <K extends keyof GenerationState>(key: K, v: GenerationState[K]) =>
    onChange({ ...value, [key]: v });
  const number = (key: NumberKey, label: string, props: { min: number; max: number; step?: number }) => (
    <Field label={label} htmlFor={`job-${key}`}>
      <Input
        id={`job-${key}`}
        type="number"
        required
        {...props}
        value={value[key]}
        onChange={(e) => set(key, e.target.value)}
      />
    </Field>
  );
  return (
    <>
      <Field label="Teacher" htmlFor="job-teacher">
        <Select
          id="job-teacher"
          required
          value={value.providerId}
          onChange={(e) => set("providerId", e.target.value)}
        >
          <option value="" disabled>
            Choose a teacher
          </option>
          {teachers.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name} ({t.model}){t.hasApiKey ? "" : " · no API key"}
            </option>
          ))}
        </Select>
      </Field>
      <div className="grid grid-cols-2 gap-4">
        {number("temperature", "Temperature", { min: 0, max: 2, step: 0.05 })}
        {number("maxTokens", "Max tokens", { min: 1, max: 32_768 })}
        {children}
        {number("concurrency", "Concurrency", { min: 1, max: 64 })}
        {number("maxAttempts", "Max attempts", { min: 1, max: 10 })}
      </div>
      <Field
        label="Run mode"
        htmlFor="job-mode"
        hint="Batch: the provider's batch API, half price, may take up to a day."
      >
        <Select
          id="job-mode"
          value={value.mode}
          onChange={(e) => set("mode", e.target.value as GenerationState["mode"])}
        >
          <option value="live">Live (one request per item)</option>
          <option value="batch">Batch (half price, slow)</option>
        </Select>
      </Field>
      <details className="rounded-md border border-slate-200">
        <summary className="cursor-pointer px-3 py-2 text-sm font-medium text-slate-700">
          Advanced request options
        </summary>
        <div className="grid grid-cols-2 gap-4 border-t border-slate-100 p-3">
          <Field label="Top P" htmlFor="job-top-p" hint="Blank: the provider's default.">
            <Input
              id="job-top-p"
              type="number"
              min={0.01}
              max={1}
              step={0.01}
              value={value.topP}
              onChange={(e) => set("topP", e.target.value)}
            />
          </Field>
          <Field
            label="Provider seed"
            htmlFor="job-provider-seed"
            hint="Sent to the teacher, where it takes one."
          >
            <Input
              id="job-provider-seed"
              type="number"
              min={0}
              max={MAX_SEED}
              value={value.providerSeed}
              onChange={(e) => set("providerSeed", e.target.value)}
            />
          </Field>
          <Field label="Reasoning effort" htmlFor="job-reasoning-effort" hint="Reasoning models only.">
            <Select
              id="job-reasoning-effort"
              value={value.reasoningEffort}
              onChange={(e) => set("reasoningEffort", e.target.value as GenerationState["reasoningEffort"])}
            >
              <option value="">Default</option>
              <option value="low">Low</option>
              <option value="medium">Medium</option>
              <option value="high">High</option>
            </Select>
          </Field>
          <Field
            label="Thinking budget"
            htmlFor="job-thinking-budget"
            hint="Anthropic: tokens, ≥ 1,024 and below max tokens."
          >
            <Input
              id="job-thinking-budget"
              type="number"
              min={1024}
              max={131_072}
              value={value.thinkingBudget}
              onChange={(e) => set("thinkingBudget", e.target.value)}
            />
          </Field>
          <Field label="Timeout (seconds)" htmlFor="job-timeout" hint="Per request.">
            <Input
              id="job-timeout"
              type="number"
              min={1}
              max={3600}
              value={value.timeoutSeconds}
              onChange={(e) => set("timeoutSeconds", e.target.value)}
            />
          </Field>
          <label className="flex items-center gap-2 self-center text-sm text-slate-700">
            <input
              type="checkbox"
              className="size-4 accent-indigo-600"
              checked={value.mode === "live" && value.stream}
              disabled={value.mode === "batch"}
              onChange={(e) => set("stream", e.target.checked)}
            />
            Stream responses
          </label>
          <div className="col-span-2">
            <Field
              label="Stop sequences"
              htmlFor="job-stop"
              hint={
                value.reasoningEffort && value.stop.trim()
                  ? "Up to 4, one per line. OpenAI's reasoning models (o-series, GPT-5) refuse stop sequences; leave this empty for them."
                  : "Up to 4, one per line; write \\n for a newline."
              }
            >
              <Textarea
                id="job-stop"
                rows={2}
                value={value.stop}
                onChange={(e) => set("stop", e.target.value)}
              />
            </Field>
          </div>
        </div>
      </details>
    </>
  );
}
