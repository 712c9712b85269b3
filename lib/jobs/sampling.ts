import { createHash } from "node:crypto";
import { InvalidInputError } from "../errors";
import type { SelectionMode } from "./schemas";

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
