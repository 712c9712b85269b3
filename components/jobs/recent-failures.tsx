import type { FailedItem } from "@/lib/jobs/progress";
import { Table, Td, Th } from "../ui/table";

export function RecentFailures({ failures }: { failures: FailedItem[] }) {
  if (failures.length === 0) return null;
  return (
    <div>
      <h3 className="mb-1.5 text-sm font-medium text-slate-700">Recent failures</h3>
      <div className="rounded-md border border-slate-200">
        <Table>
          <thead>
            <tr>
              <Th>#</Th>
              <Th>Prompt</Th>
              <Th>Attempts</Th>
              <Th>Error</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {failures.map((f) => (
              <tr key={f.ordinal}>
                <Td className="tabular-nums">{f.ordinal + 1}</Td>
                <Td className="max-w-sm text-slate-600">{f.promptPreview}</Td>
                <Td className="tabular-nums">{f.attempts}</Td>
                <Td className="text-rose-700">{f.lastError}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </div>
    </div>
  );
}
