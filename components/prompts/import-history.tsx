"use client";

import type { ImportView } from "@/lib/prompts/import-view";
import { Badge, type BadgeTone } from "../ui/badge";
import { EmptyRow, Table, Td, Th } from "../ui/table";
import { isRunningImport, useImports } from "./use-imports";

const TONES: Record<string, BadgeTone> = { imported: "green", failed: "red", cancelled: "slate" };

/**
 * A set's imports, newest first: running ones with their phase (refreshed while they run),
 * finished ones with their counts and refused rows behind a disclosure.
 */
export function ImportHistory({ promptSetId, initial }: { promptSetId: string; initial: ImportView[] }) {
  const { data: imports = initial } = useImports(promptSetId, { initial });
  return (
    <Table>
      <thead>
        <tr>
          <Th>When (UTC)</Th>
          <Th>File</Th>
          <Th>Mode</Th>
          <Th>Status</Th>
          <Th>Rows</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {imports.length === 0 && <EmptyRow colSpan={5}>No imports yet.</EmptyRow>}
        {imports.map((i) => (
          <tr key={i.id} data-testid="import-history-row">
            <Td className="whitespace-nowrap text-slate-500">
              {i.createdAt.slice(0, 16).replace("T", " ")}
              {i.createdBy && <span className="block text-xs">{i.createdBy}</span>}
            </Td>
            <Td>
              <span className="font-mono text-xs">{i.fileName}</span>
              {i.error && <span className="mt-1 block text-xs text-slate-600">{i.error}</span>}
              {i.errors.length > 0 && (
                <details className="mt-1 text-xs">
                  <summary className="cursor-pointer text-slate-600">
                    {i.errors.length === 1 ? "1 problem" : `${i.errors.length} problems`}
                    {i.invalid > i.errors.length ? ` (first ${i.errors.length} of ${i.invalid})` : ""}
                  </summary>
                  <ul className="mt-1 max-h-48 list-disc space-y-0.5 overflow-y-auto pl-4 font-mono">
                    {i.errors.map((e, n) => (
                      <li key={`${e.line}-${n}`}>{e.message}</li>
                    ))}
                  </ul>
                </details>
              )}
            </Td>
            <Td className="whitespace-nowrap">{i.mode}</Td>
            <Td>
              <Badge tone={isRunningImport(i.status) ? "blue" : (TONES[i.status] ?? "amber")}>
                {i.status}
              </Badge>
            </Td>
            <Td className="text-xs whitespace-nowrap tabular-nums">
              {i.rowsRead.toLocaleString("en-US")} read · {i.inserted.toLocaleString("en-US")} new
              <span className="block text-slate-500">
                {i.duplicates.toLocaleString("en-US")} duplicate · {i.invalid.toLocaleString("en-US")} invalid
              </span>
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
