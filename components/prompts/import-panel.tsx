"use client";

import { useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useId, useState, type FormEvent } from "react";
import { createPromptSetAction } from "@/lib/actions/prompts";
import type { ImportFormat, ImportMode } from "@/lib/prompts/schemas";
import { actionErrorMessage } from "../ui/action-result";
import { Button } from "../ui/button";
import { Field, Input, Select } from "../ui/field";
import { Notice } from "../ui/notice";
import { ImportProgress } from "./import-progress";
import { ImportResultView } from "./import-result";
import { ModeChoice } from "./mode-choice";
import { NewSetFields, type NewSet } from "./new-set-fields";
import { formatBytes, uploadPromptFile, type UploadProgress } from "./upload";
import { importsKey, useImports } from "./use-imports";

type Target = { id: string; name: string };
type Current = { importId: string; file: File; target: Target };

/**
 * Uploads a prompt file into a set: the given one, or (without `promptSetId`, on the sets page)
 * a new one created from the same form, which can also create the set empty. Shows the upload's
 * progress, then the import job's, then its result.
 */
export function ImportPanel({ promptSetId }: { promptSetId?: string }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const ids = useId();
  const [newSet, setNewSet] = useState<NewSet>({ name: "", description: "" });
  const [created, setCreated] = useState<Target & { from: string }>();
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState<ImportMode>("all-or-nothing");
  const [format, setFormat] = useState<ImportFormat | "auto">("auto");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [upload, setUpload] = useState<UploadProgress>();
  const [current, setCurrent] = useState<Current>();

  const imports = useImports(current?.target.id, { watching: current?.importId });
  const view = imports.data?.find((i) => i.id === current?.importId);
  const result = view?.result ?? null;
  const running = !!upload || (!!current && !result);
  const finished = result?.importId;
  useEffect(() => {
    if (finished) router.refresh();
  }, [finished, router]);

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

  async function send(chosen: File, into: Target, runMode: ImportMode) {
    setError(undefined);
    setCurrent(undefined);
    setUpload({ loaded: 0, total: chosen.size });
    try {
      const queued = await uploadPromptFile(into.id, chosen, { mode: runMode, format }, setUpload);
      setCurrent({ importId: queued.importId, file: chosen, target: into });
      void queryClient.invalidateQueries({ queryKey: importsKey(into.id) });
    } catch (e) {
      setError(e instanceof Error ? e.message : "The upload failed.");
    } finally {
      setUpload(undefined);
    }
  }

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (!file) return setError("Choose a file to import.");
    setBusy(true);
    const into = await target();
    setBusy(false);
    if (into) await send(file, into, mode);
  }

  async function createEmpty() {
    setBusy(true);
    const into = await target();
    setBusy(false);
    if (into) router.push(`/prompts/${into.id}`);
  }

  const disabled = busy || running;
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
        <Button type="submit" disabled={disabled || !file}>
          {running ? "Importing…" : "Import"}
        </Button>
        {!promptSetId && (
          <Button variant="secondary" onClick={createEmpty} disabled={disabled || !newSet.name.trim()}>
            Create empty set
          </Button>
        )}
      </div>
      {error && <Notice tone="error">{error}</Notice>}
      {upload && <ImportProgress state={{ phase: "uploading", upload }} onChanged={() => {}} />}
      {current && !result && (
        <ImportProgress state={{ phase: "import", view }} onChanged={() => void imports.refetch()} />
      )}
      {current && result && (
        <div className="space-y-2">
          <ImportResultView
            result={result}
            fileName={current.file.name}
            retrying={disabled}
            onRetrySkipping={() => send(current.file, current.target, "skip-invalid")}
          />
          {!promptSetId && (
            <Link href={`/prompts/${current.target.id}`} className="text-sm text-indigo-700 hover:underline">
              Open {current.target.name} →
            </Link>
          )}
        </div>
      )}
    </form>
  );
}
