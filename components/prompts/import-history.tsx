import type { PromptImportView } from "@/lib/prompts/queries";
import { Badge } from "../ui/badge";
import { EmptyRow, Table, Td, Th } from "../ui/table";

/** Past imports into a set, newest first, with their refused rows behind a disclosure. */
export function ImportHistory({ imports }: { imports: PromptImportView[] }) {
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
          <tr key={i.id}>
            <Td className="whitespace-nowrap text-slate-500">
              {i.createdAt.toISOString().slice(0, 16).replace("T", " ")}
              {i.createdBy && <span className="block text-xs">{i.createdBy}</span>}
            </Td>
            <Td>
              <span className="font-mono text-xs">{i.fileName}</span>
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
              <Badge tone={i.status === "imported" ? "green" : "amber"}>{i.status}</Badge>
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
