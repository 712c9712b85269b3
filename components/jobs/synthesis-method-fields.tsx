"use client";

import type { EvolOperation } from "@/lib/generation/synthesis/evol-operations";
import { EVOL_OPERATION_NAMES, EVOL_OPERATIONS } from "@/lib/generation/synthesis/evol-operations";
import { Field, Input, Textarea } from "../ui/field";
import { formatCount } from "../ui/format";
import { PromptSetSelect, type PromptSetOption } from "./prompt-set-select";

export type TopicState = { topics: string; template: string; promptsPerTopic: string; category: string };

const TOPICS_PLACEHOLDER = "Physics\n  Optics\n  Mechanics\nHistory > Ancient Rome\nStatistics";

/** Topic-graph fields: the topics (list or tree), the instruction template, N per topic. */
export function TopicFields({
  value,
  onChange,
  leaves,
}: {
  value: TopicState;
  onChange: (next: TopicState) => void;
  leaves: string[];
}) {
  const set = (key: keyof TopicState, v: string) => onChange({ ...value, [key]: v });
  return (
    <>
      <Field
        label="Topics"
        htmlFor="synthesis-topics"
        hint="One per line. Indent a line (or write “Parent > Child”) to make it a subtopic; only the innermost topics generate prompts."
      >
        <Textarea
          id="synthesis-topics"
          rows={8}
          placeholder={TOPICS_PLACEHOLDER}
          value={value.topics}
          onChange={(e) => set("topics", e.target.value)}
        />
      </Field>
      <p className="text-xs text-slate-600" data-testid="topic-count">
        {leaves.length === 0
          ? "No topics yet."
          : `${formatCount(leaves.length)} topic${leaves.length === 1 ? "" : "s"}: ${leaves.slice(0, 4).join(" · ")}${leaves.length > 4 ? " · …" : ""}`}
      </p>
      <Field
        label="Instruction template"
        htmlFor="synthesis-template"
        hint="{topic} becomes each topic and {n} the number of prompts. Ask for a JSON array or a numbered list."
      >
        <Textarea
          id="synthesis-template"
          rows={7}
          value={value.template}
          onChange={(e) => set("template", e.target.value)}
        />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Prompts per topic" htmlFor="synthesis-per-topic">
          <Input
            id="synthesis-per-topic"
            type="number"
            min={1}
            max={50}
            required
            value={value.promptsPerTopic}
            onChange={(e) => set("promptsPerTopic", e.target.value)}
          />
        </Field>
        <Field label="Category" htmlFor="synthesis-category" hint="Blank: each prompt's top-level topic.">
          <Input
            id="synthesis-category"
            maxLength={200}
            value={value.category}
            onChange={(e) => set("category", e.target.value)}
          />
        </Field>
      </div>
    </>
  );
}

/** Evol-Instruct fields: the set to evolve and the operations applied to each of its prompts. */
export function EvolFields({
  sets,
  sourceSetId,
  onSourceChange,
  operations,
  onOperationsChange,
}: {
  sets: PromptSetOption[];
  sourceSetId: string;
  onSourceChange: (id: string) => void;
  operations: Set<EvolOperation>;
  onOperationsChange: (next: Set<EvolOperation>) => void;
}) {
  const toggle = (op: EvolOperation) => {
    const next = new Set(operations);
    if (next.has(op)) next.delete(op);
    else next.add(op);
    onOperationsChange(next);
  };
  return (
    <>
      <Field label="Source prompt set" htmlFor="synthesis-source">
        <PromptSetSelect
          id="synthesis-source"
          sets={sets}
          value={sourceSetId}
          onChange={onSourceChange}
          placeholder="Choose the prompts to evolve"
        />
      </Field>
      <fieldset className="space-y-1.5">
        <legend className="mb-1 text-sm font-medium text-slate-700">
          Operations (one new prompt each, per source prompt)
        </legend>
        {EVOL_OPERATION_NAMES.map((op) => (
          <label key={op} className="flex items-start gap-2 text-sm text-slate-700">
            <input
              type="checkbox"
              className="mt-0.5 size-4 accent-indigo-600"
              checked={operations.has(op)}
              onChange={() => toggle(op)}
            />
            <span>
              <span className="font-medium">{EVOL_OPERATIONS[op].label}</span>{" "}
              <span className="text-xs text-slate-500">
                ({EVOL_OPERATIONS[op].kind}) {EVOL_OPERATIONS[op].description}
              </span>
            </span>
          </label>
        ))}
      </fieldset>
    </>
  );
}
