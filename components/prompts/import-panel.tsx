"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import { createPromptSetAction } from "@/lib/actions/prompts";
import type { ImportFormat, ImportMode, ImportResult } from "@/lib/prompts/schemas";
import { actionErrorMessage } from "../ui/action-result";
import { Button } from "../ui/button";
import { Field, Input, Select } from "../ui/field";
import { Notice } from "../ui/notice";
import { ImportResultView } from "./import-result";
import { ModeChoice } from "./mode-choice";
import { NewSetFields, type NewSet } from "./new-set-fields";
import { formatBytes, uploadPromptFile } from "./upload";

type Target = { id: string; name: string };
type Outcome = { result: ImportResult; file: File; target: Target };

/**
 * Uploads a prompt file into a set: the given one, or (without `promptSetId`, on the sets page)
 * a new one created from the same form, which can also create the set empty.
 */
export function ImportPanel({ promptSetId }: { promptSetId?: string }) {
  const router = useRouter();
  const ids = useId();
  const [newSet, setNewSet] = useState<NewSet>({ name: "", description: "" });
  const [created, setCreated] = useState<Target & { from: string }>();
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState<ImportMode>("all-or-nothing");
  const [format, setFormat] = useState<ImportFormat | "auto">("auto");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [outcome, setOutcome] = useState<Outcome>();

  /** The set to import into; on the sets page it is created first (once per name typed). */
  async function target(): Promise<Target | undefined> {
    if (promptSetId) return { id: promptSetId, name: "" };
    if (created && created.from === newSet.name) return created;
    const result = await createPromptSetAction(newSet);
    if (!result?.data) {
      setError(actionErrorMessage(result ?? {}) ?? "The set could not be created.");
      return undefined;
    }
    setCreated({ ...result.data, from: newSet.name });
    return result.data;
  }

  async function upload(chosen: File, into: Target, runMode: ImportMode) {
    setBusy(true);
    setError(undefined);
    try {
      const result = await uploadPromptFile(into.id, chosen, { mode: runMode, format });
      setOutcome({ result, file: chosen, target: into });
      router.refresh();
    } catch (e) {
      setError(e instanceof Error ? e.message : "The upload failed.");
    } finally {
      setBusy(false);
    }
  }

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (!file) return setError("Choose a file to import.");
    setOutcome(undefined);
    setBusy(true);
    const into = await target();
    setBusy(false);
    if (into) await upload(file, into, mode);
  }

  async function createEmpty() {
    setBusy(true);
    const into = await target();
    setBusy(false);
    if (into) router.push(`/prompts/${into.id}`);
  }

  return (
    <form className="space-y-4" onSubmit={submit}>
      {!promptSetId && <NewSetFields value={newSet} onChange={setNewSet} />}
      <Field
        label="Prompt file"
        htmlFor={`${ids}-file`}
        hint={
          file
            ? `${file.name}, ${formatBytes(file.size)}`
            : "JSONL, CSV with a header row, or JSON. The text goes in text, prompt, question or instruction."
        }
      >
        <Input
          id={`${ids}-file`}
          type="file"
          accept=".jsonl,.ndjson,.csv,.json"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          className="file:mr-3 file:rounded file:border-0 file:bg-slate-100 file:px-2 file:py-1"
        />
      </Field>
      <Field label="File format" htmlFor={`${ids}-format`}>
        <Select
          id={`${ids}-format`}
          value={format}
          onChange={(e) => setFormat(e.target.value as ImportFormat | "auto")}
        >
          <option value="auto">By file extension</option>
          <option value="jsonl">JSON Lines</option>
          <option value="csv">CSV</option>
          <option value="json">JSON</option>
        </Select>
      </Field>
      <ModeChoice value={mode} onChange={setMode} />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={busy || !file}>
          {busy ? "Importing…" : "Import"}
        </Button>
        {!promptSetId && (
          <Button variant="secondary" onClick={createEmpty} disabled={busy || !newSet.name.trim()}>
            Create empty set
          </Button>
        )}
      </div>
      {error && <Notice tone="error">{error}</Notice>}
      {outcome && (
        <div className="space-y-2">
          <ImportResultView
            result={outcome.result}
            fileName={outcome.file.name}
            retrying={busy}
            onRetrySkipping={() => upload(outcome.file, outcome.target, "skip-invalid")}
          />
          {!promptSetId && (
            <Link href={`/prompts/${outcome.target.id}`} className="text-sm text-indigo-700 hover:underline">
              Open {outcome.target.name} →
            </Link>
          )}
        </div>
      )}
    </form>
  );
}
