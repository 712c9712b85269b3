import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { db } from "../db";
import { ConflictError } from "../errors";
import { importPrompts } from "./import-prompts";
import { createPromptSet } from "./mutations";

export const DEMO_SET_NAME = "Demo: GSM8K train (200)";
export const DEMO_FILE_NAME = "gsm8k-train-200.jsonl";
const DEMO_CATEGORY = "math/gsm8k";

/** The fixture ships in the repo (see demo/SOURCE.md); resolved from the project root. */
export function demoFixturePath(root = process.cwd()): string {
  return join(/* turbopackIgnore: true */ root, "lib", "prompts", "demo", DEMO_FILE_NAME);
}

/**
 * Creates the demo set from the fixture once; does nothing if a set with its name exists. The
 * rows go through the import every upload takes (spooled, then a prompt-import job, run here).
 */
export async function seedDemoPromptSet(): Promise<{ created: number }> {
  if (await db().promptSet.findUnique({ where: { name: DEMO_SET_NAME }, select: { id: true } })) {
    return { created: 0 };
  }
  let set: { id: string };
  try {
    set = await createPromptSet(
      {
        name: DEMO_SET_NAME,
        description:
          "The first 200 questions of the GSM8K training split (openai/grade-school-math, MIT), " +
          "with the reference solutions. Seeded for trying Tracebank out.",
      },
      null,
    );
  } catch (error) {
    if (error instanceof ConflictError) return { created: 0 }; // another process seeded it first
    throw error;
  }
  const result = await importPrompts({
    promptSetId: set.id,
    fileName: DEMO_FILE_NAME,
    format: "jsonl",
    mode: "all-or-nothing",
    source: demoRows(),
    actorId: null,
  });
  return { created: result.inserted };
}

/** The fixture's rows with the demo's category and ids (GSM8K rows have neither). */
async function* demoRows(): AsyncGenerator<string> {
  const lines = (await readFile(demoFixturePath(), "utf8")).split("\n").filter((l) => l.trim());
  for (const [i, line] of lines.entries()) {
    const { question, answer } = JSON.parse(line) as { question: string; answer: string };
    const row = { id: `gsm8k-train-${i + 1}`, question, answer, category: DEMO_CATEGORY };
    yield JSON.stringify(row) + "\n";
  }
}
