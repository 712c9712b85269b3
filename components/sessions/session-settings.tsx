import Link from "next/link";
import type { SessionDetail } from "@/lib/sessions";
import { reviewFilterQuery } from "@/lib/review/filter";
import { Card, CardBody, CardHeader } from "../ui/card";
import { DefinitionList } from "../ui/definition-list";
import { formatUtc } from "../ui/format";
import { ACCESS_LABELS, RULE_LABELS } from "./format";

/** How the session was set up: its traces' filter, overlap, access, rule and people. */
export function SessionSettingsCard({ session }: { session: SessionDetail }) {
  const filter = session.filter ? reviewFilterQuery(session.filter) : "";
  return (
    <Card>
      <CardHeader title="Settings" />
      <CardBody>
        <DefinitionList
          rows={[
            ["Reviewers per trace", String(session.overlap)],
            [
              "Access",
              `${ACCESS_LABELS[session.access] ?? session.access}${session.access === "open" ? ` (reserved ${session.reservationMinutes} min)` : ""}`,
            ],
            ["Rule", RULE_LABELS[session.rule] ?? session.rule],
            ...(session.adjudicatorName
              ? [["Adjudicator", session.adjudicatorName] as [string, string]]
              : []),
            ["Reviewers", session.reviewers.map((r) => r.name).join(", ")],
            [
              "Traces",
              <Link key="filter" href={`/review${filter}`} className="text-indigo-700 hover:underline">
                The filter it was planned from
              </Link>,
            ],
            [
              "Created",
              `${formatUtc(session.createdAt)}${session.createdByName ? ` by ${session.createdByName}` : ""}`,
            ],
            ...(session.closedAt ? [["Closed", formatUtc(session.closedAt)] as [string, string]] : []),
          ]}
        />
      </CardBody>
    </Card>
  );
}
