import Link from "next/link";
import type { SessionSummary } from "@/lib/sessions";
import { ProgressBar } from "../jobs/progress-bar";
import { Card } from "../ui/card";
import { formatCount, formatUtc } from "../ui/format";
import { EmptyRow, Table, Td, Th } from "../ui/table";
import { ACCESS_LABELS, percent, RULE_LABELS } from "./format";
import { SessionStatusBadge } from "./session-status-badge";

/** The sessions table: how far each one got, newest first. */
export function SessionList({ sessions, canManage }: { sessions: SessionSummary[]; canManage: boolean }) {
  return (
    <Card>
      <Table>
        <thead>
          <tr>
            <Th>Name</Th>
            <Th>Status</Th>
            <Th className="w-56">Complete</Th>
            <Th>Access</Th>
            <Th>Rule</Th>
            <Th className="text-right">Reviewers</Th>
            <Th>Created</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {sessions.length === 0 && (
            <EmptyRow colSpan={7}>
              {canManage
                ? "No sessions yet. Create one to have a team review a set of traces with overlap."
                : "You are not in any session yet."}
            </EmptyRow>
          )}
          {sessions.map((s) => (
            <tr key={s.id} data-testid="session-row">
              <Td>
                <Link href={`/sessions/${s.id}`} className="font-medium text-indigo-700 hover:underline">
                  {s.name}
                </Link>
              </Td>
              <Td>
                <SessionStatusBadge status={s.status} />
              </Td>
              <Td>
                <ProgressBar
                  label={`Traces complete in ${s.name}`}
                  percent={percent(s.complete, s.itemCount)}
                  done={s.complete - s.disputed}
                  failed={0}
                  cancelled={s.disputed}
                  total={s.itemCount}
                />
                <p className="mt-1 text-xs text-slate-500">
                  {formatCount(s.complete)} of {formatCount(s.itemCount)} traces
                  {s.disputed > 0 && ` · ${formatCount(s.disputed)} disputed`}
                </p>
              </Td>
              <Td>
                {ACCESS_LABELS[s.access] ?? s.access} · k = {s.overlap}
              </Td>
              <Td>{RULE_LABELS[s.rule] ?? s.rule}</Td>
              <Td className="text-right">{s.reviewers}</Td>
              <Td className="whitespace-nowrap">{formatUtc(s.createdAt)}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </Card>
  );
}
