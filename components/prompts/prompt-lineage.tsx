import Link from "next/link";
import type { PromptLineage } from "@/lib/prompts/lineage";
import { Badge } from "../ui/badge";
import { DefinitionList, type DefinitionRow } from "../ui/definition-list";
import { Card, CardBody, CardHeader } from "../ui/card";
import { formatUtc } from "../ui/format";
import { operationLabel } from "./lineage-badge";

const ORIGIN_TEXT: Record<string, string> = {
  import: "Imported from a file",
  "topic-graph": "Written by the teacher for a topic (topic graph)",
  "evol-instruct": "Rewritten by the teacher from another prompt (Evol-Instruct)",
};

type Ref = PromptLineage["children"][number];

function PromptLink({ prompt }: { prompt: Ref }) {
  return (
    <Link href={`/prompts/${prompt.promptSetId}/${prompt.id}`} className="block hover:text-indigo-700">
      {prompt.operation && <Badge className="mr-1">{operationLabel(prompt.operation)}</Badge>}
      <span className="line-clamp-2 whitespace-pre-line">{prompt.text}</span>
    </Link>
  );
}

/** A prompt with its lineage: how it was made, from what, and what was made from it. */
export function PromptLineageView({ prompt }: { prompt: PromptLineage }) {
  const rows: DefinitionRow[] = [
    ["Origin", ORIGIN_TEXT[prompt.origin] ?? prompt.origin],
    ...(prompt.topic ? [["Topic", prompt.topic] as [string, string]] : []),
    ...(prompt.operation ? [["Operation", operationLabel(prompt.operation)] as [string, string]] : []),
    ["Category", prompt.category ?? "—"],
    ["Source", prompt.source ?? "—"],
    ...(prompt.job
      ? [
          [
            "Job",
            <Link key="job" href={`/jobs/${prompt.job.id}`} className="text-indigo-700 hover:underline">
              {prompt.job.name}
            </Link>,
          ] as [string, React.ReactNode],
        ]
      : []),
    ["Added", formatUtc(prompt.createdAt)],
  ];
  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <div className="space-y-6 lg:col-span-2">
        <Card>
          <CardHeader title="Text" />
          <CardBody>
            <p className="text-sm whitespace-pre-wrap text-slate-900" data-testid="prompt-text">
              {prompt.text}
            </p>
          </CardBody>
        </Card>
        {prompt.parent && (
          <Card>
            <CardHeader title="Evolved from" />
            <CardBody className="text-sm">
              <div data-testid="prompt-parent">
                <PromptLink prompt={prompt.parent} />
              </div>
            </CardBody>
          </Card>
        )}
        {prompt.childCount > 0 && (
          <Card>
            <CardHeader title={`Evolved into (${prompt.childCount})`} />
            <CardBody>
              <ul className="space-y-2 text-sm">
                {prompt.children.map((child) => (
                  <li key={child.id}>
                    <PromptLink prompt={child} />
                  </li>
                ))}
              </ul>
            </CardBody>
          </Card>
        )}
        {prompt.referenceAnswer && (
          <Card>
            <CardHeader title="Reference answer" />
            <CardBody>
              <p className="text-sm whitespace-pre-wrap text-slate-700">{prompt.referenceAnswer}</p>
            </CardBody>
          </Card>
        )}
      </div>
      <Card>
        <CardHeader title="Lineage" />
        <CardBody>
          <DefinitionList rows={rows} />
        </CardBody>
      </Card>
    </div>
  );
}
