import type { JobConfig } from "@/lib/generation/schemas";
import { DefinitionList, type DefinitionRow } from "../ui/definition-list";
import { Card, CardBody, CardHeader } from "../ui/card";
import { formatCount } from "../ui/format";
import { formatDuration } from "./format";

function prices({ inputPerMTok, outputPerMTok }: JobConfig["pricing"]): string {
  if (inputPerMTok === null && outputPerMTok === null) return "not set (no cost shown)";
  return `$${inputPerMTok ?? 0} in / $${outputPerMTok ?? 0} out`;
}

function kindLabel(config: JobConfig): string {
  const synthesis = config.synthesis;
  if (!synthesis) return "traces";
  if (synthesis.method === "topic-graph") {
    return `prompt synthesis: topic graph, ${synthesis.topics.length} topics × ${synthesis.promptsPerTopic} prompts`;
  }
  const source = synthesis.sourcePromptSetName ?? synthesis.sourcePromptSetId;
  return `prompt synthesis: Evol-Instruct (${synthesis.operations.join(", ")}) from ${source}`;
}

/** Request parameters shown only when the job set them. */
function optionalRows(params: JobConfig["params"]): DefinitionRow[] {
  const rows: DefinitionRow[] = [];
  if (params.topP !== undefined) rows.push(["Top P", String(params.topP)]);
  if (params.stop?.length)
    rows.push(["Stop sequences", params.stop.map((s) => JSON.stringify(s)).join(", ")]);
  if (params.seed !== undefined) rows.push(["Provider seed", String(params.seed)]);
  if (params.reasoningEffort) rows.push(["Reasoning effort", params.reasoningEffort]);
  if (params.thinkingBudget !== undefined)
    rows.push(["Thinking budget", `${formatCount(params.thinkingBudget)} tokens`]);
  return rows;
}

/** The frozen configuration of a job, as it was at launch. */
export function JobConfigCard({ config }: { config: JobConfig }) {
  const totalWeight = config.systemMessages.reduce((sum, m) => sum + m.weight, 0);
  const { params } = config;
  const rows: DefinitionRow[] = [
    ["Kind", kindLabel(config)],
    [
      config.kind === "synthesis" ? "Writes into" : "Prompt set",
      `${config.promptSet.name} (${formatCount(config.promptSet.promptCount)} prompts at launch)`,
    ],
    ["Teacher", `${config.provider.name} · ${config.provider.model} (${config.provider.kind})`],
    ["Temperature", String(params.temperature)],
    ["Max tokens", formatCount(params.maxTokens)],
    ...optionalRows(params),
  ];
  if (config.kind === "traces") {
    rows.push(
      ["Samples per prompt", String(config.samplesPerPrompt)],
      ["Selection", `${config.selection.mode}, seed ${config.selection.seed}`],
    );
    if (config.cautious) {
      rows.push([
        "Cautious reasoning",
        `teacher picks the strategy; at export the system prompt can be replaced by "${config.cautious.erasedSystemPrompt}"`,
      ]);
    }
  }
  rows.push(
    ["Concurrency", String(config.concurrency)],
    ["Max attempts", String(config.maxAttempts)],
    [
      "Run",
      config.mode === "batch"
        ? "provider batch (half price)"
        : config.params.stream
          ? "live, streamed"
          : "live",
    ],
    ["Timeout per request", formatDuration(config.params.timeoutMs / 1000)],
    ["Prices (per M tokens)", prices(config.pricing)],
  );
  return (
    <Card>
      <CardHeader title="Configuration" description="Frozen at launch." />
      <CardBody className="space-y-4">
        <DefinitionList rows={rows} wideLabels />
        {config.systemMessages.length > 0 && (
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
        )}
      </CardBody>
    </Card>
  );
}
