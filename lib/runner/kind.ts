import type { z } from "zod";
import type { Tx } from "../db";
import type { ProviderKind } from "../teacher/schemas";
import type { Completion, RequestBody, Teacher } from "../teacher";
import type { Estimate, EstimateInput } from "./limits/budget";

/** The teacher a job calls, frozen at launch: the endpoint and model as they were, never the key. */
export type FrozenTeacher = {
  id: string;
  name: string;
  kind: ProviderKind;
  baseUrl: string | null;
  model: string;
};

/** How the runner runs a job of a kind, read once from its frozen config. */
export type RunSettings = {
  /** Items of the job in flight at once, across all workers. */
  concurrency: number;
  /** Attempts an item gets before it fails. */
  maxAttempts: number;
  /**
   * The teacher every item calls, with its per-request deadline; null for kinds that call none
   * (no provider limits, rate limiting or circuit breaker then apply).
   */
  teacher: { provider: FrozenTeacher; timeoutMs: number } | null;
  /** live: items run on workers one by one; batch: through the provider's batch API. */
  mode: "live" | "batch";
};

/** A leased item. (id, owner, attempts) is the fencing token every later write is guarded by. */
export type LeasedItem = {
  id: string;
  jobId: string;
  ordinal: number;
  /** Null for items that work on no prompt (a topic, an import). */
  promptId: string | null;
  /** Null until chosen (cautious reasoning), and for items that use no system message. */
  systemMessageVersionId: string | null;
  attempts: number;
  owner: string;
  /** Of those attempts, the ones the provider answered 429 (they never use up maxAttempts). */
  rateLimited?: number;
};

/** Attempts that count against maxAttempts: every try but the rate-limited ones. */
export const countedAttempts = (item: LeasedItem) => item.attempts - (item.rateLimited ?? 0);

/** One item to create while planning; the runner numbers items (ordinal) in the order given. */
export type PlannedItem = {
  promptId?: string | null;
  sampleIndex?: number;
  systemMessageVersionId?: string | null;
  payload?: unknown;
};

/** Items to write, and the checkpoint planning resumes from once they are written. */
export type PlanStep = { items: PlannedItem[]; cursor: unknown };

/** Where planning stands: the last step's cursor (null at the start) and the items written. */
export type PlanFrom = { cursor: unknown; planned: number };

/** An item's row as read while leasing it. */
export type ItemRow = {
  sampleIndex: number;
  payload: unknown;
  prompt: { id: string; text: string; category: string | null } | null;
};

/** What an attempt used, recorded on the item that it completed. */
export type AttemptUsage = { requests: number; inputTokens: number; outputTokens: number; costUsd: number };

export const NO_USAGE: AttemptUsage = { requests: 0, inputTokens: 0, outputTokens: 0, costUsd: 0 };

/** One attempt at one item, as the runner hands it to the kind. */
export type Attempt<C> = {
  item: LeasedItem;
  row: ItemRow;
  config: C;
  /** Null when the kind's settings name no teacher. */
  teacher: Teacher | null;
  signal: AbortSignal;
  /**
   * Runs fn in one transaction only while this attempt still holds the item's lease, for kinds
   * that write as they go (an import's batches); throws LostLeaseError once it does not.
   */
  fenced<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
};

export type Outcome<R> = { result: R; usage: AttemptUsage };

/** A result whose item this transaction has just marked done. */
export type Done<R> = { item: LeasedItem; result: R; usage: AttemptUsage };

/**
 * A kind of long work. The runner owns jobs, items, leases, retries, limits, pause and cancel;
 * a kind says what its config is, which items a job has, what one item does, and how its result
 * is stored. `write` runs in the transaction that marks the items done, under their lease: a
 * result is stored exactly once, whatever crashes.
 */
export type JobKind<C extends { kind: string } = { kind: string }, R = unknown> = {
  readonly name: C["kind"];
  /** The frozen config; parsed once per worker and job. */
  readonly config: z.ZodType<C>;
  settings(config: C): RunSettings;
  /** The job's items in order, in batches, from a checkpoint (resumable after a crash). */
  plan(config: C, from: PlanFrom): AsyncIterable<PlanStep>;
  /** One attempt; throws what went wrong (a TeacherError, a DomainError...), and the runner decides. */
  run(attempt: Attempt<C>): Promise<Outcome<R>>;
  write(tx: Tx, done: Array<Done<R>>, config: C, now: Date): Promise<void>;
  /** What an attempt takes from the teacher's per-minute budget; one request, no tokens when absent. */
  estimate?(config: C, input: EstimateInput): Estimate;
  /** Provider batch mode: an item's single request, and what its completion becomes. */
  batch?: {
    request(item: LeasedItem, row: ItemRow, config: C): RequestBody;
    outcome(item: LeasedItem, row: ItemRow, config: C, completion: Completion): Outcome<R>;
  };
  /** In the cancel's transaction: why the job cannot be cancelled now, or null. */
  refuseCancel?(tx: Tx, jobId: string, config: C): Promise<string | null>;
  /** In the transaction that gives the job its final status (completed, failed or cancelled). */
  finished?(tx: Tx, job: { id: string; status: string; error: string | null }, config: C): Promise<void>;
};

// Kinds are stored side by side in one registry; their configs and results differ.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyKind = JobKind<any, any>;
