"use client";

import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { launchJobAction } from "@/lib/actions/jobs";
import {
  DEFAULT_ERASED_SYSTEM_PROMPT,
  MAX_SEED,
  type CategoryMap,
  type SelectionMode,
} from "@/lib/generation/schemas";
import { usesReasoning } from "@/lib/teacher/schemas";
import { Button } from "../ui/button";
import { Card, CardBody } from "../ui/card";
import { Field, Input, Select, Textarea } from "../ui/field";
import { formatCount } from "../ui/format";
import { Notice } from "../ui/notice";
import { toast } from "../ui/toast";
import { CategoryMapEditor, type CategoryOption } from "./category-map-editor";
import { EstimatePanel } from "./estimate-panel";
import { PromptSetSelect, type PromptSetOption } from "./prompt-set-select";
import { GenerationFields, type TeacherOption } from "./generation-fields";
import { newLaunchKey } from "./launch-key";
import { generationInput, initialGeneration, launchErrorMessage } from "./generation-state";
import { MessageChecklist, type MessageOption } from "./message-checklist";

export type { TeacherOption } from "./generation-fields";
export type LaunchSetOption = PromptSetOption & { categories: CategoryOption[] };

const SELECTION_HINTS: Record<SelectionMode, string> = {
  weighted: "Weighted follows each message's weight.",
  uniform: "Uniform gives every message the same chance.",
  category: "Category: choose the messages each prompt category may use.",
};

