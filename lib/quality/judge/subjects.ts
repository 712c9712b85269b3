import "server-only";
import { db } from "../../db";
import type { JudgeSubject } from "./prompt";

/** What the judge is shown of each trace (the teacher's untouched answer, not reviewers' edits), by id. */
export async function judgeSubjects(traceIds: readonly string[]): Promise<Map<string, JudgeSubject>> {
  if (traceIds.length === 0) return new Map();
  const rows = await db().trace.findMany({
    where: { id: { in: [...traceIds] } },
    select: {
      id: true,
      content: true,
      reasoning: true,
      prompt: { select: { text: true, referenceAnswer: true } },
      systemMessageVersion: { select: { content: true } },
    },
  });
  return new Map(
    rows.map((row) => [
      row.id,
      {
        prompt: row.prompt.text,
        systemMessage: row.systemMessageVersion.content,
        referenceAnswer: row.prompt.referenceAnswer,
        content: row.content,
        reasoning: row.reasoning,
      },
    ]),
  );
}
