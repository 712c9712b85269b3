import "server-only";
import { db, type Tx } from "../../db";
import { contaminationIndex } from "../benchmarks";
import { contaminationVerdict } from "../contamination";
import { writeVerdicts, type NewVerdict } from "../verdict-store";

/** Contamination of a page of prompts: a benchmark item among the prompts taints every trace of it. */
export async function checkPromptPage(ids: readonly string[], jobId: string): Promise<NewVerdict[]> {
  const [prompts, index] = await Promise.all([
    db().prompt.findMany({ where: { id: { in: [...ids] } }, select: { id: true, text: true } }),
    contaminationIndex(),
  ]);
  if (!index) return [];
  return prompts.map((p) => ({
    subject: { promptId: p.id },
    check: "contamination",
    jobId,
    result: contaminationVerdict(index.scan(p.text, "prompt")),
  }));
}

export async function writePromptPage(tx: Tx, ids: readonly string[], verdicts: NewVerdict[]): Promise<void> {
  await tx.qualityVerdict.deleteMany({ where: { promptId: { in: [...ids] }, check: "contamination" } });
  await writeVerdicts(
    tx,
    verdicts.filter((v) => v.result.outcome === "fail" || v.result.outcome === "warn"),
  );
}