export function LaunchForm({
  promptSets,
  messages,
  teachers,
  seed: initialSeed,
}: {
  promptSets: LaunchSetOption[];
  messages: MessageOption[];
  teachers: TeacherOption[];
  seed: number;
}) {
  const router = useRouter();
  const [name, setName] = useState("");
  const [promptSetId, setPromptSetId] = useState(promptSets.find((s) => s.promptCount > 0)?.id ?? "");
  const [checked, setChecked] = useState(() => new Set(messages.map((m) => m.messageId)));
  const [selection, setSelection] = useState<SelectionMode>("weighted");
  const [categoryMap, setCategoryMap] = useState<CategoryMap>({});
  const [seed, setSeed] = useState(String(initialSeed));
  const [samplesPerPrompt, setSamples] = useState("1");
  const [cautiousChecked, setCautious] = useState(false);
  const [erased, setErased] = useState(DEFAULT_ERASED_SYSTEM_PROMPT);
  const [generation, setGeneration] = useState(() => initialGeneration(teachers[0]?.id ?? ""));
  const [error, setError] = useState<string>();
  // One key per launch: a double submit or a retried request returns the same job.
  const [launchKey, setLaunchKey] = useState(newLaunchKey);
  const launch = useAction(launchJobAction, {
    onSuccess: ({ data }) => {
      if (!data) return;
      setLaunchKey(newLaunchKey());
      toast.success("Job launched.");
      router.push(`/jobs/${data.jobId}`);
    },
    onError: ({ error }) => setError(launchErrorMessage(error) ?? "The job could not be launched."),
  });

  const set = promptSets.find((s) => s.id === promptSetId);
  const cautious = cautiousChecked && generation.mode === "live";
  const chosen = messages.filter((m) => checked.has(m.messageId));
  // Only entries for messages still checked are sent.
  const liveMap = Object.fromEntries(
    Object.entries(categoryMap)
      .map(([k, ids]) => [k, ids.filter((id) => checked.has(id))] as const)
      .filter(([, ids]) => ids.length > 0),
  );
  const samples = Number(samplesPerPrompt);
  const calls = cautious ? 2 : 1;
  const items = set && Number.isInteger(samples) && samples > 0 ? set.promptCount * samples : 0;
  const estimateQuery =
    set && generation.providerId && items > 0
      ? {
          providerId: generation.providerId,
          promptSetId: set.id,
          messageIds: [...checked].join(","),
          selection,
          samplesPerPrompt: String(samples),
          maxTokens: generation.params.maxTokens,
          cautious: cautious ? "1" : "0",
          reasoning: usesReasoning(generationInput(generation).params) ? "1" : "0",
          mode: generation.mode,
        }
      : null;

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setError(undefined);
    launch.execute({
      ...generationInput(generation),
      launchKey,
      name: name.trim() || undefined,
      promptSetId,
      systemMessageIds: [...checked],
      selection,
      categoryMap: selection === "category" ? liveMap : undefined,
      seed: Number(seed),
      samplesPerPrompt: samples,
      cautious,
      erasedSystemPrompt: cautious ? erased : undefined,
    });
  };

  return (
    <form onSubmit={submit} className="grid gap-6 lg:grid-cols-3">
      <Card className="min-w-0 lg:col-span-2">
        <CardBody className="space-y-5">
          <Field label="Name" htmlFor="job-name" hint="Leave empty for “set × model date”.">
            <Input id="job-name" value={name} maxLength={200} onChange={(e) => setName(e.target.value)} />
          </Field>
          <Field label="Prompt set" htmlFor="job-prompt-set">
            <PromptSetSelect
              id="job-prompt-set"
              sets={promptSets}
              value={promptSetId}
              onChange={setPromptSetId}
              placeholder="Choose a prompt set"
            />
          </Field>
          <MessageChecklist messages={messages} checked={checked} onChange={setChecked} />
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label="Selection" htmlFor="job-selection" hint={SELECTION_HINTS[selection]}>
              <Select
                id="job-selection"
                value={selection}
                onChange={(e) => setSelection(e.target.value as SelectionMode)}
              >
                <option value="weighted">Weighted</option>
                <option value="uniform">Uniform</option>
                <option value="category">By prompt category</option>
              </Select>
            </Field>
            <Field label="Seed" htmlFor="job-seed" hint="The same seed reproduces the same assignment.">
              <Input
                id="job-seed"
                type="number"
                min={0}
                max={MAX_SEED}
                required
                value={seed}
                onChange={(e) => setSeed(e.target.value)}
              />
            </Field>
          </div>
          {selection === "category" && (
            <CategoryMapEditor
              categories={set?.categories ?? []}
              messages={chosen}
              value={liveMap}
              onChange={setCategoryMap}
            />
          )}
          <fieldset className="space-y-3 rounded-md border border-slate-200 p-3">
            <label className="flex items-start gap-2 text-sm text-slate-700">
              <input
                type="checkbox"
                className="mt-0.5 size-4 accent-indigo-600"
                checked={cautious}
                disabled={generation.mode === "batch"}
                onChange={(e) => setCautious(e.target.checked)}
              />
              <span>
                <span className="font-medium">Cautious reasoning</span> (Orca 2): the teacher first picks the
                strategy that fits each prompt among the checked messages, then answers under it. Two calls
                per item; live runs only.
              </span>
            </label>
            {cautious && (
              <Field
                label="Erased system prompt"
                htmlFor="job-erased"
                hint="What replaces the detailed system message at export when you choose prompt erasure."
              >
                <Textarea
                  id="job-erased"
                  rows={2}
                  value={erased}
                  onChange={(e) => setErased(e.target.value)}
                />
              </Field>
            )}
          </fieldset>
        </CardBody>
      </Card>
      <Card>
        <CardBody className="space-y-4">
          <GenerationFields value={generation} onChange={setGeneration} teachers={teachers}>
            <Field label="Samples per prompt" htmlFor="job-samplesPerPrompt">
              <Input
                id="job-samplesPerPrompt"
                type="number"
                required
                min={1}
                max={16}
                value={samplesPerPrompt}
                onChange={(e) => setSamples(e.target.value)}
              />
            </Field>
          </GenerationFields>
          <EstimatePanel
            requests={items * calls}
            query={estimateQuery}
            breakdown={
              set
                ? ` (${formatCount(set.promptCount)} prompts × ${samples || 0} samples${cautious ? " × 2 calls" : ""})`
                : ""
            }
          />
          {error && <Notice tone="error">{error}</Notice>}
          <Button
            type="submit"
            className="w-full"
            disabled={launch.isPending || !promptSetId || !generation.providerId}
          >
            {launch.isPending ? "Launching…" : "Launch job"}
          </Button>
        </CardBody>
      </Card>
    </form>
  );
}
