"use client";

import { MAX_SEED } from "@/lib/teacher/schemas";
import { Field, Input, Select, Textarea } from "../ui/field";
import type { GenerationState, ParamsState } from "./generation-state";

export type TeacherOption = { id: string; name: string; model: string; hasApiKey: boolean };

type Range = { min: number; max: number; step?: number };

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
  const params = value.params;
  const setParam = <K extends keyof ParamsState>(key: K, v: ParamsState[K]) =>
    set("params", { ...params, [key]: v });
  const number = (id: string, label: string, v: string, change: (v: string) => void, range: Range) => (
    <Field label={label} htmlFor={`job-${id}`}>
      <Input
        id={`job-${id}`}
        type="number"
        required
        {...range}
        value={v}
        onChange={(e) => change(e.target.value)}
      />
    </Field>
  );
  const runNumber = (key: "concurrency" | "maxAttempts", label: string, range: Range) =>
    number(key, label, value[key], (v) => set(key, v), range);
  const paramNumber = (key: "temperature" | "maxTokens", label: string, range: Range) =>
    number(key, label, params[key], (v) => setParam(key, v), range);
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
        {paramNumber("temperature", "Temperature", { min: 0, max: 2, step: 0.05 })}
        {paramNumber("maxTokens", "Max tokens", { min: 1, max: 32_768 })}
        {children}
        {runNumber("concurrency", "Concurrency", { min: 1, max: 64 })}
        {runNumber("maxAttempts", "Max attempts", { min: 1, max: 10 })}
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
              value={params.topP}
              onChange={(e) => setParam("topP", e.target.value)}
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
              value={params.seed}
              onChange={(e) => setParam("seed", e.target.value)}
            />
          </Field>
          <Field label="Reasoning effort" htmlFor="job-reasoning-effort" hint="Reasoning models only.">
            <Select
              id="job-reasoning-effort"
              value={params.reasoningEffort}
              onChange={(e) => setParam("reasoningEffort", e.target.value as ParamsState["reasoningEffort"])}
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
              value={params.thinkingBudget}
              onChange={(e) => setParam("thinkingBudget", e.target.value)}
            />
          </Field>
          <Field label="Timeout (seconds)" htmlFor="job-timeout" hint="Per request.">
            <Input
              id="job-timeout"
              type="number"
              min={1}
              max={3600}
              value={params.timeoutSeconds}
              onChange={(e) => setParam("timeoutSeconds", e.target.value)}
            />
          </Field>
          <label className="flex items-center gap-2 self-center text-sm text-slate-700">
            <input
              type="checkbox"
              className="size-4 accent-indigo-600"
              checked={value.mode === "live" && params.stream}
              disabled={value.mode === "batch"}
              onChange={(e) => setParam("stream", e.target.checked)}
            />
            Stream responses
          </label>
          <div className="col-span-2">
            <Field
              label="Stop sequences"
              htmlFor="job-stop"
              hint={
                params.reasoningEffort && params.stop.trim()
                  ? "Up to 4, one per line. OpenAI's reasoning models (o-series, GPT-5) refuse stop sequences; leave this empty for them."
                  : "Up to 4, one per line; write \\n for a newline."
              }
            >
              <Textarea
                id="job-stop"
                rows={2}
                value={params.stop}
                onChange={(e) => setParam("stop", e.target.value)}
              />
            </Field>
          </div>
        </div>
      </details>
    </>
  );
}
