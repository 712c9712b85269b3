"use client";

import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { startJudgeAction } from "@/lib/actions/judge";
import { JUDGE_PARAM_DEFAULTS } from "@/lib/quality/judge/schemas";
import { newLaunchKey } from "../../jobs/launch-key";
import { actionErrorMessage } from "../../ui/action-result";
import { Button } from "../../ui/button";
import { Field, Input, Select } from "../../ui/field";
import { Notice } from "../../ui/notice";
import { toast } from "../../ui/toast";

export type Choice = { id: string; name: string };
export type VersionChoice = { id: string; label: string };

type Scope = "job" | "promptSet" | "all";

/** Starts a judge run: a rubric version, the traces (a job, a prompt set or all), a teacher. */
export function RunJudgeForm({
  versions,
  jobs,
  promptSets,
  teachers,
}: {
  versions: VersionChoice[];
  jobs: Choice[];
  promptSets: Choice[];
  teachers: Choice[];
}) {
  const router = useRouter();
  const [rubricVersionId, setVersion] = useState(versions[0]?.id ?? "");
  const [scope, setScope] = useState<Scope>(jobs.length ? "job" : "promptSet");
  const [jobId, setJobId] = useState(jobs[0]?.id ?? "");
  const [promptSetId, setPromptSetId] = useState(promptSets[0]?.id ?? "");
  const [providerId, setProviderId] = useState(teachers[0]?.id ?? "");
  const [concurrency, setConcurrency] = useState("4");
  const [maxTokens, setMaxTokens] = useState(String(JUDGE_PARAM_DEFAULTS.maxTokens));
  const [mode, setMode] = useState<"live" | "batch">("live");
  const [onlyPending, setOnlyPending] = useState(false);
  const [error, setError] = useState<string>();
  // One key per launch: a double submit starts one job.
  const [launchKey, setLaunchKey] = useState(newLaunchKey);
  const start = useAction(startJudgeAction, {
    onSuccess: ({ data }) => {
      if (!data) return;
      setLaunchKey(newLaunchKey());
      toast.success("Judge run started.");
      router.push(`/jobs/${data.jobId}`);
    },
    onError: ({ error }) => setError(actionErrorMessage(error) ?? "The judge run could not be started."),
  });

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setError(undefined);
    start.execute({
      launchKey,
      rubricVersionId,
      scope: scope === "job" ? { jobId } : scope === "promptSet" ? { promptSetId } : {},
      providerId,
      concurrency: Number(concurrency),
      params: { temperature: JUDGE_PARAM_DEFAULTS.temperature, maxTokens: Number(maxTokens) },
      mode,
      onlyPending,
    });
  };

  if (!teachers.length)
    return <Notice tone="warning">Add a teacher on the Teachers page to judge with.</Notice>;
  return (
    <form onSubmit={submit} className="space-y-4" aria-label="Run the judge">
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Rubric version" htmlFor="judge-version">
          <Select id="judge-version" value={rubricVersionId} onChange={(e) => setVersion(e.target.value)}>
            {versions.map((v) => (
              <option key={v.id} value={v.id}>
                {v.label}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Teacher" htmlFor="judge-teacher" hint="The model that judges, at temperature 0.">
          <Select id="judge-teacher" value={providerId} onChange={(e) => setProviderId(e.target.value)}>
            {teachers.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Traces" htmlFor="judge-scope">
          <Select id="judge-scope" value={scope} onChange={(e) => setScope(e.target.value as Scope)}>
            <option value="job">Of a job</option>
            <option value="promptSet">Of a prompt set</option>
            <option value="all">All traces</option>
          </Select>
        </Field>
        {scope === "job" && (
          <Field label="Job" htmlFor="judge-job">
            <Select id="judge-job" value={jobId} onChange={(e) => setJobId(e.target.value)}>
              {jobs.map((j) => (
                <option key={j.id} value={j.id}>
                  {j.name}
                </option>
              ))}
            </Select>
          </Field>
        )}
        {scope === "promptSet" && (
          <Field label="Prompt set" htmlFor="judge-set">
            <Select id="judge-set" value={promptSetId} onChange={(e) => setPromptSetId(e.target.value)}>
              {promptSets.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </Select>
          </Field>
        )}
        <Field label="Concurrency" htmlFor="judge-concurrency" hint="Requests in flight at once (1–64).">
          <Input
            id="judge-concurrency"
            type="number"
            min={1}
            max={64}
            required
            value={concurrency}
            onChange={(e) => setConcurrency(e.target.value)}
          />
        </Field>
        <Field label="Max tokens" htmlFor="judge-max-tokens" hint="Room for the reason and the score.">
          <Input
            id="judge-max-tokens"
            type="number"
            min={16}
            max={32768}
            required
            value={maxTokens}
            onChange={(e) => setMaxTokens(e.target.value)}
          />
        </Field>
        <Field
          label="Mode"
          htmlFor="judge-mode"
          hint="Batch: the provider's batch API, half price, up to a day."
        >
          <Select id="judge-mode" value={mode} onChange={(e) => setMode(e.target.value as "live" | "batch")}>
            <option value="live">Live</option>
            <option value="batch">Batch</option>
          </Select>
        </Field>
      </div>
      <label className="flex items-center gap-2 text-sm text-slate-700">
        <input
          type="checkbox"
          className="size-4 accent-indigo-600"
          checked={onlyPending}
          onChange={(e) => setOnlyPending(e.target.checked)}
        />
        Only traces this rubric version has not scored yet
      </label>
      {error && <Notice tone="error">{error}</Notice>}
      <Button type="submit" disabled={start.isPending || !rubricVersionId || !providerId}>
        {start.isPending ? "Starting…" : "Run judge"}
      </Button>
    </form>
  );
}
