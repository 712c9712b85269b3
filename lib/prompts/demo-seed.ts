import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { recordAudit } from "../audit";
import { db } from "../db";
import { isUniqueViolation } from "../errors";
import { contentHash } from "./content-hash";
import { PromptRowSchema } from "./schemas";

export const DEMO_SET_NAME = "Demo: GSM8K train (200)";
export const DEMO_FILE_NAME = "gsm8k-train-200.jsonl";
const DEMO_CATEGORY = "math/gsm8k";

/** The fixture ships in the repo (see demo/SOURCE.md); resolved from the project root. */
export function demoFixturePath(root = process.cwd()): string {
  return join(/* turbopackIgnore: true */ root, "lib", "prompts", "demo", DEMO_FILE_NAME);
}

/** Creates the demo set from the fixture once; does nothing if a set with its name exists. */
export async function seedDemoPromptSet(): Promise<{ created: number }> {
  if (await db().promptSet.findUnique({ where: { name: DEMO_SET_NAME }, select: { id: true } })) {
    return { created: 0 };
  }
  const prompts = await readDemoRows();
  try {
    return await db().$transaction(async (tx) => {
      const set = await tx.promptSet.create({
        data: {
          name: DEMO_SET_NAME,
          description:
            "The first 200 questions of the GSM8K training split (openai/grade-school-math, MIT), " +
            "with the reference solutions. Seeded for trying Tracebank out.",
        },
      });
      await tx.prompt.createMany({ data: prompts.map((p) => ({ ...p, promptSetId: set.id })) });
      const counts = { rowsRead: prompts.length, inserted: prompts.length, duplicates: 0, invalid: 0 };
      await tx.promptImport.create({
        data: {
          promptSetId: set.id,
          fileName: DEMO_FILE_NAME,
          format: "jsonl",
          mode: "all-or-nothing",
          status: "imported",
          ...counts,
          errors: [],
        },
      });
      await recordAudit(
        {
          actorId: null,
          action: "prompt-set.seeded",
          entityId: set.id,
          data: counts,
        },
        tx,
      );
      return { created: prompts.length };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { created: 0 }; // another process seeded it first
    throw error;
  }
}

async function readDemoRows() {
  const lines = (await readFile(demoFixturePath(), "utf8")).split("\n").filter((l) => l.trim());
  return lines.map((line, i) => {
    const row = PromptRowSchema.parse(JSON.parse(line));
    return {
      text: row.text,
      referenceAnswer: row.referenceAnswer,
      category: DEMO_CATEGORY,
      externalId: `gsm8k-train-${i + 1}`,
      source: DEMO_FILE_NAME,
      contentHash: contentHash(row.text),
    };
  });
}
