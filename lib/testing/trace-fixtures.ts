import { createHash, randomBytes, randomUUID } from "node:crypto";
import { db } from "../db/client";
import type { ReviewStatus } from "../review/schemas";
import { insertTraces } from "../traces";
import { createTestUser } from "./fixtures";

export type CreateTracesOptions = {
  count?: number;
  /** The teacher's text, or a function of the trace's index. */
  content?: string | ((index: number) => string);
  /** Every trace gets this status, with matching decisions (conflict: one approve and one reject). */
  status?: ReviewStatus;
  /** Who decided, when status is not pending; created when missing. */
  reviewerIds?: string[];
  jobName?: string;
  /** Trace i is created at base + i seconds, so the newest-first order is index descending. */
  createdAt?: Date;
};

export type CreatedTraces = {
  tag: string;
  messageId: string;
  messageName: string;
  versionIds: [string, string];
  versionContents: [string, string];
  promptSetId: string;
  promptIds: string[];
  providerId: string;
  providerName: string;
  jobId: string;
  jobName: string;
  itemIds: string[];
  traceIds: string[];
  reviewerIds: string[];
};

const CHUNK = 500;
const id = () => randomUUID();

/**
 * Rows for review and export tests (and e2e): a system message with two versions, a prompt set,
 * a provider, a job with one item per trace, and the traces, alternating between both versions.
 */
export async function createTraces(options: CreateTracesOptions = {}): Promise<CreatedTraces> {
  const count = options.count ?? 4;
  const status = options.status ?? "pending";
  const tag = randomBytes(4).toString("hex");
  const client = db();
  const base = options.createdAt ?? new Date(Date.UTC(2025, 0, 1, 12, 0, 0));

  const messageName = `Step-by-step ${tag}`;
  const versionContents: [string, string] = [
    `You are a helpful assistant. Think step by step. (${tag} v1)`,
    `You are a patient teacher. Explain each step, then give the answer. (${tag} v2)`,
  ];
  const message = await client.systemMessage.create({
    data: {
      name: messageName,
      tags: ["step-by-step"],
      versions: { create: versionContents.map((content, i) => ({ version: i + 1, content })) },
    },
    include: { versions: { orderBy: { version: "asc" } } },
  });
  const versionIds = message.versions.map((v) => v.id) as [string, string];

  const promptSet = await client.promptSet.create({ data: { name: `Fixture set ${tag}` } });
  const promptIds = Array.from({ length: count }, id);
  await createInChunks(
    promptIds,
    (pid, i) => {
      const text = `Question ${i + 1} (${tag}): what is ${i} + ${i}?`;
      return {
        id: pid,
        promptSetId: promptSet.id,
        externalId: `q-${i + 1}`,
        text,
        referenceAnswer: String(i + i),
        category: i % 2 === 0 ? "arithmetic" : "word-problem",
        contentHash: createHash("sha256").update(text).digest("hex"),
      };
    },
    (rows) => client.prompt.createMany({ data: rows }),
  );

  const providerName = `Scripted teacher ${tag}`;
  const provider = await client.provider.create({
    data: { name: providerName, kind: "openai", baseUrl: "http://127.0.0.1:9/v1", model: "scripted-1" },
  });
  const params = { temperature: 0.7, maxTokens: 1024 };
  const jobName = options.jobName ?? `Fixture job ${tag}`;
  const job = await client.job.create({
    data: {
      name: jobName,
      status: "completed",
      promptSetId: promptSet.id,
      providerId: provider.id,
      itemCount: count,
      config: {
        promptSetId: promptSet.id,
        provider: {
          id: provider.id,
          name: providerName,
          kind: "openai",
          baseUrl: provider.baseUrl,
          model: "scripted-1",
        },
        params,
        systemMessageVersionIds: versionIds,
        samplesPerPrompt: 1,
        seed: 1,
      },
    },
  });

  const itemIds = Array.from({ length: count }, id);
  const versionOf = (i: number) => versionIds[i % 2]!;
  await createInChunks(
    itemIds,
    (itemId, i) => ({
      id: itemId,
      jobId: job.id,
      ordinal: i,
      promptId: promptIds[i]!,
      sampleIndex: 0,
      systemMessageVersionId: versionOf(i),
      status: "done",
      attempts: 1,
    }),
    (rows) => client.jobItem.createMany({ data: rows }),
  );

  const traceIds = Array.from({ length: count }, id);
  const contentOf = (i: number) =>
    typeof options.content === "function"
      ? options.content(i)
      : (options.content ?? `Step 1: add ${i} and ${i}.\n\n**Answer:** ${i + i}`);
  await createInChunks(
    traceIds,
    (traceId, i) => ({
      id: traceId,
      itemId: itemIds[i]!,
      jobId: job.id,
      promptId: promptIds[i]!,
      systemMessageVersionId: versionOf(i),
      model: "scripted-1",
      params,
      content: contentOf(i),
      finishReason: i % 5 === 4 ? "length" : "stop",
      truncated: i % 5 === 4,
      inputTokens: 40 + i,
      outputTokens: 120 + i,
      latencyMs: 300 + i,
      reviewStatus: status,
      createdAt: new Date(base.getTime() + i * 1000),
    }),
    (rows) => insertTraces(client, rows),
  );

  const reviewerIds = await decisionsFor(status, traceIds, options.reviewerIds ?? []);
  return {
    tag,
    messageId: message.id,
    messageName,
    versionIds,
    versionContents,
    promptSetId: promptSet.id,
    promptIds,
    providerId: provider.id,
    providerName,
    jobId: job.id,
    jobName,
    itemIds,
    traceIds,
    reviewerIds,
  };
}

async function decisionsFor(status: ReviewStatus, traceIds: string[], given: string[]): Promise<string[]> {
  const plan: Array<{ decision: "approved" | "rejected"; reason: string | null }> =
    status === "approved"
      ? [{ decision: "approved", reason: null }]
      : status === "rejected"
        ? [{ decision: "rejected", reason: "Fixture: the arithmetic is wrong." }]
        : status === "conflict"
          ? [
              { decision: "approved", reason: null },
              { decision: "rejected", reason: "Fixture: skips a step." },
            ]
          : [];
  const reviewerIds = [...given];
  while (reviewerIds.length < plan.length) reviewerIds.push((await createTestUser("reviewer")).id);
  for (const [n, step] of plan.entries()) {
    await createInChunks(
      traceIds,
      (traceId) => ({
        traceId,
        reviewerId: reviewerIds[n]!,
        decision: step.decision,
        reason: step.reason,
        version: 1,
      }),
      (rows) => db().reviewDecision.createMany({ data: rows }),
    );
  }
  return reviewerIds;
}

async function createInChunks<T, R>(
  ids: T[],
  row: (value: T, index: number) => R,
  insert: (rows: R[]) => Promise<unknown>,
): Promise<void> {
  for (let start = 0; start < ids.length; start += CHUNK) {
    await insert(ids.slice(start, start + CHUNK).map((value, i) => row(value, start + i)));
  }
}
