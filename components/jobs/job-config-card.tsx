import type { JobConfig } from "@/lib/jobs/schemas";
import { Card, CardBody, CardHeader } from "../ui/card";
import { formatCount } from "./format";

/** The frozen configuration of a job, as it was at launch. */
export function JobConfigCard({ config }: { config: JobConfig }) {
  const totalWeight = config.systemMessages.reduce((sum, m) => sum + m.weight, 0);
  const rows: Array<[string, string]> = [
    ["Prompt set", `${config.promptSet.name} (${formatCount(config.promptSet.promptCount)} prompts)`],
    ["Teacher", `${config.provider.name} · ${config.provider.model} (${config.provider.kind})`],
    ["Temperature", String(config.params.temperature)],
    ["Max tokens", formatCount(config.params.maxTokens)],
    ["Samples per prompt", String(config.samplesPerPrompt)],
    ["Selection", `${config.selection.mode}, seed ${config.selection.seed}`],
    ["Concurrency", String(config.concurrency)],
    ["Max attempts", String(config.maxAttempts)],
  ];
  return (
    <Card>
      <CardHeader title="Configuration" description="Frozen at launch." />
      <CardBody className="space-y-4">
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5 text-sm">
          {rows.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="text-slate-500">{label}</dt>
              <dd className="text-slate-800">{value}</dd>
            </div>
          ))}
        </dl>
        <div>
          <h3 className="mb-1.5 text-sm font-medium text-slate-700">System messages</h3>
          <ul className="divide-y divide-slate-100 rounded-md border border-slate-200 text-sm">
            {config.systemMessages.map((m) => (
              <li key={m.versionId} className="flex items-center justify-between gap-3 px-3 py-1.5">
                <span>
                  {m.name} <span className="text-xs text-slate-500">v{m.version}</span>
                </span>
                <span className="text-xs text-slate-500">
                  {config.selection.mode === "weighted" && totalWeight > 0
                    ? `weight ${m.weight} (${Math.round((m.weight / totalWeight) * 100)}%)`
                    : `weight ${m.weight}`}
                </span>
              </li>
            ))}
          </ul>
        </div>
      </CardBody>
    </Card>
  );
}
