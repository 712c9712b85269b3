"use client";

import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { useMemo, useState, type FormEvent } from "react";
import { launchSynthesisAction } from "@/lib/actions/jobs";
import type { EvolOperation } from "@/lib/generation/synthesis/evol-operations";
import { DEFAULT_TOPIC_TEMPLATE, fillTemplate, parseTopics } from "@/lib/generation/synthesis/topics";
import { Button } from "../ui/button";
import { Card, CardBody } from "../ui/card";
import { Field, Input, Select } from "../ui/field";
import { formatCount } from "../ui/format";
import { Notice } from "../ui/notice";
import { toast } from "../ui/toast";
import { EstimatePanel } from "./estimate-panel";
import { PromptSetSelect, type PromptSetOption } from "./prompt-set-select";
import { GenerationFields, type TeacherOption } from "./generation-fields";
import { newLaunchKey } from "./launch-key";
import { generationInput, initialGeneration, launchErrorMessage } from "./generation-state";
import { EvolFields, TopicFields, type TopicState } from "./synthesis-method-fields";

type Method = "topic-graph" | "evol-instruct";

/** Launches a job whose teacher writes prompts into a set: from topics, or by evolving a set. */
export function SynthesisForm({ sets, teachers }: { sets: PromptSetOption[]; teachers: TeacherOption[] }) {
  const router = useRouter();
  const [name, setName] = useState("");
  const [targetKind, setTargetKind] = useState<"new" | "existing">("new");
  const [targetSetId, setTargetSetId] = useState("");
  const [newSetName, setNewSetName] = useState("");
  const [method, setMethod] = useState<Method>("topic-graph");
  const [topic, setTopic] = useState<TopicState>({
    topics: "",
    template: DEFAULT_TOPIC_TEMPLATE,
    promptsPerTopic: "5",
    category: "",
  });
  const [sourceSetId, setSourceSetId] = useState(sets.find((s) => s.promptCount > 0)?.id ?? "");
  const [operations, setOperations] = useState<Set<EvolOperation>>(
    () => new Set(["deepen", "add-constraints"]),
  );
  const [generation, setGeneration] = useState(() => initialGeneration(teachers[0]?.id ?? ""));
  const [error, setError] = useState<string>();
  // One key per launch: a double submit or a retried request returns the same job.
  const [launchKey, setLaunchKey] = useState(newLaunchKey);
  const launch = useAction(launchSynthesisAction, {
    onSuccess: ({ data }) => {
      if (!data) return;
      setLaunchKey(newLaunchKey());
      toast.success("Synthesis job launched.");
      router.push(`/jobs/${data.jobId}`);
    },
    onError: ({ error }) => setError(launchErrorMessage(error) ?? "The job could not be launched."),
  });

  const leaves = useMemo(() => parseTopics(topic.topics), [topic.topics]);
  const perTopic = Number(topic.promptsPerTopic) || 0;
  const source = sets.find((s) => s.id === sourceSetId);
  const items = method === "topic-graph" ? leaves.length : (source?.promptCount ?? 0) * operations.size;
  const topicInputChars = useMemo(
    () => leaves.reduce((sum, leaf) => sum + fillTemplate(topic.template, leaf, perTopic).length, 0),
    [leaves, topic.template, perTopic],
  );
  const estimateQuery =
    generation.providerId && items > 0
      ? {
          kind: method,
          providerId: generation.providerId,
          maxTokens: generation.params.maxTokens,
          mode: generation.mode,
          ...(method === "topic-graph"
            ? { topics: String(leaves.length), topicInputChars: String(topicInputChars) }
            : { promptSetId: sourceSetId, operations: [...operations].join(",") }),
        }
      : null;

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setError(undefined);
    launch.execute({
      ...generationInput(generation),
      launchKey,
      name: name.trim() || undefined,
      targetSetId: targetKind === "existing" ? targetSetId : undefined,
      newSetName: targetKind === "new" ? newSetName : undefined,
      synthesis:
        method === "topic-graph"
          ? {
              method,
              topics: topic.topics,
              template: topic.template,
              promptsPerTopic: perTopic,
              category: topic.category,
            }
          : { method, sourcePromptSetId: sourceSetId, operations: [...operations] },
    });
  };

  return (
    <form onSubmit={submit} className="grid gap-6 lg:grid-cols-3">
      <Card className="min-w-0 lg:col-span-2">
        <CardBody className="space-y-5">
          <Field label="Name" htmlFor="job-name" hint="Leave empty for “set · method × model date”.">
            <Input id="job-name" value={name} maxLength={200} onChange={(e) => setName(e.target.value)} />
          </Field>
          <fieldset className="space-y-2">
            <legend className="text-sm font-medium text-slate-700">Write the prompts into</legend>
            <div className="flex gap-4 text-sm">
              {(["new", "existing"] as const).map((kind) => (
                <label key={kind} className="flex items-center gap-1.5">
                  <input
                    type="radio"
                    name="target-kind"
                    className="accent-indigo-600"
                    checked={targetKind === kind}
                    onChange={() => setTargetKind(kind)}
                  />
                  {kind === "new" ? "A new set" : "An existing set"}
                </label>
              ))}
            </div>
            {targetKind === "new" ? (
              <Field label="New set name" htmlFor="synthesis-new-set">
                <Input
                  id="synthesis-new-set"
                  required
                  maxLength={200}
                  value={newSetName}
                  onChange={(e) => setNewSetName(e.target.value)}
                />
              </Field>
            ) : (
              <Field
                label="Target prompt set"
                htmlFor="synthesis-target"
                hint="Prompts it already holds are skipped."
              >
                <PromptSetSelect
                  id="synthesis-target"
                  sets={sets}
                  value={targetSetId}
                  onChange={setTargetSetId}
                  placeholder="Choose a prompt set"
                  allowEmpty
                />
              </Field>
            )}
          </fieldset>
          <Field label="Method" htmlFor="synthesis-method">
            <Select
              id="synthesis-method"
              value={method}
              onChange={(e) => setMethod(e.target.value as Method)}
            >
              <option value="topic-graph">Topic graph (Phi): N prompts per topic</option>
              <option value="evol-instruct">Evol-Instruct (WizardLM): rewrite existing prompts</option>
            </Select>
          </Field>
          {method === "topic-graph" ? (
            <TopicFields value={topic} onChange={setTopic} leaves={leaves} />
          ) : (
            <EvolFields
              sets={sets}
              sourceSetId={sourceSetId}
              onSourceChange={setSourceSetId}
              operations={operations}
              onOperationsChange={setOperations}
            />
          )}
        </CardBody>
      </Card>
      <Card>
        <CardBody className="space-y-4">
          <GenerationFields value={generation} onChange={setGeneration} teachers={teachers} />
          <EstimatePanel
            requests={items}
            query={estimateQuery}
            breakdown={
              method === "topic-graph"
                ? ` (${formatCount(leaves.length)} topics, up to ${formatCount(leaves.length * perTopic)} prompts)`
                : ` (${formatCount(source?.promptCount ?? 0)} prompts × ${operations.size} operations)`
            }
          />
          {error && <Notice tone="error">{error}</Notice>}
          <Button
            type="submit"
            className="w-full"
            disabled={launch.isPending || !generation.providerId || items === 0}
          >
            {launch.isPending ? "Launching…" : "Launch synthesis"}
          </Button>
        </CardBody>
      </Card>
    </form>
  );
}
