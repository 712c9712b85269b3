"use client";

import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { useRef } from "react";
import { importBankAction } from "@/lib/actions/bank";
import { MAX_IMPORT_CHARS } from "@/lib/bank/schemas";
import { actionErrorMessage } from "../ui/action-result";
import { Button } from "../ui/button";

export type ImportOutcome = { tone: "success"; message: string } | { tone: "error"; message: string };

/** Reads the chosen JSON file in the browser and hands its text to the import action. */
export function ImportButton({ onOutcome }: { onOutcome: (outcome: ImportOutcome) => void }) {
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const run = useAction(importBankAction, {
    onSuccess: ({ data, input: sent }) => {
      if (!data) return;
      onOutcome({
        tone: "success",
        message: `Imported ${sent.fileName ?? "the file"}: ${data.created} created, ${data.newVersions} new ${
          data.newVersions === 1 ? "version" : "versions"
        }, ${data.unchanged} unchanged.`,
      });
      router.refresh();
    },
    onError: ({ error }) =>
      onOutcome({ tone: "error", message: actionErrorMessage(error) ?? "The import failed." }),
  });

  const pick = async (file: File | undefined) => {
    if (input.current) input.current.value = "";
    if (!file) return;
    if (file.size > MAX_IMPORT_CHARS) {
      onOutcome({ tone: "error", message: `${file.name} is larger than 1 MB; split it into smaller files.` });
      return;
    }
    run.execute({ text: await file.text(), fileName: file.name });
  };

  return (
    <>
      <input
        ref={input}
        type="file"
        accept="application/json,.json"
        aria-label="Import bank file"
        className="sr-only"
        tabIndex={-1}
        onChange={(e) => void pick(e.target.files?.[0])}
      />
      <Button variant="secondary" disabled={run.isPending} onClick={() => input.current?.click()}>
        {run.isPending ? "Importing…" : "Import JSON"}
      </Button>
    </>
  );
}
