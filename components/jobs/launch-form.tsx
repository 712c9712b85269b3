"use client";

import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { launchJobAction } from "@/lib/actions/jobs";
import { MAX_SEED, type SelectionMode } from "@/lib/jobs/schemas";
import { actionErrorMessage } from "../ui/action-result";
import { Button } from "../ui/button";
import { Card, CardBody } from "../ui/card";
import { Field, Input, Select } from "../ui/field";
import { Notice } from "../ui/notice";
import { toast } from "../ui/toast";
import { formatCount } from "./format";
import { MessageChecklist, type MessageOption } from "./message-checklist";

export type PromptSetOption = { id: string; name: string; promptCount: number };
export type TeacherOption = { id: string; name: string; model: string; hasApiKey: boolean };

const DEFAULTS = {
  temperature: "0.7",
  maxTokens: "1024",
  samplesPerPrompt: "1",
  concurrency: "8",
  maxAttempts: "3",
};

export function LaunchForm({
  promptSets,
  messages,
  teachers,
  seed: initialSeed,
}: {
  promptSets: PromptSetOption[];
  messages: MessageOption[];
  teachers: TeacherOption[];
  seed: number;
}) {
  const router = useRouter();
  const [name, setName] = useState("");
  const [promptSetId, setPromptSetId] = useState(promptSets.find((s) => s.promptCount > 0)?.id ?? "");
  const [checked, setChecked] = useState(() => new Set(messages.map((m) => m.messageId)));
  const [selection, setSelection] = useState<SelectionMode>("weighted");
  const [seed, setSeed] = useState(String(initialSeed));
  const [providerId, setProviderId] = useState(teachers[0]?.id ?? "");
  const [numbers, setNumbers] = useState(DEFAULTS);
  const [error, setError] = useState<string>();
  const launch = useAction(launchJobAction, {
    onSuccess: ({ data }) => {
      if (!data) return;
      toast.success("Job launched.");
      router.push(`/jobs/${data.jobId}`);
    },
    onError: ({ error }) => setError(actionErrorMessage(error) ?? "The job could not be launched."),
  });

  const set = promptSets.find((s) => s.id === promptSetId);
  const samples = Number(numbers.samplesPerPrompt);
  const requests = set && Number.isInteger(samples) && samples > 0 ? set.promptCount * samples : 0;
  const number = (
    key: keyof typeof DEFAULTS,
    label: string,
    props: { min: number; max: number; step?: number },
  ) => (
    <Field label={label} htmlFor={`job-${key}`}>
      <Input
        id={`job-${key}`}
        type="number"
        required
        {...props}
        value={numbers[key]}
        onChange={(e) => setNumbers({ ...numbers, [key]: e.target.value })}
      />
    </Field>
  );

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setError(undefined);
    launch.execute({
      name: name.trim() || undefined,
      promptSetId,
      systemMessageIds: [...checked],
      selection,
      seed: Number(seed),
      providerId,
      temperature: Number(numbers.temperature),
      maxTokens: Number(numbers.maxTokens),
      samplesPerPrompt: samples,
      concurrency: Number(numbers.concurrency),
      maxAttempts: Number(numbers.maxAttempts),
    });
  };

  return (
    <form onSubmit={submit} className="grid gap-6 lg:grid-cols-3">
      <Card className="lg:col-span-2">
        <CardBody className="space-y-5">
          <Field label="Name" htmlFor="job-name" hint="Leave empty for “set × model date”.">
            <Input id="job-name" value={name} maxLength={200} onChange={(e) => setName(e.target.value)} />
          </Field>
          <Field label="Prompt set" htmlFor="job-prompt-set">
            <Select
              id="job-prompt-set"
              required
              value={promptSetId}
              onChange={(e) => setPromptSetId(e.target.value)}
            >
              <option value="" disabled>
                Choose a prompt set
              </option>
              {promptSets.map((s) => (
                <option key={s.id} value={s.id} disabled={s.promptCount === 0}>
                  {s.name} ({formatCount(s.promptCount)} prompts)
                </option>
              ))}
            </Select>
          </Field>
          <MessageChecklist messages={messages} checked={checked} onChange={setChecked} />
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label="Selection" htmlFor="job-selection" hint="Weighted follows each message's weight.">
              <Select
                id="job-selection"
                value={selection}
                onChange={(e) => setSelection(e.target.value as SelectionMode)}
              >
                <option value="weighted">Weighted</option>
                <option value="uniform">Uniform</option>
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
        </CardBody>
      </Card>
      <Card>
        <CardBody className="space-y-4">
          <Field label="Teacher" htmlFor="job-teacher">
            <Select
              id="job-teacher"
              required
              value={providerId}
              onChange={(e) => setProviderId(e.target.value)}
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
            {number("samplesPerPrompt", "Samples per prompt", { min: 1, max: 16 })}
            {number("concurrency", "Concurrency", { min: 1, max: 64 })}
            {number("maxAttempts", "Max attempts", { min: 1, max: 10 })}
          </div>
          <Notice tone="info">
            This job will send <strong data-testid="request-count">{formatCount(requests)}</strong> requests
            {set ? ` (${formatCount(set.promptCount)} prompts × ${samples || 0} samples)` : ""}.
          </Notice>
          {error && <Notice tone="error">{error}</Notice>}
          <Button type="submit" className="w-full" disabled={launch.isPending || !promptSetId || !providerId}>
            {launch.isPending ? "Launching…" : "Launch job"}
          </Button>
        </CardBody>
      </Card>
    </form>
  );
}
