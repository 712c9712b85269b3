import { createHash } from "node:crypto";
import { InvalidInputError } from "../errors";
import { FALLBACK_CATEGORY, type CategoryMap, type SelectionMode } from "./schemas";

export type SamplingCandidate = { versionId: string; weight: number; name?: string };

/**
 * A deterministic draw in [0, 1) from (seed, promptId, sampleIndex) alone: each item's choice is
 * independent of every other item and of iteration order, so relaunching a plan reproduces it.
 */
export function unitDraw(seed: number, promptId: string, sampleIndex: number): number {
  const digest = createHash("sha256").update(`${seed}\u0000${promptId}\u0000${sampleIndex}`).digest();
  return digest.readUIntBE(0, 6) / 2 ** 48;
}

/** Precomputes the cumulative weights once; returns (promptId, sampleIndex) -> versionId. */
export function createSampler(
  seed: number,
  messages: readonly SamplingCandidate[],
  mode: SelectionMode = "weighted",
): (promptId: string, sampleIndex: number) => string {
  // Sorted by version id so the caller's ordering of the list cannot change the plan.
  const usable = messages
    .filter((m) => Number.isFinite(m.weight) && m.weight > 0)
    .sort((a, b) => (a.versionId < b.versionId ? -1 : a.versionId > b.versionId ? 1 : 0));
  if (usable.length === 0) {
    throw new InvalidInputError(
      messages.length === 0
        ? "Choose at least one system message."
        : "Every chosen system message has weight 0, so none can be sampled. Give at least one a weight above 0.",
    );
  }
  const weights = usable.map((m) => (mode === "uniform" ? 1 : m.weight));
  const total = weights.reduce((a, b) => a + b, 0);
  const cumulative: number[] = [];
  let running = 0;
  for (const w of weights) cumulative.push((running += w / total));
  return (promptId, sampleIndex) => {
    const x = unitDraw(seed, promptId, sampleIndex);
    const index = cumulative.findIndex((c) => x < c);
    return usable[index === -1 ? usable.length - 1 : index]!.versionId;
  };
}

/** The system-message version assigned to one item of a plan. */
export function chooseSystemMessage(
  seed: number,
  promptId: string,
  sampleIndex: number,
  messages: readonly SamplingCandidate[],
  mode: SelectionMode = "weighted",
): string {
  return createSampler(seed, messages, mode)(promptId, sampleIndex);
}

export type PlanCandidate = SamplingCandidate & { messageId: string };
export type PlanPrompt = { id: string; category: string | null };
export type PlanSelection = { mode: SelectionMode; seed: number; categoryMap?: CategoryMap };

// Own keys only: a category named "constructor" or "toString" must not find Object.prototype's.
const mapped = (map: CategoryMap, key: string) => Object.hasOwn(map, key) && Array.isArray(map[key]);

const describeCategory = (category: string | null) =>
  category === null ? "Prompts without a category" : `Category "${category}"`;

/**
 * The messages a prompt of `category` may get: all of them, or in "category" mode the ones its
 * category maps to, else the "*" fallback's. Throws, naming the category, when nothing applies.
 */
export function allowedMessages<T extends PlanCandidate>(
  messages: readonly T[],
  selection: Pick<PlanSelection, "mode" | "categoryMap">,
  category: string | null,
): T[] {
  if (selection.mode !== "category") return [...messages];
  const map = selection.categoryMap ?? {};
  const key = category !== null && mapped(map, category) ? category : FALLBACK_CATEGORY;
  const ids = mapped(map, key) ? map[key] : undefined;
  if (!ids) {
    throw new InvalidInputError(
      `${describeCategory(category)} has no system message in the category map, and there is no "*" fallback. ` +
        `Map it to at least one message, or add a "*" entry for every other category.`,
    );
  }
  const allowed = messages.filter((m) => ids.includes(m.messageId));
  if (allowed.length !== new Set(ids).size) {
    throw new InvalidInputError(
      `The category map entry "${key}" names a system message that is not chosen for this job. ` +
        "Choose it among the job's messages, or remove it from the map.",
    );
  }
  return allowed;
}

/** Categories (of those given) that the map leaves without any message. */
export function unmappedCategories(
  categories: Iterable<string | null>,
  selection: Pick<PlanSelection, "mode" | "categoryMap">,
): Array<string | null> {
  if (selection.mode !== "category") return [];
  const map = selection.categoryMap ?? {};
  if (mapped(map, FALLBACK_CATEGORY)) return [];
  return [...new Set(categories)].filter((c) => c === null || !mapped(map, c));
}

/**
 * The plan's draw for every selection mode: (prompt, sampleIndex) -> versionId, deterministic from
 * the seed. In "category" mode the draw is by weight among the messages the prompt's category allows.
 */
export function createPlanSampler(
  messages: readonly PlanCandidate[],
  selection: PlanSelection,
): (prompt: PlanPrompt, sampleIndex: number) => string {
  if (selection.mode !== "category") {
    const draw = createSampler(selection.seed, messages, selection.mode);
    return (prompt, sampleIndex) => draw(prompt.id, sampleIndex);
  }
  const byKey = new Map<string, (promptId: string, sampleIndex: number) => string>();
  return (prompt, sampleIndex) => {
    const key = prompt.category ?? "\u0000none";
    let draw = byKey.get(key);
    if (!draw) {
      const allowed = allowedMessages(messages, selection, prompt.category);
      try {
        draw = createSampler(selection.seed, allowed, "weighted");
      } catch (error) {
        if (!(error instanceof InvalidInputError)) throw error;
        throw new InvalidInputError(
          `${describeCategory(prompt.category)}: every message it allows has weight 0, so none can be sampled. ` +
            "Give one a weight above 0 or allow another message.",
        );
      }
      byKey.set(key, draw);
    }
    return draw(prompt.id, sampleIndex);
  };
}
