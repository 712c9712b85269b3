"use client";

import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toggleBenchmarkAction } from "@/lib/actions/quality";
import type { BenchmarkView } from "@/lib/quality/benchmarks";
import { toastActionError } from "../ui/action-result";
import { Badge } from "../ui/badge";
import { Button } from "../ui/button";
import { Input } from "../ui/field";
import { toast } from "../ui/toast";

/** The benchmark sets contamination is checked against: built in, or uploaded as JSONL. */
export function BenchmarksEditor({ benchmarks }: { benchmarks: BenchmarkView[] }) {
  const router = useRouter();
  const [name, setName] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [uploading, setUploading] = useState(false);
  const toggle = useAction(toggleBenchmarkAction, {
    onSuccess: () => router.refresh(),
    onError: toastActionError("Not saved; try again."),
  });
  const upload = async () => {
    if (!file) return;
    setUploading(true);
    try {
      const query = new URLSearchParams({ name, fileName: file.name });
      const response = await fetch(`/api/quality/benchmarks?${query}`, {
        method: "POST",
        body: await file.text(),
      });
      const body = (await response.json()) as { error?: string; itemCount?: number };
      if (!response.ok) return toast.error(body.error ?? "The upload failed.");
      toast.success(`${name}: ${body.itemCount?.toLocaleString("en-US")} items added.`);
      setName("");
      setFile(null);
      router.refresh();
    } finally {
      setUploading(false);
    }
  };
  return (
    <div className="space-y-6">
      <ul
        className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white"
        data-testid="benchmarks"
      >
        {benchmarks.map((b) => (
          <li key={b.id} className="flex flex-wrap items-center gap-3 px-5 py-3 text-sm">
            <span className="font-medium text-slate-900">{b.name}</span>
            <span className="text-slate-500">{b.itemCount.toLocaleString("en-US")} items</span>
            {b.builtin && <Badge tone="indigo">built in</Badge>}
            {!b.enabled && <Badge tone="slate">off</Badge>}
            {b.licence && (
              <span className="text-slate-500">
                {b.sourceUrl ? (
                  <a
                    href={b.sourceUrl}
                    className="text-indigo-700 hover:underline"
                    rel="noreferrer"
                    target="_blank"
                  >
                    {b.licence}
                  </a>
                ) : (
                  b.licence
                )}
              </span>
            )}
            <Button
              className="ml-auto"
              size="sm"
              variant="secondary"
              onClick={() => toggle.execute({ id: b.id, enabled: !b.enabled })}
            >
              {b.enabled ? "Turn off" : "Turn on"}
            </Button>
          </li>
        ))}
      </ul>
      <form
        className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-5 text-sm"
        aria-label="Upload a benchmark"
        onSubmit={(e) => {
          e.preventDefault();
          void upload();
        }}
      >
        <Input
          aria-label="Benchmark name"
          placeholder="Name, e.g. MATH-500"
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <input
          aria-label="Benchmark file"
          type="file"
          accept=".jsonl,.json,application/x-ndjson"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
        <Button type="submit" disabled={!file || !name || uploading}>
          {uploading ? "Uploading…" : "Upload"}
        </Button>
        <p className="w-full text-slate-500">
          JSONL, one item per line: the question under question, prompt, input, problem, text or instruction;
          the answer (optional) under answer, canonical_solution, solution, target or output; an id (optional)
          under id or task_id.
        </p>
      </form>
    </div>
  );
}
