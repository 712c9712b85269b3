// Seeds the review benchmark's database fast: prompts, job items, traces and decisions through the
// multi-row inserts (lib/db insertRows), text from GSM8K, statuses and reviewers spread as a team
// would leave them. Deterministic (one seeded generator), so both databases get the same rows.
import { readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { db } from "../lib/db/client";
import { cuid } from "../lib/db/cuid";
import { defineTable, insertRows, type ColumnType, type NewRow } from "../lib/db/insert-rows";
import type { Prisma } from "../lib/db";
import { insertTraces, type NewTrace } from "../lib/traces";

const GSM8K = ["/work/shared/data/gsm8k/train.jsonl", "/work/shared/data/gsm8k/test.jsonl"];
const CHUNK = 5_000;
const JOBS = 5;
const MESSAGES = 4;
const REVIEWERS = 6;
const CATEGORIES = ["arithmetic", "word-problem", "rates", "geometry", "money"];
/** Traces are spread over 100 days; four at a time share a timestamp (ties broken by id). */
const START = Date.UTC(2026, 0, 1);
const SPAN_MS = 100 * 86_400_000;

export type Seeded = {
  traces: number;
  reviewerIds: string[];
  deciderId: string;
  jobIds: string[];
  messageIds: string[];
  versionIds: string[];
  reasonIds: string[];
  categories: string[];
  start: number;
  spanMs: number;
  /** Every 1,000th trace's place in the order: anchors for cursors. */
  anchors: Array<{ createdAt: Date; id: string }>;
  /** Pending traces, spread over the order, for decisions. */
  pendingIds: string[];
};

type NewItem = NewRow<Prisma.JobItemUncheckedCreateInput, Prisma.JobItemScalarFieldEnum>;
type NewPrompt = NewRow<Prisma.PromptUncheckedCreateInput, Prisma.PromptScalarFieldEnum>;
type NewDecision = NewRow<Prisma.ReviewDecisionUncheckedCreateInput, Prisma.ReviewDecisionScalarFieldEnum>;

const ITEMS = defineTable<NewItem>({
  table: "JobItem",
  columns: {
    id: "text",
    jobId: "text",
    ordinal: "int",
    promptId: "text",
    sampleIndex: "int",
    systemMessageVersionId: "text",
    payload: "json",
    batchId: "text",
    status: "text",
    attempts: "int",
    rateLimited: "int",
    availableAt: "date",
    leaseOwner: "text",
    leaseExpiresAt: "date",
    lastError: "text",
    inputTokens: "int",
    outputTokens: "int",
    costUsd: "float",
    completedAt: "date",
    updatedAt: "date",
  } satisfies Record<Prisma.JobItemScalarFieldEnum, ColumnType>,
  defaults: {
    id: cuid,
    attempts: () => 1,
    rateLimited: () => 0,
    availableAt: () => new Date(START),
    updatedAt: () => new Date(START),
    inputTokens: () => 0,
    outputTokens: () => 0,
    costUsd: () => 0,
  },
});

const PROMPTS = defineTable<NewPrompt>({
  table: "Prompt",
  columns: {
    id: "text",
    promptSetId: "text",
    externalId: "text",
    text: "text",
    referenceAnswer: "text",
    category: "text",
    source: "text",
    contentHash: "text",
    origin: "text",
    parentPromptId: "text",
    topic: "text",
    operation: "text",
    synthesisItemId: "text",
    synthesisIndex: "int",
    createdAt: "date",
  } satisfies Record<Prisma.PromptScalarFieldEnum, ColumnType>,
  defaults: { id: cuid, origin: () => "import", createdAt: () => new Date(START) },
});

const DECISIONS = defineTable<NewDecision>({
  table: "ReviewDecision",
  columns: {
    id: "text",
    traceId: "text",
    reviewerId: "text",
    decision: "text",
    reasonId: "text",
    reason: "text",
    bulkActionId: "text",
    version: "int",
    createdAt: "date",
    updatedAt: "date",
  } satisfies Record<Prisma.ReviewDecisionScalarFieldEnum, ColumnType>,
  defaults: { id: cuid, version: () => 1, createdAt: () => new Date(), updatedAt: () => new Date() },
});

/** mulberry32: small, fast, seeded. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function gsm8k(): Array<{ question: string; answer: string }> {
  return GSM8K.flatMap((file) =>
    readFileSync(file, "utf8")
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { question: string; answer: string }),
  );
}

/** `traces` traces over `traces / 10` prompts (10 samples each), 5 jobs, 4 system messages x 2 versions. */
export async function seedReview(
  traces: number,
  log: (line: string) => void,
  options: { parallel?: number } = {},
): Promise<Seeded> {
  const client = db();
  const rows = gsm8k();
  const random = generator(42);
  const reviewerIds: string[] = [];
  for (let i = 0; i < REVIEWERS + 1; i++) {
    const id = `bench-user-${i}`;
    const role = i === REVIEWERS ? "curator" : "reviewer";
    await client.user.create({ data: { id, name: `Reviewer ${i + 1}`, email: `${id}@bench.test`, role } });
    reviewerIds.push(id);
  }
  const deciderId = reviewerIds.pop()!;
  const reasonIds = (await client.rejectReason.findMany({ orderBy: { position: "asc" } })).map((r) => r.id);
  const reasonLabels = new Map(
    (await client.rejectReason.findMany()).map((r) => [r.id, r.label] as [string, string]),
  );

  const messageIds: string[] = [];
  const versionIds: string[] = [];
  for (let m = 0; m < MESSAGES; m++) {
    const message = await client.systemMessage.create({
      data: {
        name: `Bench strategy ${m + 1}`,
        tags: ["step-by-step"],
        versions: {
          create: [1, 2].map((version) => ({
            version,
            content: `Strategy ${m + 1}, version ${version}: think step by step, then answer.`,
          })),
        },
      },
      include: { versions: { orderBy: { version: "asc" } } },
    });
    messageIds.push(message.id);
    versionIds.push(...message.versions.map((v) => v.id));
  }
  const set = await client.promptSet.create({ data: { name: "Bench GSM8K" } });
  const provider = await client.provider.create({
    data: { name: "Bench teacher", kind: "openai", baseUrl: "http://127.0.0.1:9/v1", model: "scripted-1" },
  });
  const jobIds: string[] = [];
  for (let j = 0; j < JOBS; j++) {
    const job = await client.job.create({
      data: {
        name: `Bench job ${j + 1}`,
        status: "completed",
        promptSetId: set.id,
        providerId: provider.id,
        itemCount: Math.ceil(traces / JOBS),
        config: {},
        createdAt: new Date(START + j),
      },
    });
    jobIds.push(job.id);
  }

  const promptCount = Math.max(1, Math.ceil(traces / 10));
  const promptIds: string[] = [];
  const began = Date.now();
  for (let start = 0; start < promptCount; start += CHUNK) {
    const chunk: NewPrompt[] = [];
    for (let i = start; i < Math.min(promptCount, start + CHUNK); i++) {
      const source = rows[i % rows.length]!;
      const text =
        i < rows.length ? source.question : `${source.question} (variant ${Math.floor(i / rows.length)})`;
      const id = cuid();
      promptIds.push(id);
      chunk.push({
        id,
        promptSetId: set.id,
        externalId: `gsm8k-${i}`,
        text,
        referenceAnswer: source.answer.split("#### ").at(-1) ?? null,
        category: CATEGORIES[i % CATEGORIES.length]!,
        contentHash: createHash("sha256").update(text).digest("hex"),
      });
    }
    await insertRows(client, PROMPTS, chunk);
  }
  log(`prompts: ${promptCount} in ${((Date.now() - began) / 1000).toFixed(1)} s`);

  const anchors: Seeded["anchors"] = [];
  const pendingIds: string[] = [];
  const traceStart = Date.now();
  let decisionRows = 0;
  const inflight: Array<Promise<void>> = [];
  for (let start = 0; start < traces; start += CHUNK) {
    const items: NewItem[] = [];
    const batch: NewTrace[] = [];
    const decisions: NewDecision[] = [];
    for (let k = start; k < Math.min(traces, start + CHUNK); k++) {
      const job = k % JOBS;
      const ordinal = Math.floor(k / JOBS);
      const p = ordinal % promptCount;
      const source = rows[p % rows.length]!;
      const versionId = versionIds[(k * 7 + (k >> 10)) % versionIds.length]!;
      const itemId = cuid();
      const id = cuid();
      const createdAt = new Date(START + Math.floor((k - (k % 4)) * (SPAN_MS / traces)));
      const roll = random();
      const status =
        roll < 0.1 ? "approved" : roll < 0.15 ? "rejected" : roll < 0.16 ? "conflict" : "pending";
      items.push({
        id: itemId,
        jobId: jobIds[job]!,
        ordinal,
        promptId: promptIds[p]!,
        sampleIndex: Math.floor(ordinal / promptCount),
        systemMessageVersionId: versionId,
        status: "done",
      });
      const content = contentFor(rows, p, random);
      batch.push({
        id,
        itemId,
        jobId: jobIds[job]!,
        promptId: promptIds[p]!,
        systemMessageVersionId: versionId,
        model: "scripted-1",
        params: { temperature: 0.7, maxTokens: 1024 },
        content,
        reasoning: random() < 0.25 ? rows[(p * 13 + 5) % rows.length]!.answer : null,
        finishReason: random() < 0.03 ? "length" : "stop",
        inputTokens: Math.round(source.question.length / 4) + 40,
        outputTokens: Math.round(content.length / 4),
        latencyMs: 300 + Math.floor(random() * 4000),
        reviewStatus: status,
        flaggedAt: random() < 0.002 ? createdAt : null,
        createdAt,
      });
      const reviewer = reviewerIds[Math.floor(random() * REVIEWERS)]!;
      const reasonId = reasonIds[Math.floor(random() * random() * reasonIds.length)]!;
      if (status === "approved" || status === "conflict")
        decisions.push({ traceId: id, reviewerId: reviewer, decision: "approved", version: 1 });
      if (status === "rejected" || status === "conflict") {
        const rejecter =
          status === "conflict" ? reviewerIds[(reviewerIds.indexOf(reviewer) + 1) % REVIEWERS]! : reviewer;
        decisions.push({
          traceId: id,
          reviewerId: rejecter,
          decision: "rejected",
          reasonId,
          reason: reasonLabels.get(reasonId) ?? null,
          version: 1,
        });
      }
      if (k % 1_000 === 0) anchors.push({ createdAt, id });
      if (status === "pending" && k % 997 === 0) pendingIds.push(id);
    }
    // PostgreSQL computes each trace's tsvector as it is written: two connections write at once.
    if (inflight.length >= (options.parallel ?? 1)) await inflight.shift();
    inflight.push(
      (async () => {
        await insertRows(client, ITEMS, items);
        await insertTraces(client, batch);
        await insertRows(client, DECISIONS, decisions);
      })(),
    );
    decisionRows += decisions.length;
    if ((start / CHUNK) % 40 === 39) log(`traces: ${start + CHUNK} (${rate(start + CHUNK, traceStart)}/s)`);
  }
  // The last chunks may still be writing: measuring before they land finds traces missing.
  await Promise.all(inflight);
  log(
    `traces: ${traces} and ${decisionRows} decisions in ${((Date.now() - traceStart) / 1000).toFixed(1)} s`,
  );
  return {
    traces,
    reviewerIds,
    deciderId,
    jobIds,
    messageIds,
    versionIds,
    reasonIds,
    categories: CATEGORIES,
    start: START,
    spanMs: SPAN_MS,
    anchors,
    pendingIds,
  };
}

const rate = (n: number, since: number) => Math.round(n / ((Date.now() - since) / 1000));

/** A teacher's answer of about 400-2,400 characters (mean near 1,270): its question's worked answer, then more. */
function contentFor(rows: Array<{ answer: string }>, p: number, random: () => number): string {
  const target = 300 + Math.floor(random() * random() * 3_600);
  let text = `Let me work through this step by step.\n\n${rows[p % rows.length]!.answer}`;
  for (let extra = 1; text.length < target; extra++) {
    text += `\n\nChecking it another way:\n${rows[(p + extra * 31) % rows.length]!.answer}`;
  }
  return text;
}
