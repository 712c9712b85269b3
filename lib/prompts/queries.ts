import { db } from "../db";
import { NotFoundError } from "../errors";
import { PROMPTS_PAGE_SIZE, UNCATEGORISED, type PromptListQuery } from "./schemas";

export type PromptSetSummary = {
  id: string;
  name: string;
  description: string | null;
  promptCount: number;
  createdAt: Date;
};

export type CategoryCount = { category: string | null; count: number };
export type PromptSetOverview = PromptSetSummary & {
  categories: CategoryCount[];
  jobCount: number;
  /** How its answers are verified (lib/quality's VerifySettingsSchema); null: automatically. */
  verifySettings?: unknown;
};

/** Every set with its prompt count, newest first. */
export async function listPromptSets(): Promise<PromptSetSummary[]> {
  const sets = await db().promptSet.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    select: {
      id: true,
      name: true,
      description: true,
      createdAt: true,
      _count: { select: { prompts: true } },
    },
  });
  return sets.map(({ _count, ...set }) => ({ ...set, promptCount: _count.prompts }));
}

/** Sets with their categories (most frequent first) and how many jobs use them: the /prompts list. */
export async function listPromptSetOverviews(): Promise<PromptSetOverview[]> {
  const [sets, groups, jobs] = await Promise.all([
    listPromptSets(),
    db().prompt.groupBy({ by: ["promptSetId", "category"], _count: { _all: true } }),
    db().job.groupBy({ by: ["promptSetId"], _count: { _all: true } }),
  ]);
  const categories = new Map<string, CategoryCount[]>();
  for (const g of groups) {
    const list = categories.get(g.promptSetId) ?? [];
    list.push({ category: g.category, count: g._count._all });
    categories.set(g.promptSetId, list);
  }
  const jobCounts = new Map(jobs.map((j) => [j.promptSetId, j._count._all]));
  return sets.map((set) => ({
    ...set,
    categories: sortCategories(categories.get(set.id) ?? []),
    jobCount: jobCounts.get(set.id) ?? 0,
  }));
}

export async function getPromptSet(id: string): Promise<PromptSetOverview> {
  const set = await db().promptSet.findUnique({
    where: { id },
    select: {
      id: true,
      name: true,
      description: true,
      createdAt: true,
      verifySettings: true,
      _count: { select: { prompts: true, jobs: true } },
    },
  });
  if (!set) throw new NotFoundError("Prompt set", id);
  const groups = await db().prompt.groupBy({
    by: ["category"],
    where: { promptSetId: id },
    _count: { _all: true },
  });
  const { _count, ...rest } = set;
  return {
    ...rest,
    promptCount: _count.prompts,
    jobCount: _count.jobs,
    categories: sortCategories(groups.map((g) => ({ category: g.category, count: g._count._all }))),
  };
}

function sortCategories(list: CategoryCount[]): CategoryCount[] {
  return list.sort((a, b) => b.count - a.count || (a.category ?? "").localeCompare(b.category ?? ""));
}

export type PromptListItem = {
  id: string;
  externalId: string | null;
  text: string;
  referenceAnswer: string | null;
  category: string | null;
  /** import | topic-graph | evol-instruct, with what the teacher wrote it from. */
  origin: string;
  topic: string | null;
  operation: string | null;
  parentPromptId: string | null;
};

/** One page of a set's prompts, filtered by category and text (portable `contains`, no `mode`). */
export async function listPrompts(
  promptSetId: string,
  query: Partial<PromptListQuery> & { page: number },
): Promise<{ items: PromptListItem[]; total: number; page: number; pageCount: number }> {
  const where = {
    promptSetId,
    ...(query.category ? { category: query.category === UNCATEGORISED ? null : query.category } : {}),
    ...(query.q ? { text: { contains: query.q } } : {}),
  };
  const total = await db().prompt.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / PROMPTS_PAGE_SIZE));
  const page = Math.min(query.page, pageCount);
  const items = await db().prompt.findMany({
    where,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    skip: (page - 1) * PROMPTS_PAGE_SIZE,
    take: PROMPTS_PAGE_SIZE,
    select: {
      id: true,
      externalId: true,
      text: true,
      referenceAnswer: true,
      category: true,
      origin: true,
      topic: true,
      operation: true,
      parentPromptId: true,
    },
  });
  return { items, total, page, pageCount };
}
