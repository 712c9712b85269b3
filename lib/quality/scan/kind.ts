import "server-only";
import { z } from "zod";
import { recordAudit } from "../../audit";
import type { JobKind, PlannedItem } from "../../runner";
import { NO_USAGE, registerKind } from "../../runner";
import { QualityScanConfigSchema, type QualityScanConfig } from "../schemas";
import { bestOfK, writeBestOfK } from "./best-of-k";
import { findDuplicates, writeDuplicates, type Cluster } from "./duplicates-part";
import { checkPromptPage, writePromptPage } from "./prompts-part";
import { promptIdPage, scopePrompts, traceIdPage } from "./scope";
import { applyRulesToPage, checkTracePage, writeTracePage, type TracePageResult } from "./trace-part";
import { applyRules, ruleInputsOf } from "../rules/apply";
import type { NewVerdict } from "../verdict-store";

const Payload = z.discriminatedUnion("part", [
  z.object({ part: z.literal("traces"), ids: z.array(z.string()) }),
  z.object({ part: z.literal("rules"), ids: z.array(z.string()) }),
  z.object({ part: z.literal("prompts"), ids: z.array(z.string()) }),
  z.object({ part: z.literal("duplicates") }),
  z.object({ part: z.literal("best-of-k") }),
]);
type Payload = z.infer<typeof Payload>;

type Result =
  | { part: "traces"; page: TracePageResult }
  | { part: "rules"; ids: string[] }
  | { part: "prompts"; ids: string[]; verdicts: NewVerdict[] }
  | { part: "duplicates"; clusters: Cluster[] }
  | { part: "best-of-k"; verdicts: NewVerdict[] };

const Cursor = z.object({
  phase: z.enum(["traces", "prompts", "set"]),
  trace: z.object({ createdAt: z.coerce.date(), id: z.string() }).nullable(),
  prompt: z.string().nullable(),
});
type Cursor = z.infer<typeof Cursor>;

/**
 * A quality scan on the runner: the per-trace checks a page of traces per item (then the rules,
 * when asked), prompt contamination a page of prompts per item, then one item each for the
 * duplicate search and best-of-K, which need the whole scope. One item at a time, in that order,
 * so the set-level parts see the verdicts the pages wrote. Each item's verdicts replace older
 * ones of the same checks in the transaction that marks it done (exactly once).
 */
export const qualityScanKind = registerKind<JobKind<QualityScanConfig, Result>>({
  name: "quality-scan",
  config: QualityScanConfigSchema,
  settings: () => ({ concurrency: 1, maxAttempts: 5, teacher: null, mode: "live" }),
  async *plan(config, from) {
    const parts = new Set(config.parts);
    let cursor: Cursor = from.cursor
      ? Cursor.parse(from.cursor)
      : { phase: "traces", trace: null, prompt: null };
    const perTrace = parts.has("traces") ? "traces" : parts.has("rules") ? "rules" : null;
    while (cursor.phase === "traces") {
      const page = perTrace
        ? await traceIdPage(config.scope, cursor.trace, config.batch)
        : { ids: [], last: null };
      if (page.ids.length === 0) {
        cursor = { ...cursor, phase: "prompts" };
        break;
      }
      cursor = { ...cursor, trace: page.last };
      yield { items: [{ payload: { part: perTrace!, ids: page.ids } satisfies Payload }], cursor };
    }
    const where = await scopePrompts(config.scope);
    while (cursor.phase === "prompts") {
      const ids = parts.has("prompts") ? await promptIdPage(where, cursor.prompt, config.batch) : [];
      if (ids.length === 0) {
        cursor = { ...cursor, phase: "set" };
        break;
      }
      cursor = { ...cursor, prompt: ids.at(-1)! };
      yield { items: [{ payload: { part: "prompts", ids } satisfies Payload }], cursor };
    }
    const last: PlannedItem[] = [];
    if (parts.has("duplicates")) last.push({ payload: { part: "duplicates" } satisfies Payload });
    if (parts.has("best-of-k")) last.push({ payload: { part: "best-of-k" } satisfies Payload });
    if (last.length) yield { items: last, cursor: { ...cursor, phase: "set", trace: null, prompt: "done" } };
  },
  async run({ item, row, config, signal }) {
    const payload = Payload.parse(row.payload);
    const result = await runPart(payload, config, item.jobId, signal);
    return { result, usage: NO_USAGE };
  },
  async write(tx, done, config) {
    for (const { item, result } of done) {
      if (result.part === "traces")
        await writeTracePage(tx, result.page, { rules: config.parts.includes("rules"), jobId: item.jobId });
      else if (result.part === "rules") await applyRulesToPage(tx, result.ids, item.jobId);
      else if (result.part === "prompts") await writePromptPage(tx, result.ids, result.verdicts);
      else if (result.part === "duplicates") {
        const verdicts = await writeDuplicates(tx, config.scope, result.clusters, item.jobId);
        if (config.parts.includes("rules")) await applyRules(tx, ruleInputsOf(verdicts), item.jobId);
      } else {
        await writeBestOfK(tx, config.scope, result.verdicts);
        if (config.parts.includes("rules")) await applyRules(tx, ruleInputsOf(result.verdicts), item.jobId);
      }
    }
  },
  async finished(tx, job, config) {
    if (job.status !== "completed") return;
    await recordAudit(
      {
        actorId: config.actorId,
        action: "quality.scan-completed",
        entityId: job.id,
        data: { scope: { ...config.scope }, parts: config.parts },
      },
      tx,
    );
  },
});

async function runPart(
  payload: Payload,
  config: QualityScanConfig,
  jobId: string,
  signal: AbortSignal,
): Promise<Result> {
  switch (payload.part) {
    case "traces":
      return { part: "traces", page: await checkTracePage(payload.ids, jobId) };
    case "rules":
      return { part: "rules", ids: payload.ids };
    case "prompts":
      return { part: "prompts", ids: payload.ids, verdicts: await checkPromptPage(payload.ids, jobId) };
    case "duplicates":
      return { part: "duplicates", clusters: await findDuplicates(config.scope, signal) };
    case "best-of-k":
      return { part: "best-of-k", verdicts: await bestOfK(config.scope, signal, jobId) };
  }
}
