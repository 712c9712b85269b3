import "server-only";
import { db } from "../db";
import { NotFoundError } from "../errors";

type PromptRef = { id: string; promptSetId: string; text: string; origin: string; operation: string | null };

export type PromptLineage = {
  id: string;
  promptSetId: string;
  promptSetName: string;
  text: string;
  referenceAnswer: string | null;
  category: string | null;
  externalId: string | null;
  source: string | null;
  origin: string;
  topic: string | null;
  operation: string | null;
  createdAt: string;
  parent: PromptRef | null;
  /** Prompts evolved from this one (first 50). */
  children: PromptRef[];
  childCount: number;
  /** The synthesis job that wrote it. */
  job: { id: string; name: string } | null;
};

const ref = { id: true, promptSetId: true, text: true, origin: true, operation: true } as const;

/** One prompt with where it came from and what was made from it, for its page. */
export async function getPromptLineage(promptId: string): Promise<PromptLineage> {
  const p = await db().prompt.findUnique({
    where: { id: promptId },
    include: {
      promptSet: { select: { name: true } },
      parent: { select: ref },
      children: { select: ref, orderBy: [{ createdAt: "asc" }, { id: "asc" }], take: 50 },
      synthesisItem: { select: { job: { select: { id: true, name: true } } } },
      _count: { select: { children: true } },
    },
  });
  if (!p) throw new NotFoundError("Prompt", promptId);
  return {
    id: p.id,
    promptSetId: p.promptSetId,
    promptSetName: p.promptSet.name,
    text: p.text,
    referenceAnswer: p.referenceAnswer,
    category: p.category,
    externalId: p.externalId,
    source: p.source,
    origin: p.origin,
    topic: p.topic,
    operation: p.operation,
    createdAt: p.createdAt.toISOString(),
    parent: p.parent,
    children: p.children,
    childCount: p._count.children,
    job: p.synthesisItem?.job ?? null,
  };
}
